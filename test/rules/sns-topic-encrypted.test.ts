import rule from '../../rules/data-protection/sns-topic-encrypted';
import { testRule } from '../helpers/rule-tester';

const topic = (properties: string, rest = '') => `Resources:\n  Alerts:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: alerts\n${properties}${rest}`;
const alarm = '  HighErrors:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      AlarmActions: [!Ref Alerts]\n';
const lambda = '  Notifier:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          TOPIC: !Ref Alerts\n';
const servicePolicy = '  AlertsPolicy:\n    Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics: [!Ref Alerts]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: events.amazonaws.com }\n            Action: sns:Publish\n            Resource: !Ref Alerts\n';

testRule(rule, {
  valid: [
    { name: 'the AWS managed key', code: topic('      KmsMasterKeyId: alias/aws/sns\n') },
    { name: 'a key of the template', code: topic('      KmsMasterKeyId: !GetAtt TopicKey.Arn\n') },
    { name: 'a key from a parameter without a default', code: `Parameters:\n  Key:\n    Type: String\n${topic('      KmsMasterKeyId: !Ref Key\n')}` },
    { name: 'JSON, a key', file: 't.json', code: '{"Resources": {"Alerts": {"Type": "AWS::SNS::Topic", "Properties": {"KmsMasterKeyId": "alias/aws/sns"}}}}' },
  ],
  invalid: [
    {
      name: 'no key',
      code: topic(''),
      findings: [{ range: '4:5-4:15', message: 'Alerts does not encrypt its messages at rest: KmsMasterKeyId is not set.' }],
      output: topic('      KmsMasterKeyId: alias/aws/sns\n'),
    },
    {
      name: 'no Properties',
      code: 'Resources:\n  Alerts:\n    Type: AWS::SNS::Topic\n',
      findings: [{ range: '2:3-2:9' }],
      output: 'Resources:\n  Alerts:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: alias/aws/sns\n',
    },
    {
      name: 'an empty key',
      code: topic('      KmsMasterKeyId: ""\n'),
      findings: [{ range: '6:23-6:25', message: 'Alerts does not encrypt its messages at rest: KmsMasterKeyId is "".' }],
      output: topic('      KmsMasterKeyId: "alias/aws/sns"\n'),
    },
    {
      name: 'a Lambda function publishes: the AWS managed key works',
      code: topic('', lambda),
      findings: [{ range: '4:5-4:15' }],
      output: topic('      KmsMasterKeyId: alias/aws/sns\n', lambda),
    },
    {
      name: 'a CloudWatch alarm publishes: no fix with the AWS managed key',
      code: topic('', alarm),
      findings: [{ range: '4:5-4:15', message: 'Alerts does not encrypt its messages at rest (HighErrors publishes to it as an AWS service: use a customer managed key whose policy allows that service): KmsMasterKeyId is not set.' }],
      output: null,
    },
    {
      name: 'a topic policy lets a service publish: no fix',
      code: topic('', servicePolicy),
      findings: [{ range: '4:5-4:15', message: /AlertsPolicy publishes to it as an AWS service/ }],
      output: null,
    },
    {
      name: 'key only on one branch of a condition',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${topic('      KmsMasterKeyId: !If [IsProd, alias/aws/sns, !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '8:23-8:69', message: /when condition IsProd is false/ }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${topic('      KmsMasterKeyId: !If [IsProd, alias/aws/sns, alias/aws/sns]\n')}`,
    },
    {
      name: 'JSON, no key',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Alerts": {\n      "Type": "AWS::SNS::Topic",\n      "Properties": {\n        "TopicName": "alerts"\n      }\n    }\n  }\n}\n',
      findings: [{ range: '5:7-5:19' }],
      output: '{\n  "Resources": {\n    "Alerts": {\n      "Type": "AWS::SNS::Topic",\n      "Properties": {\n        "TopicName": "alerts",\n        "KmsMasterKeyId": "alias/aws/sns"\n      }\n    }\n  }\n}\n',
    },
  ],
});
