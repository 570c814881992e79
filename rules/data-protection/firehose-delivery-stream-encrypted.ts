import type { Rule } from '../../server/src/engine/rule';
import { knownText } from '../lib/at-rest';
import { checkProperty } from '../lib/properties';
import { asText } from '../lib/values';

const KEY_TYPES = new Set(['AWS_OWNED_CMK', 'CUSTOMER_MANAGED_CMK']);

const rule: Rule = {
  meta: {
    id: 'firehose-delivery-stream-encrypted',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'warning',
    title: 'Firehose streams that take records directly should encrypt them at rest',
    rationale:
      'A Firehose stream buffers the records producers put into it, for up to a day when its destination is unavailable. Server-side encryption keeps the buffered data unreadable without the key. A stream that reads from a Kinesis data stream or an MSK topic relies on its source\'s encryption instead, and is not reported.',
    remediation:
      'Set `DeliveryStreamEncryptionConfigurationInput.KeyType` to `AWS_OWNED_CMK`, or to `CUSTOMER_MANAGED_CMK` with a `KeyARN` for a key whose policy you control. It changes in place. Encrypt the destination too (the S3 bucket, the OpenSearch domain).',
    docs: [
      'https://docs.aws.amazon.com/firehose/latest/dev/encryption.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-kinesisfirehose-deliverystream-deliverystreamencryptionconfigurationinput.html',
    ],
    resourceTypes: ['AWS::KinesisFirehose::DeliveryStream'],
    equivalents: { checkov: [], cfnNag: ['W88'], cfnLint: [], kics: [], securityHub: ['DataFirehose.1'], cis: [] },
    fixable: true,
    examples: {
      insecure: `Parameters:
  ArchiveBucketArn:
    Type: String
  DeliveryRoleArn:
    Type: String
Resources:
  Clicks:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      DeliveryStreamType: DirectPut
      S3DestinationConfiguration:
        BucketARN: !Ref ArchiveBucketArn
        RoleARN: !Ref DeliveryRoleArn
`,
      secure: `Parameters:
  ArchiveBucketArn:
    Type: String
  DeliveryRoleArn:
    Type: String
Resources:
  Clicks:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      DeliveryStreamType: DirectPut
      DeliveryStreamEncryptionConfigurationInput:
        KeyType: AWS_OWNED_CMK
      S3DestinationConfiguration:
        BucketARN: !Ref ArchiveBucketArn
        RoleARN: !Ref DeliveryRoleArn
`,
    },
  },
  resource(resource, context) {
    // Only streams that producers write to directly hold records of their own at rest.
    if (knownText(resource, 'DeliveryStreamType', context, 'DirectPut') !== 'DirectPut') return;
    checkProperty(resource, context, {
      path: 'DeliveryStreamEncryptionConfigurationInput.KeyType',
      what: 'encryption at rest',
      secure: (value) => value.kind !== 'known' || KEY_TYPES.has(asText(value) ?? ''),
      whenMissing: 'insecure',
      fix: { value: 'AWS_OWNED_CMK' },
      missingPhrase: 'does not encrypt the records it buffers',
      insecurePhrase: 'does not encrypt the records it buffers',
    });
  },
};

export default rule;
