import { mustBeTrue, propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'ebs-volume-encryption-enabled',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'error',
    title: 'EBS volumes must be encrypted at rest',
    rationale:
      'Data at rest should be unreadable to anyone who gets the storage without the key. An unencrypted EBS volume, and every snapshot taken from it, can be read by whoever can copy or share that snapshot. Encryption with KMS ties access to the data to a key policy you control and log.',
    remediation:
      'Set `Encrypted: true` (and `KmsKeyId` to use a customer managed key). Changing encryption replaces the volume: for a volume in use, snapshot it, copy the snapshot with encryption, and create the volume from the copy. Turning on EBS encryption by default for the account covers volumes created outside templates too.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-volume.html',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/EBSEncryption.html',
    ],
    resourceTypes: ['AWS::EC2::Volume'],
    equivalents: {
      checkov: ['CKV_AWS_3'],
      cfnNag: ['F1'],
      cfnLint: [],
      kics: ['80b7ac3f-d2b7-4577-9b10-df7913497162'],
      securityHub: ['EC2.3'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 100
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
`,
    },
  },
  [mustBeTrue('Encrypted', 'encryption at rest', { value: true, replaces: true, preferred: false })],
);
