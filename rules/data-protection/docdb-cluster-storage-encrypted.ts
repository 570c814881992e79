import { clusterStorageEncryptedRule } from '../lib/at-rest';

export default clusterStorageEncryptedRule(
  {
    id: 'docdb-cluster-storage-encrypted',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'error',
    title: 'DocumentDB clusters must encrypt their storage',
    rationale:
      'A document database holds whole application records, customer profiles and orders among them. Storage encryption keeps the cluster volume, its automated backups, snapshots and replicas unreadable without the KMS key, so a copied snapshot does not expose the data. DocumentDB does not encrypt storage unless asked to.',
    remediation:
      'Set `StorageEncrypted: true` (and `KmsKeyId` for a customer managed key). Encryption cannot be turned on for an existing cluster: CloudFormation replaces it, so for existing data take a snapshot, copy it with encryption, and restore from the copy. Clusters restored from a snapshot or another cluster take the source\'s encryption and are not reported.',
    docs: [
      'https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-docdb-dbcluster.html#cfn-docdb-dbcluster-storageencrypted',
    ],
    resourceTypes: ['AWS::DocDB::DBCluster'],
    equivalents: {
      checkov: ['CKV_AWS_74'],
      cfnNag: [],
      cfnLint: [],
      kics: [],
      securityHub: ['DocumentDB.1'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Documents:
    Type: AWS::DocDB::DBCluster
    UpdateReplacePolicy: Snapshot
    DeletionPolicy: Snapshot
    Properties:
      MasterUsername: app
      MasterUserPassword: "{{resolve:secretsmanager:docdb-app:SecretString:password}}"
      DeletionProtection: true
      BackupRetentionPeriod: 7
`,
      secure: `Resources:
  AuditParameters:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties:
      Description: Audit every authentication and change
      Family: docdb5.0
      Parameters:
        audit_logs: enabled
  Documents:
    Type: AWS::DocDB::DBCluster
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      MasterUsername: app
      MasterUserPassword: "{{resolve:secretsmanager:documents-master:SecretString:password}}"
      StorageEncrypted: true
      DeletionProtection: true
      BackupRetentionPeriod: 7
      DBClusterParameterGroupName: !Ref AuditParameters
      EnableCloudwatchLogsExports: [audit, profiler]
`,
    },
  },
  ['SnapshotIdentifier', 'SourceDBClusterIdentifier'],
);
