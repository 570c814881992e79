import { clusterStorageEncryptedRule } from '../lib/at-rest';

export default clusterStorageEncryptedRule(
  {
    id: 'neptune-cluster-storage-encrypted',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'error',
    title: 'Neptune DB clusters must encrypt their storage',
    rationale:
      'A graph database holds records and, in its edges, how people, accounts and things relate, which is often the most sensitive part. Storage encryption keeps the cluster volume, its automated backups, snapshots and replicas unreadable without the KMS key, so a copied snapshot does not expose the data.',
    remediation:
      'Set `StorageEncrypted: true` (and `KmsKeyId` for a customer managed key). Encryption cannot be turned on for an existing cluster: CloudFormation replaces it, so for existing data take a snapshot, copy it with encryption, and restore from the copy. Clusters restored from a snapshot or another cluster take the source\'s encryption and are not reported.',
    docs: [
      'https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-neptune-dbcluster.html#cfn-neptune-dbcluster-storageencrypted',
    ],
    resourceTypes: ['AWS::Neptune::DBCluster'],
    equivalents: {
      checkov: ['CKV_AWS_44'],
      cfnNag: ['F30'],
      cfnLint: [],
      kics: ['bf4473f1-c8a2-4b1b-8134-bd32efabab93'],
      securityHub: ['Neptune.1'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Graph:
    Type: AWS::Neptune::DBCluster
    UpdateReplacePolicy: Snapshot
    DeletionPolicy: Snapshot
    Properties:
      DeletionProtection: true
      BackupRetentionPeriod: 7
`,
      secure: `Resources:
  AuditParameters:
    Type: AWS::Neptune::DBClusterParameterGroup
    Properties:
      Description: Audit every query
      Family: neptune1.3
      Parameters:
        neptune_enable_audit_log: 1
  Graph:
    Type: AWS::Neptune::DBCluster
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      StorageEncrypted: true
      DeletionProtection: true
      BackupRetentionPeriod: 7
      IamAuthEnabled: true
      DBClusterParameterGroupName: !Ref AuditParameters
      EnableCloudwatchLogsExports: [audit]
`,
    },
  },
  ['SnapshotIdentifier', 'SourceDBClusterIdentifier'],
);
