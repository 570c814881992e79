import { engineSupportsEncryption } from '../lib/elasticache';
import { encryptionAtRestRule } from '../lib/encryption';

export default encryptionAtRestRule(
  {
    id: 'elasticache-replication-group-encrypted-at-rest',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'warning',
    title: 'ElastiCache replication groups should encrypt their data at rest',
    rationale:
      'A Redis OSS or Valkey replication group is often more than a cache: sessions, tokens, queues and copies of database rows live in it, and it writes them to disk when it swaps, syncs replicas and takes backups to S3. Encryption at rest keeps those disks and backups unreadable without the KMS key, so a snapshot shared by mistake or a copied backup does not expose the data.',
    remediation:
      'Set `AtRestEncryptionEnabled: true` (and `KmsKeyId` for a customer managed key). It can only be chosen when the group is created: CloudFormation replaces the replication group, so take a backup and restore it into the encrypted group (`SnapshotArns` or `SnapshotName`), and point clients at the new endpoint. Groups that join a global datastore or grow from an existing cluster take the setting from it. Encryption needs Valkey, or Redis OSS 3.2.6, 4.0.10 or later: older engine versions get no fix, since they must be upgraded first.',
    docs: [
      'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-replicationgroup.html#cfn-elasticache-replicationgroup-atrestencryptionenabled',
    ],
    equivalents: {
      checkov: ['CKV_AWS_29'],
      cfnNag: ['F25'],
      cfnLint: [],
      kics: ['e4ee3903-9225-4b6a-bdfb-e62dbadef821'],
      securityHub: ['ElastiCache.4'],
      cis: [],
    },
    examples: {
      insecure: `Resources:
  Sessions:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: Session store
      Engine: valkey
      CacheNodeType: cache.t4g.small
      NumCacheClusters: 2
      TransitEncryptionEnabled: true
      AuthToken: "{{resolve:secretsmanager:sessions-auth-token}}"
`,
      secure: `Resources:
  Sessions:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: Session store
      Engine: valkey
      CacheNodeType: cache.t4g.small
      NumCacheClusters: 2
      AtRestEncryptionEnabled: true
      TransitEncryptionEnabled: true
      AuthToken: "{{resolve:secretsmanager:sessions-auth-token}}"
`,
    },
  },
  {
    // A member of a global datastore, or a group built around an existing cluster, takes its encryption from there.
    'AWS::ElastiCache::ReplicationGroup': { flag: 'AtRestEncryptionEnabled', replaces: true, inherited: ['GlobalReplicationGroupId', 'PrimaryClusterId'], fixable: engineSupportsEncryption },
  },
);
