import type { Rule } from '../../server/src/engine/rule';
import { ownEncryption } from '../lib/at-rest';
import { checkProperty, mustBeTrue } from '../lib/properties';

const rule: Rule = {
  meta: {
    id: 'rds-instance-storage-encrypted',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'error',
    title: 'RDS DB instances must encrypt their storage',
    rationale:
      'A database holds the data a workload exists to protect. Storage encryption keeps the instance volumes, its automated backups, read replicas and snapshots unreadable without the KMS key, so a copied snapshot or a lost disk does not expose the data, and every use of the key is logged.',
    remediation:
      'Set `StorageEncrypted: true` (and `KmsKeyId` for a customer managed key). Encryption cannot be turned on for a running instance: CloudFormation replaces it, so for existing data take a snapshot, copy it with encryption, and restore from the encrypted copy. Aurora instances take encryption from their DB cluster.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html#cfn-rds-dbinstance-storageencrypted',
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
    ],
    resourceTypes: ['AWS::RDS::DBInstance'],
    equivalents: {
      checkov: ['CKV_AWS_16'],
      cfnNag: ['F27'],
      cfnLint: [],
      kics: ['5beacce3-4020-4a3d-9e1d-a36f953df630'],
      securityHub: ['RDS.3'],
      cis: ['2.3.1'],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.medium
      AllocatedStorage: "50"
      StorageEncrypted: false
`,
      secure: `Resources:
  Database:
    Type: AWS::RDS::DBInstance
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.medium
      AllocatedStorage: "50"
      StorageEncrypted: true
      BackupRetentionPeriod: 7
      DeletionProtection: true
      EnableCloudwatchLogsExports: [postgresql, upgrade]
`,
    },
  },
  resource(resource, context) {
    // Cluster members, read replicas and restores take their encryption from elsewhere.
    const own = ownEncryption(resource, ['DBClusterIdentifier', 'SourceDBInstanceIdentifier', 'DBSnapshotIdentifier', 'SourceDBClusterIdentifier'], context);
    if (own === false) return;
    checkProperty(resource, context, { ...mustBeTrue('StorageEncrypted', 'storage encryption', { value: true, replaces: true, preferred: false }), appliesWhen: own });
  },
};

export default rule;
