import { knownText } from '../lib/at-rest';
import { encryptionAtRestRule } from '../lib/encryption';

export default encryptionAtRestRule(
  {
    id: 'rds-cluster-storage-encrypted',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'error',
    title: 'RDS DB clusters must encrypt their storage',
    rationale:
      'An Aurora or Multi-AZ DB cluster keeps the workload\'s data in one shared cluster volume, with its automated backups and snapshots beside it. Storage encryption keeps the volume, the backups and every snapshot unreadable without the KMS key, so a snapshot copied or shared by mistake exposes nothing, and each use of the key is logged in CloudTrail. A cluster does not encrypt its storage unless the template asks for it.',
    remediation:
      'Set `StorageEncrypted: true` (and `KmsKeyId` for a customer managed key). Encryption cannot be turned on for an existing cluster: CloudFormation replaces it, so for existing data take a snapshot, copy it with encryption, and restore the cluster from the encrypted copy. Clusters restored from a snapshot, cloned from another cluster, created as read replicas or as secondary members of a global database take their encryption from the source and are not reported; nor are Aurora Serverless v1 clusters, which are always encrypted.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbcluster.html#cfn-rds-dbcluster-storageencrypted',
      'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html',
    ],
    equivalents: {
      checkov: ['CKV_AWS_96'],
      cfnNag: ['F26'],
      cfnLint: [],
      kics: [],
      securityHub: ['RDS.27'],
      cis: [],
    },
    examples: {
      insecure: `Resources:
  Aurora:
    Type: AWS::RDS::DBCluster
    UpdateReplacePolicy: Snapshot
    DeletionPolicy: Snapshot
    Properties:
      Engine: aurora-postgresql
      ManageMasterUserPassword: true
      MasterUsername: app
      DeletionProtection: true
      BackupRetentionPeriod: 7
      EnableIAMDatabaseAuthentication: true
      EnableCloudwatchLogsExports: [postgresql]
`,
      secure: `Resources:
  Aurora:
    Type: AWS::RDS::DBCluster
    UpdateReplacePolicy: Snapshot
    DeletionPolicy: Snapshot
    Properties:
      Engine: aurora-postgresql
      ManageMasterUserPassword: true
      MasterUsername: app
      StorageEncrypted: true
      DeletionProtection: true
      BackupRetentionPeriod: 7
      EnableIAMDatabaseAuthentication: true
      EnableCloudwatchLogsExports: [postgresql]
`,
    },
  },
  {
    'AWS::RDS::DBCluster': {
      flag: 'StorageEncrypted',
      replaces: true,
      // Restores, clones, read replicas and global database secondaries take the source's encryption.
      inherited: ['SnapshotIdentifier', 'SourceDBClusterIdentifier', 'ReplicationSourceIdentifier', 'GlobalClusterIdentifier'],
      // Aurora Serverless v1 clusters are always encrypted, whatever StorageEncrypted says.
      skip: (resource, context) => knownText(resource, 'EngineMode', context)?.toLowerCase() === 'serverless',
      wording: { what: 'storage encryption' },
    },
  },
);
