import { customerManagedKey } from '../lib/at-rest';
import { propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'backup-vault-kms-key',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01', 'SEC10-BP03'],
    severity: 'info',
    title: 'Backup vaults can encrypt recovery points with a customer managed KMS key',
    rationale:
      'AWS Backup encrypts the recovery points in a vault, by default with the AWS managed key aws/backup for services whose backups it encrypts itself. A customer managed key lets the key policy decide who may restore, lets backups be copied to another account, and keeps key use visible in CloudTrail.',
    remediation:
      'Set `EncryptionKeyArn` to a customer managed key whose policy lets AWS Backup use it. The key cannot be changed on an existing vault: CloudFormation replaces it, so create a new vault and point the backup plan at it; recovery points in the old vault stay where they are.',
    docs: [
      'https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-backup-backupvault.html#cfn-backup-backupvault-encryptionkeyarn',
    ],
    resourceTypes: ['AWS::Backup::BackupVault'],
    equivalents: { checkov: ['CKV_AWS_166'], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: false,
    enabledByDefault: false,
    examples: {
      insecure: `Resources:
  Vault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: payments
`,
      secure: `Parameters:
  BackupKeyArn:
    Type: String
Resources:
  Vault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: payments
      EncryptionKeyArn: !Ref BackupKeyArn
`,
    },
  },
  [customerManagedKey('EncryptionKeyArn', 'the AWS managed key aws/backup')],
);
