import rule from '../../rules/data-protection/sqs-queue-encrypted';
import { testRule } from '../helpers/rule-tester';

const queue = (properties: string) => `Resources:\n  Orders:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 0\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'no encryption settings: SSE-SQS by default', code: queue('') },
    { name: 'no Properties at all', code: 'Resources:\n  Orders:\n    Type: AWS::SQS::Queue\n' },
    { name: 'SSE-SQS on', code: queue('      SqsManagedSseEnabled: true\n') },
    { name: 'a KMS key', code: queue('      KmsMasterKeyId: alias/aws/sqs\n') },
    { name: 'a KMS key beside SqsManagedSseEnabled false', code: queue('      SqsManagedSseEnabled: false\n      KmsMasterKeyId: !Ref QueueKey\n') },
    { name: 'parameter without a default', code: `Parameters:\n  Sse:\n    Type: String\n${queue('      SqsManagedSseEnabled: !Ref Sse\n')}` },
    { name: 'JSON, SSE-SQS on', file: 't.json', code: '{"Resources": {"Orders": {"Type": "AWS::SQS::Queue", "Properties": {"SqsManagedSseEnabled": true}}}}' },
  ],
  invalid: [
    {
      name: 'turned off',
      code: queue('      SqsManagedSseEnabled: false\n'),
      findings: [{ range: '6:29-6:34', message: 'Orders turns off encryption at rest: SqsManagedSseEnabled is false.' }],
      output: queue('      SqsManagedSseEnabled: true\n'),
    },
    {
      name: 'turned off as a string',
      code: queue('      SqsManagedSseEnabled: "false"\n'),
      findings: [{ range: '6:29-6:36' }],
      output: queue('      SqsManagedSseEnabled: "true"\n'),
    },
    {
      name: 'off on one branch of a condition',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${queue('      SqsManagedSseEnabled: !If [IsProd, true, false]\n')}`,
      findings: [{ range: '8:29-8:54', message: /when condition IsProd is false/ }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${queue('      SqsManagedSseEnabled: !If [IsProd, true, true]\n')}`,
    },
    {
      name: 'parameter defaulting to false',
      code: `Parameters:\n  Sse:\n    Type: String\n    Default: "false"\n    AllowedValues: ["true", "false"]\n${queue('      SqsManagedSseEnabled: !Ref Sse\n')}`,
      findings: [{ range: '11:29-11:37', message: /from the default of parameter Sse/ }],
      output: `Parameters:\n  Sse:\n    Type: String\n    Default: "true"\n    AllowedValues: ["true"]\n${queue('      SqsManagedSseEnabled: !Ref Sse\n')}`,
    },
    {
      name: 'JSON, turned off',
      file: 't.json',
      code: '{"Resources": {"Orders": {"Type": "AWS::SQS::Queue", "Properties": {"SqsManagedSseEnabled": false}}}}',
      findings: [{ range: '1:93-1:98' }],
      output: '{"Resources": {"Orders": {"Type": "AWS::SQS::Queue", "Properties": {"SqsManagedSseEnabled": true}}}}',
    },
  ],
});
