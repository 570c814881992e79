import rule from '../../rules/data-protection/msk-cluster-kms-key';
import { testRule } from '../helpers/rule-tester';

const cluster = (properties: string) => `Resources:\n  Events:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClusterName: events\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'a key of the template', code: cluster('      EncryptionInfo:\n        EncryptionAtRest:\n          DataVolumeKMSKeyId: !Ref KafkaKey\n') },
    { name: 'JSON, a key ARN', file: 't.json', code: '{"Resources": {"Events": {"Type": "AWS::MSK::Cluster", "Properties": {"EncryptionInfo": {"EncryptionAtRest": {"DataVolumeKMSKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}}}}}' },
  ],
  invalid: [
    {
      name: 'no encryption settings',
      code: cluster(''),
      findings: [{ range: '4:5-4:15', message: 'Events does not use a customer managed KMS key: EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId is not set and defaults to the AWS managed key aws/kafka.' }],
      output: null,
    },
    { name: 'in-transit settings only', code: cluster('      EncryptionInfo:\n        EncryptionInTransit:\n          ClientBroker: TLS\n'), findings: [{ range: '6:7-6:21' }], output: null },
    { name: 'JSON, the AWS managed key', file: 't.json', code: '{"Resources": {"Events": {"Type": "AWS::MSK::Cluster", "Properties": {"EncryptionInfo": {"EncryptionAtRest": {"DataVolumeKMSKeyId": "alias/aws/kafka"}}}}}}', findings: [{ range: '1:133-1:150' }], output: null },
  ],
});
