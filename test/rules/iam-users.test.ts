import accessKey from '../../rules/identity-and-access-management/iam-user-no-access-key';
import consolePassword from '../../rules/identity-and-access-management/iam-user-no-console-password';
import { testRule } from '../helpers/rule-tester';

testRule(consolePassword, {
  valid: [
    { name: 'a user without a password', code: 'Resources:\n  Bot:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: [bots]\n' },
    { name: 'a login profile removed with AWS::NoValue', code: 'Resources:\n  Bot:\n    Type: AWS::IAM::User\n    Properties:\n      LoginProfile: !Ref AWS::NoValue\n' },
  ],
  invalid: [
    {
      name: 'a login profile',
      code: 'Resources:\n  Alice:\n    Type: AWS::IAM::User\n    Properties:\n      LoginProfile:\n        Password: "{{resolve:secretsmanager:alice}}"\n',
      findings: [{ range: '5:7-5:19', message: 'Alice gets a console password: give people access through IAM Identity Center or a federated identity provider, with temporary credentials.' }],
      output: null,
    },
    {
      name: 'a login profile in one branch, JSON',
      file: 't.json',
      code: '{"Resources": {"Alice": {"Type": "AWS::IAM::User", "Properties": {"LoginProfile": {"Fn::If": ["Humans", {"Password": {"Ref": "P"}}, {"Ref": "AWS::NoValue"}]}}}}}',
      findings: [{ range: '1:67-1:81' }],
      output: null,
    },
  ],
});

testRule(accessKey, {
  valid: [
    { name: 'an inactive key', code: 'Resources:\n  Key:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: bot\n      Status: Inactive\n' },
    { name: 'a role instead', code: 'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [] }\n' },
  ],
  invalid: [
    {
      name: 'a key kept in Secrets Manager',
      code: 'Resources:\n  Key:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: bot\n  KeySecret:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      SecretString: !Sub \'{"id": "${Key}", "secret": "${Key.SecretAccessKey}"}\'\n',
      findings: [{ range: '2:3-2:6', message: 'Key creates a long-term access key: give the workload an IAM role and temporary credentials instead.' }],
      output: null,
    },
    {
      name: 'a key whose secret is in the Outputs, active in one branch',
      code: 'Resources:\n  Key:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: bot\n      Status: !If [Enabled, Active, Inactive]\nOutputs:\n  Secret:\n    Value: !GetAtt Key.SecretAccessKey\n',
      findings: [{ range: '2:3-2:6', message: "Key creates a long-term access key, and shows its secret in the stack's Outputs: give the workload an IAM role and temporary credentials instead." }],
      output: null,
    },
  ],
});
