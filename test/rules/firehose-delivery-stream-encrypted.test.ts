import rule from '../../rules/data-protection/firehose-delivery-stream-encrypted';
import { testRule } from '../helpers/rule-tester';

const stream = (properties: string) => `Resources:\n  Clicks:\n    Type: AWS::KinesisFirehose::DeliveryStream\n    Properties:\n${properties}      S3DestinationConfiguration:\n        BucketARN: arn:aws:s3:::archive\n`;

testRule(rule, {
  valid: [
    { name: 'AWS owned key', code: stream('      DeliveryStreamEncryptionConfigurationInput:\n        KeyType: AWS_OWNED_CMK\n') },
    { name: 'customer managed key', code: stream('      DeliveryStreamEncryptionConfigurationInput:\n        KeyType: CUSTOMER_MANAGED_CMK\n        KeyARN: !GetAtt Key.Arn\n') },
    { name: 'reads from a Kinesis data stream', code: stream('      DeliveryStreamType: KinesisStreamAsSource\n') },
    { name: 'reads from MSK', code: stream('      DeliveryStreamType: MSKAsSource\n') },
    { name: 'stream type from a parameter without a default', code: `Parameters:\n  Kind:\n    Type: String\n${stream('      DeliveryStreamType: !Ref Kind\n')}` },
    { name: 'JSON, encrypted', file: 't.json', code: '{"Resources": {"Clicks": {"Type": "AWS::KinesisFirehose::DeliveryStream", "Properties": {"DeliveryStreamEncryptionConfigurationInput": {"KeyType": "AWS_OWNED_CMK"}}}}}' },
  ],
  invalid: [
    {
      name: 'direct put, not encrypted',
      code: stream('      DeliveryStreamType: DirectPut\n'),
      findings: [{ range: '4:5-4:15', message: 'Clicks does not encrypt the records it buffers: DeliveryStreamEncryptionConfigurationInput.KeyType is not set.' }],
      output: 'Resources:\n  Clicks:\n    Type: AWS::KinesisFirehose::DeliveryStream\n    Properties:\n      DeliveryStreamType: DirectPut\n      S3DestinationConfiguration:\n        BucketARN: arn:aws:s3:::archive\n      DeliveryStreamEncryptionConfigurationInput:\n        KeyType: AWS_OWNED_CMK\n',
    },
    {
      name: 'no stream type (direct put), not encrypted',
      code: stream(''),
      findings: [{ range: '4:5-4:15' }],
      output: 'Resources:\n  Clicks:\n    Type: AWS::KinesisFirehose::DeliveryStream\n    Properties:\n      S3DestinationConfiguration:\n        BucketARN: arn:aws:s3:::archive\n      DeliveryStreamEncryptionConfigurationInput:\n        KeyType: AWS_OWNED_CMK\n',
    },
    {
      name: 'key type from a parameter default that is not a key type',
      code: `Parameters:\n  KeyType:\n    Type: String\n    Default: NONE\n${stream('      DeliveryStreamEncryptionConfigurationInput:\n        KeyType: !Ref KeyType\n')}`,
      findings: [{ range: '10:18-10:30', message: /KeyType is "NONE" \(from the default of parameter KeyType\)/ }],
      output: `Parameters:\n  KeyType:\n    Type: String\n    Default: AWS_OWNED_CMK\n${stream('      DeliveryStreamEncryptionConfigurationInput:\n        KeyType: !Ref KeyType\n')}`,
    },
    {
      name: 'encryption only on one branch',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${stream('      DeliveryStreamEncryptionConfigurationInput: !If [IsProd, { KeyType: AWS_OWNED_CMK }, !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '7:7-7:49', message: /when condition IsProd is false/ }],
      output: null,
    },
    {
      name: 'JSON, not encrypted',
      file: 't.json',
      code: '{"Resources": {"Clicks": {"Type": "AWS::KinesisFirehose::DeliveryStream", "Properties": {"DeliveryStreamType": "DirectPut"}}}}',
      findings: [{ range: '1:75-1:87' }],
      output: '{"Resources": {"Clicks": {"Type": "AWS::KinesisFirehose::DeliveryStream", "Properties": {"DeliveryStreamType": "DirectPut", "DeliveryStreamEncryptionConfigurationInput": {\n  "KeyType": "AWS_OWNED_CMK"\n}}}}}',
    },
  ],
});
