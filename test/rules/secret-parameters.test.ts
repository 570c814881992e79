import noDefault from '../../rules/identity-and-access-management/secret-parameter-no-default';
import noEcho from '../../rules/identity-and-access-management/secret-parameter-no-echo';
import { testRule } from '../helpers/rule-tester';

const token = (parameter: string) => `Parameters:\n${parameter}Resources:\n  Source:\n    Type: AWS::CodeBuild::SourceCredential\n    Properties:\n      AuthType: PERSONAL_ACCESS_TOKEN\n      ServerType: GITHUB\n      Token: !Ref GitHubToken\n`;

testRule(noEcho, {
  valid: [
    { name: 'a NoEcho secret', code: token('  GitHubToken:\n    Type: String\n    NoEcho: true\n') },
    { name: 'names that hold no secret', code: 'Parameters:\n  KeyName:\n    Type: String\n  KmsKeyId:\n    Type: String\n  PasswordLength:\n    Type: Number\n  DbSecretArn:\n    Type: String\n  LambdaS3Key:\n    Type: String\n  ServiceToken:\n    Type: String\nResources:\n  T:\n    Type: AWS::SNS::Topic\n' },
    { name: 'a key pair name and an SSM parameter name', code: 'Parameters:\n  SshKey:\n    Type: AWS::EC2::KeyPair::KeyName\n  DbPassword:\n    Type: AWS::SSM::Parameter::Value<String>\n    Default: /app/db/password\nResources:\n  T:\n    Type: AWS::SNS::Topic\n' },
  ],
  invalid: [
    {
      name: 'a secret by its name, NoEcho added',
      code: 'Parameters:\n  DatabasePassword:\n    Type: String\n    MinLength: 12\nResources:\n  T:\n    Type: AWS::SNS::Topic\n',
      findings: [{ range: '2:3-2:19', message: 'Parameter DatabasePassword holds a secret (its name says it holds a password) but is not NoEcho: CloudFormation shows its value to anyone who can describe the stack.' }],
      output: 'Parameters:\n  DatabasePassword:\n    Type: String\n    MinLength: 12\n    NoEcho: true\nResources:\n  T:\n    Type: AWS::SNS::Topic\n',
    },
    {
      name: 'a secret by its use, NoEcho set to false',
      code: token('  GitHubToken:\n    Type: String\n    NoEcho: false\n').replace(/GitHubToken/g, 'RepoAccess'),
      findings: [{ range: '4:13-4:18', message: 'Parameter RepoAccess holds a secret (it is used as Token of Source) but is not NoEcho: CloudFormation shows its value to anyone who can describe the stack.' }],
      output: token('  GitHubToken:\n    Type: String\n    NoEcho: true\n').replace(/GitHubToken/g, 'RepoAccess'),
    },
    {
      name: 'used through !If as a master password, and named like a variable, in JSON',
      file: 't.json',
      code: '{"Parameters": {"AdminLogin": {"Type": "String"}, "slack_bot_token": {"Type": "String", "NoEcho": "false"}}, "Resources": {"Db": {"Type": "AWS::RDS::DBCluster", "Properties": {"MasterUserPassword": {"Fn::If": ["C", {"Ref": "AdminLogin"}, {"Ref": "AWS::NoValue"}]}}}}}',
      findings: [
        { range: '1:17-1:29', message: /AdminLogin holds a secret \(it is used as MasterUserPassword of Db\)/ },
        { range: '1:99-1:106', message: /slack_bot_token holds a secret \(its name says it holds a token\)/ },
      ],
      output: '{"Parameters": {"AdminLogin": {"Type": "String", "NoEcho": true}, "slack_bot_token": {"Type": "String", "NoEcho": "true"}}, "Resources": {"Db": {"Type": "AWS::RDS::DBCluster", "Properties": {"MasterUserPassword": {"Fn::If": ["C", {"Ref": "AdminLogin"}, {"Ref": "AWS::NoValue"}]}}}}}',
    },
  ],
});

testRule(noDefault, {
  valid: [
    { name: 'no default', code: token('  GitHubToken:\n    Type: String\n    NoEcho: true\n') },
    { name: 'an empty default meaning "not given"', code: token('  GitHubToken:\n    Type: String\n    NoEcho: true\n    Default: ""\n') },
    { name: 'a default that names where the secret is kept', code: token('  GitHubToken:\n    Type: String\n    NoEcho: true\n    Default: arn:aws:secretsmanager:eu-west-1:123456789012:secret:gh\n') },
  ],
  invalid: [
    {
      name: 'a NoEcho secret with a default',
      code: token('  GitHubToken:\n    Type: String\n    NoEcho: true\n    Default: ghp_0123456789abcdefghijklmnopqrstuvwxyz\n'),
      findings: [{ range: '5:14-5:54', message: 'Parameter GitHubToken holds a secret (its name says it holds a token) and has a default value: the secret is written in the template.' }],
      output: token('  GitHubToken:\n    Type: String\n    NoEcho: true\n'),
    },
    {
      name: 'a default password of a parameter used as one, JSON',
      file: 't.json',
      code: '{"Parameters": {"Admin": {"Type": "String", "NoEcho": true, "Default": "changeme"}}, "Resources": {"User": {"Type": "AWS::IAM::User", "Properties": {"LoginProfile": {"Password": {"Ref": "Admin"}}}}}}',
      findings: [{ range: '1:72-1:82', message: /Admin holds a secret \(it is used as LoginProfile.Password of User\) and has a default value/ }],
      output: '{"Parameters": {"Admin": {"Type": "String", "NoEcho": true}}, "Resources": {"User": {"Type": "AWS::IAM::User", "Properties": {"LoginProfile": {"Password": {"Ref": "Admin"}}}}}}',
    },
  ],
});
