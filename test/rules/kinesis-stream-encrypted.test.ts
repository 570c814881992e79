import rule from '../../rules/data-protection/kinesis-stream-encrypted';
import { testRule } from '../helpers/rule-tester';

const stream = (properties: string) => `Resources:\n  Events:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      ShardCount: 1\n${properties}`;
const encrypted = '      StreamEncryption:\n        EncryptionType: KMS\n        KeyId: alias/aws/kinesis\n';

testRule(rule, {
  valid: [
    { name: 'encrypted with the AWS managed key', code: stream(encrypted) },
    { name: 'encrypted with a key of the template', code: stream('      StreamEncryption:\n        EncryptionType: KMS\n        KeyId: !GetAtt Key.Arn\n') },
    { name: 'encryption type from a parameter without a default', code: `Parameters:\n  Type:\n    Type: String\n${stream('      StreamEncryption:\n        EncryptionType: !Ref Type\n        KeyId: alias/aws/kinesis\n')}` },
    { name: 'JSON, encrypted', file: 't.json', code: '{"Resources": {"Events": {"Type": "AWS::Kinesis::Stream", "Properties": {"StreamEncryption": {"EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}}}}}' },
  ],
  invalid: [
    {
      name: 'no StreamEncryption',
      code: stream(''),
      findings: [{ range: '4:5-4:15', message: 'Events does not encrypt its records at rest: StreamEncryption is not set.' }],
      output: stream(encrypted),
    },
    {
      name: 'no Properties',
      code: 'Resources:\n  Events:\n    Type: AWS::Kinesis::Stream\n',
      findings: [{ range: '2:3-2:9' }],
      output: 'Resources:\n  Events:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      StreamEncryption:\n        EncryptionType: KMS\n        KeyId: alias/aws/kinesis\n',
    },
    {
      name: 'encryption type NONE',
      code: stream('      StreamEncryption:\n        EncryptionType: NONE\n        KeyId: alias/aws/kinesis\n'),
      findings: [{ range: '7:25-7:29', message: 'Events does not encrypt its records at rest: StreamEncryption.EncryptionType is "NONE".' }],
      output: stream(encrypted),
    },
    {
      name: 'encryption type from a parameter default',
      code: `Parameters:\n  Type:\n    Type: String\n    Default: NONE\n${stream('      StreamEncryption:\n        EncryptionType: !Ref Type\n        KeyId: alias/aws/kinesis\n')}`,
      findings: [{ range: '11:25-11:34', message: /from the default of parameter Type/ }],
      output: `Parameters:\n  Type:\n    Type: String\n    Default: KMS\n${stream('      StreamEncryption:\n        EncryptionType: !Ref Type\n        KeyId: alias/aws/kinesis\n')}`,
    },
    {
      name: 'encryption only on one branch',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${stream('      StreamEncryption: !If [IsProd, { EncryptionType: KMS, KeyId: alias/aws/kinesis }, !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '8:7-8:23', message: /EncryptionType is not set \(when condition IsProd is false\)/ }],
      output: null,
    },
    {
      name: 'JSON, no StreamEncryption',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Events": {\n      "Type": "AWS::Kinesis::Stream",\n      "Properties": {\n        "ShardCount": 1\n      }\n    }\n  }\n}\n',
      findings: [{ range: '5:7-5:19' }],
      output: '{\n  "Resources": {\n    "Events": {\n      "Type": "AWS::Kinesis::Stream",\n      "Properties": {\n        "ShardCount": 1,\n        "StreamEncryption": {\n          "EncryptionType": "KMS",\n          "KeyId": "alias/aws/kinesis"\n        }\n      }\n    }\n  }\n}\n',
    },
  ],
});
