import type { Rule, RuleContext } from '../../server/src/engine/rule';
import type { Resource } from '../../server/src/engine/model';
import { missingPropertyAnchor } from '../lib/properties';

const rule: Rule = {
  meta: {
    id: 'elasticache-replication-group-auth-token',
    area: 'data-protection',
    bestPractice: ['SEC09-BP04', 'SEC03-BP01'],
    severity: 'warning',
    title: 'ElastiCache replication groups should require clients to authenticate',
    rationale:
      'Without an AUTH token or RBAC users, a Redis OSS or Valkey replication group serves every client that can open a connection to it: security groups are then the only control, and any compromised host in the VPC can read, change or flush the data. TLS protects the traffic but does not say who the client is; authentication does, and RBAC users can be limited to the commands and keys each client needs.',
    remediation:
      'Give the group `UserGroupIds` (RBAC, Redis OSS 6 or later and Valkey: users with access strings and passwords or IAM authentication), or an `AuthToken` written as a dynamic reference to a Secrets Manager secret (`{{resolve:secretsmanager:…}}`), never as text in the template. Both need `TransitEncryptionEnabled: true`. A token can be added to a running group with `AuthTokenUpdateStrategy: ROTATE` and then `SET`; clients must send it from then on.',
    docs: [
      'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html',
      'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-replicationgroup.html#cfn-elasticache-replicationgroup-authtoken',
    ],
    resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
    equivalents: { checkov: ['CKV_AWS_31'], cfnNag: ['F44'], cfnLint: [], kics: [], securityHub: ['ElastiCache.6'], cis: [] },
    fixable: false,
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
      TransitEncryptionEnabled: true
`,
      secure: `Parameters:
  SessionUserGroup:
    Type: String
Resources:
  Sessions:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: Session store
      Engine: valkey
      CacheNodeType: cache.t4g.small
      NumCacheClusters: 2
      AtRestEncryptionEnabled: true
      TransitEncryptionEnabled: true
      UserGroupIds: [!Ref SessionUserGroup]
`,
    },
  },
  resource(resource, context) {
    if (INHERITED.some((key) => resource.properties?.byKey.has(key))) return;
    if (given(resource, 'AuthToken', context) || given(resource, 'UserGroupIds', context)) return;
    // Reported with TLS off too (both kinds of authentication need it), in the same words, so that turning TLS on is not a new finding.
    context.report({
      at: missingPropertyAnchor(resource),
      message: `${resource.logicalId} lets any client that reaches it connect without authenticating: neither AuthToken nor UserGroupIds is set${resource.properties?.byKey.has('AuthToken') ? ' (AuthToken is empty or removed on every branch, with parameter defaults)' : ''}.`,
    });
  },
};

/** A member of a global datastore, or a group built around an existing cluster, takes its settings from there. */
const INHERITED = ['GlobalReplicationGroupId', 'PrimaryClusterId'];

/** Whether the property holds something on some branch: not absent, removed, empty text or an empty list. The value itself is never shown. */
function given(resource: Resource, key: string, context: RuleContext): boolean {
  const pair = resource.properties?.byKey.get(key);
  if (!pair) return false;
  return context.evaluator.candidates(pair.value).some((candidate) => {
    const value = candidate.value;
    if (value.kind === 'noValue') return false;
    if (value.kind === 'known') return value.value !== null && String(value.value) !== '';
    if (value.kind === 'collection' && value.node.kind === 'seq') return value.node.items.length > 0;
    return true;
  });
}

export default rule;
