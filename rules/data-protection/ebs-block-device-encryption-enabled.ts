import { encryptionAtRestRule } from '../lib/encryption';

/** An absent `Encrypted` leaves the volume to its snapshot's encryption, or to the account's EBS encryption by default. */
const ABSENT = 'the encryption of its snapshot or the account default';

export default encryptionAtRestRule(
  {
    id: 'ebs-block-device-encryption-enabled',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'warning',
    title: 'EBS volumes in block-device mappings should be encrypted',
    rationale:
      'The volumes an instance, launch template or launch configuration creates hold the operating system, application data and often credentials cached on disk. Unless a mapping says `Encrypted: true`, whether they are encrypted depends on the AMI snapshot and on an account setting that the template does not control, and every snapshot of an unencrypted volume can be copied or shared in clear.',
    remediation:
      'Set `Encrypted: true` in the `Ebs` block of each block-device mapping (and `KmsKeyId`, where the type takes one, for a customer managed key). On an instance, and on a launch configuration, the change replaces the resource; on a launch template it creates a new version, which instances use when they are next launched. Turning on EBS encryption by default in each account and Region covers volumes that no template describes, including root volumes the template does not map.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-blockdev-template.html',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/EBSEncryption.html',
    ],
    equivalents: {
      checkov: ['CKV_AWS_8'],
      cfnNag: [],
      cfnLint: [],
      kics: [],
      securityHub: ['EC2.3'],
      cis: [],
    },
    examples: {
      insecure: `Resources:
  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
        MetadataOptions:
          HttpTokens: required
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              VolumeSize: 20
`,
      secure: `Resources:
  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
        MetadataOptions:
          HttpTokens: required
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              VolumeSize: 20
              Encrypted: true
`,
    },
  },
  {
    'AWS::EC2::Instance': { flag: 'BlockDeviceMappings[].Ebs.Encrypted', replaces: true, absent: ABSENT },
    'AWS::EC2::LaunchTemplate': { flag: 'LaunchTemplateData.BlockDeviceMappings[].Ebs.Encrypted', absent: ABSENT },
    'AWS::AutoScaling::LaunchConfiguration': { flag: 'BlockDeviceMappings[].Ebs.Encrypted', replaces: true, absent: ABSENT },
  },
);
