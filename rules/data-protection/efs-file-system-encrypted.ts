import { encryptionAtRestRule } from '../lib/encryption';

export default encryptionAtRestRule(
  {
    id: 'efs-file-system-encrypted',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'error',
    title: 'EFS file systems must encrypt their data at rest',
    rationale:
      'A shared file system gathers whatever the instances, containers and functions mounting it write: uploads, exports, application state, often with personal data. Encryption at rest keeps the file data and metadata unreadable without the KMS key and logs each use of the key. A file system created through the API or CloudFormation is not encrypted unless the template asks for it, and encryption cannot be added later.',
    remediation:
      'Set `Encrypted: true` (and `KmsKeyId` for a customer managed key; without it EFS uses the AWS managed key `aws/elasticfilesystem`). Encryption can only be chosen when a file system is created: CloudFormation replaces it with a new, empty one, so copy existing data over with AWS DataSync or AWS Backup before switching clients to the new file system.',
    docs: [
      'https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-efs-filesystem.html#cfn-efs-filesystem-encrypted',
    ],
    equivalents: {
      checkov: ['CKV_AWS_42'],
      cfnNag: ['F32'],
      cfnLint: [],
      kics: ['2ff8e83c-90e1-4d68-a300-6d652112e622'],
      securityHub: ['EFS.1'],
      cis: ['2.4.1'],
    },
    examples: {
      insecure: `Resources:
  SharedFiles:
    Type: AWS::EFS::FileSystem
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      PerformanceMode: generalPurpose
      BackupPolicy:
        Status: ENABLED
`,
      secure: `Resources:
  SharedFiles:
    Type: AWS::EFS::FileSystem
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      PerformanceMode: generalPurpose
      Encrypted: true
      BackupPolicy:
        Status: ENABLED
`,
    },
  },
  { 'AWS::EFS::FileSystem': { flag: 'Encrypted', replaces: true } },
);
