import { engineSupportsEncryption } from '../lib/elasticache';
import { mustBeOneOf, mustBeTrue, propertyRule } from '../lib/properties';

/** A member of a global datastore, or a group built around an existing cluster, takes its settings from there. */
const INHERITED = ['GlobalReplicationGroupId', 'PrimaryClusterId'];

export default propertyRule(
  {
    id: 'elasticache-replication-group-encrypted-in-transit',
    area: 'data-protection',
    bestPractice: ['SEC09-BP02'],
    severity: 'warning',
    title: 'ElastiCache replication groups should encrypt traffic in transit',
    rationale:
      'Clients send keys, values and the AUTH token to a replication group, and its nodes copy the data to each other. Without TLS all of it crosses the VPC in plain text, readable and alterable by anything placed on the path. Encryption in transit wraps client and replication traffic in TLS, and it is what allows an AUTH token or RBAC users at all. The `preferred` mode still accepts plain-text clients, so it is only a step during migration.',
    remediation:
      'Set `TransitEncryptionEnabled: true` (and leave `TransitEncryptionMode` unset or `required`). Clients must then connect with TLS. On Redis OSS 7 or Valkey an existing group changes in place: deploy `TransitEncryptionMode: preferred` first, move the clients to TLS, then switch to `required`. Older engines need a new group restored from a backup; before Redis OSS 3.2.6 (and between 4.0.0 and 4.0.10) the engine must be upgraded first, so no fix is offered there.',
    docs: [
      'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-replicationgroup.html#cfn-elasticache-replicationgroup-transitencryptionenabled',
    ],
    resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
    equivalents: {
      checkov: ['CKV_AWS_30'],
      cfnNag: ['F33'],
      cfnLint: [],
      kics: ['3b02569b-fc6f-4153-b3a3-ba91022fed68'],
      securityHub: ['ElastiCache.5'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Sessions:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: Session store
      Engine: valkey
      CacheNodeType: cache.t4g.small
      NumCacheClusters: 2
      AtRestEncryptionEnabled: true
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
  (resource) =>
    INHERITED.some((key) => resource.properties?.byKey.has(key))
      ? []
      : [
          // An engine too old for TLS must be upgraded first: setting the flag alone would not deploy.
          { ...mustBeTrue('TransitEncryptionEnabled', 'encryption in transit'), fix: engineSupportsEncryption(resource) ? { value: true } : undefined },
          {
            ...mustBeOneOf('TransitEncryptionMode', 'encryption in transit', ['required'], 'secure', { value: 'required' }),
            insecurePhrase: 'still accepts unencrypted connections',
          },
        ],
);
