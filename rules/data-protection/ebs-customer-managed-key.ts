import { customerManagedKeyRule } from '../lib/encryption';

/** Without `KmsKeyId`, EBS encrypts with the account's default EBS key: the AWS managed aws/ebs unless the account changed it. */
const ABSENT = "the account's default EBS key (aws/ebs unless changed)";

export default customerManagedKeyRule(
  {
    id: 'ebs-customer-managed-key',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01', 'SEC08-BP02'],
    severity: 'warning',
    title: 'EBS volumes holding sensitive data should use a customer managed KMS key',
    rationale:
      'Volumes encrypted with the AWS managed key aws/ebs are readable by anyone in the account allowed to use EBS, and their snapshots cannot be shared with another account. A customer managed key puts access to the data under a key policy you write, lets you disable the key to cut access in an incident, and logs every use of it.',
    remediation:
      'Set `KmsKeyId` to a customer managed key (an `AWS::KMS::Key` of the stack, or its ARN) on volumes and in the `Ebs` block of each block-device mapping. Changing the key replaces a volume or instance. Launch configurations cannot name a key: use a launch template, or set a customer managed key as the account\'s default EBS key. This rule is off until configured: turn it on for stacks whose data is classified as sensitive.',
    docs: [
      'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html#ebs-encryption-key',
      'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#customer-cmk',
    ],
    equivalents: { checkov: [], cfnNag: ['W37'], cfnLint: [], kics: [], securityHub: [], cis: [] },
    enabledByDefault: false,
    examples: {
      insecure: `Resources:
  Data:
    Type: AWS::EC2::Volume
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 100
      Encrypted: true
`,
      secure: `Resources:
  Data:
    Type: AWS::EC2::Volume
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 100
      Encrypted: true
      KmsKeyId: !GetAtt DataKey.Arn
  DataKey:
    Type: AWS::KMS::Key
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      EnableKeyRotation: true
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root" }
            Action: kms:*
            Resource: "*"
`,
    },
  },
  {
    'AWS::EC2::Volume': { key: 'KmsKeyId', absent: ABSENT, inherited: ['SnapshotId'] },
    'AWS::EC2::Instance': { key: 'BlockDeviceMappings[].Ebs.KmsKeyId', absent: ABSENT },
    'AWS::EC2::LaunchTemplate': { key: 'LaunchTemplateData.BlockDeviceMappings[].Ebs.KmsKeyId', absent: ABSENT },
  },
);
