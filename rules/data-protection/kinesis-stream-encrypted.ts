import type { Rule } from '../../server/src/engine/rule';
import { checkEncryptionBlock } from '../lib/encryption';
import { mustBeOneOf } from '../lib/properties';

/** What a fix writes: server-side encryption with the AWS managed key for Kinesis, which needs no key policy. */
const MANAGED_ENCRYPTION = { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' };

const rule: Rule = {
  meta: {
    id: 'kinesis-stream-encrypted',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'warning',
    title: 'Kinesis data streams should encrypt their records at rest',
    rationale:
      'A stream keeps every record for its retention period, a day to a year, often events and logs with personal or business data. Server-side encryption with KMS keeps those records unreadable on the service\'s storage without the key, and logs each use of the key; without it they are stored in the clear.',
    remediation:
      'Set `StreamEncryption` with `EncryptionType: KMS` and `KeyId: alias/aws/kinesis` (or a customer managed key, whose policy must let producers and consumers use it). It changes in place without interrupting the stream; records already written stay unencrypted until they expire.',
    docs: [
      'https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kinesis-stream.html#cfn-kinesis-stream-streamencryption',
    ],
    resourceTypes: ['AWS::Kinesis::Stream'],
    equivalents: {
      checkov: ['CKV_AWS_43'],
      cfnNag: ['W49'],
      cfnLint: [],
      kics: ['7f65be75-90ab-4036-8c2a-410aef7bb650'],
      securityHub: ['Kinesis.1'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Events:
    Type: AWS::Kinesis::Stream
    Properties:
      StreamModeDetails:
        StreamMode: ON_DEMAND
`,
      secure: `Resources:
  Events:
    Type: AWS::Kinesis::Stream
    Properties:
      StreamModeDetails:
        StreamMode: ON_DEMAND
      StreamEncryption:
        EncryptionType: KMS
        KeyId: alias/aws/kinesis
`,
    },
  },
  resource(resource, context) {
    const phrase = 'does not encrypt its records at rest';
    checkEncryptionBlock(
      resource,
      context,
      { path: 'StreamEncryption', value: MANAGED_ENCRYPTION, title: 'Encrypt with the AWS managed key alias/aws/kinesis', missingPhrase: phrase },
      { ...mustBeOneOf('StreamEncryption.EncryptionType', 'encryption at rest', ['KMS'], 'insecure', { value: 'KMS' }), missingPhrase: phrase, insecurePhrase: phrase },
    );
  },
};

export default rule;
