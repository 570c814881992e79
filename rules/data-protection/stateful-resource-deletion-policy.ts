import type { Candidate } from '../../server/src/engine/evaluate';
import type { Change, Rule } from '../../server/src/engine/rule';
import type { Node } from '../../server/src/engine/tree';
import { asText, explain } from '../lib/values';

/** Stateful types that CloudFormation can snapshot before deleting them. */
const SNAPSHOT_TYPES = ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster', 'AWS::Redshift::Cluster', 'AWS::EC2::Volume'];
/** Stateful types that can only be kept. */
const RETAIN_TYPES = ['AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable', 'AWS::EFS::FileSystem', 'AWS::FSx::FileSystem', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'];
const ATTRIBUTES = ['DeletionPolicy', 'UpdateReplacePolicy'] as const;
const KEEPS = new Set(['Retain', 'RetainExceptOnCreate', 'Snapshot']);

interface Problem {
  readonly attribute: (typeof ATTRIBUTES)[number];
  /** The value written, when the attribute is set to Delete; undefined when it is absent. */
  readonly value: Node | undefined;
  readonly candidate: Candidate | undefined;
}

const rule: Rule = {
  meta: {
    id: 'stateful-resource-deletion-policy',
    area: 'data-protection',
    bestPractice: ['SEC08-BP04', 'SEC10-BP03'],
    severity: 'warning',
    title: 'Databases, buckets, volumes, file systems and tables should be kept or snapshotted when CloudFormation removes them',
    rationale:
      'CloudFormation deletes a resource, with its data, when the stack is deleted, when the resource is taken out of the template, and when an update replaces it (renaming a table, changing a database engine). A mistaken change, or someone who can update the stack, then destroys the data and the evidence an investigation would need, with no backup left.',
    remediation:
      'Set both `DeletionPolicy` and `UpdateReplacePolicy` to `Snapshot` on databases, clusters and volumes (a final snapshot is taken), or to `Retain` on buckets, tables, file systems and search domains (the resource is left in the account, and must then be deleted by hand when no longer needed). RDS DB instances and clusters already take a snapshot on deletion by default, but not on replacement.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-updatereplacepolicy.html',
    ],
    resourceTypes: [...SNAPSHOT_TYPES, ...RETAIN_TYPES],
    equivalents: { checkov: [], cfnNag: [], cfnLint: ['I3011'], kics: [], securityHub: [], cis: [] },
    fixable: true,
    examples: {
      insecure: `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 100
      Encrypted: true
`,
      secure: `Resources:
  Data:
    Type: AWS::EC2::Volume
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 100
      Encrypted: true
`,
    },
  },
  resource(resource, context) {
    const rds = resource.type === 'AWS::RDS::DBInstance' || resource.type === 'AWS::RDS::DBCluster';
    // Aurora instances and read replicas hold no data of their own: the cluster or the source does.
    if (resource.type === 'AWS::RDS::DBInstance' && ['DBClusterIdentifier', 'SourceDBInstanceIdentifier'].some((key) => resource.properties?.byKey.has(key))) return;
    const problems: Problem[] = [];
    for (const attribute of ATTRIBUTES) {
      const pair = resource.node.byKey.get(attribute);
      if (!pair) {
        // RDS snapshots a DB cluster, and an instance outside a cluster, when it deletes them.
        if (!(attribute === 'DeletionPolicy' && rds)) problems.push({ attribute, value: undefined, candidate: undefined });
        continue;
      }
      const deletes = context.evaluator.candidates(pair.value).find((candidate) => {
        const text = asText(candidate.value);
        return text !== undefined && !KEEPS.has(text);
      });
      if (deletes) problems.push({ attribute, value: pair.value, candidate: deletes });
    }
    if (problems.length === 0) return;
    const keep = SNAPSHOT_TYPES.includes(resource.type) ? 'Snapshot' : 'Retain';
    const when = problems.map((problem) => (problem.attribute === 'DeletionPolicy' ? 'when the stack is deleted or the resource removed' : 'when an update replaces it')).join(' and ');
    const why = problems.map((problem) => (problem.value ? `${problem.attribute} is "${asText(problem.candidate!.value)}"${explain(problem.candidate!)}` : `${problem.attribute} is not set`)).join(', ');
    // Written before Properties, where authors put resource attributes, and away from where other fixes add properties.
    const changes: Change[] = problems.map((problem) => (problem.value ? { kind: 'replace', node: problem.value, value: keep } : { kind: 'set', map: resource.node, key: problem.attribute, value: keep, before: ['Properties'] }));
    const fixable = problems.every((problem) => !problem.value || problem.value.kind === 'scalar');
    const only = problems.length === 1 ? problems[0].value : undefined;
    context.report({
      at: only ?? resource.key,
      message: `${resource.logicalId} is deleted with its data ${when}: ${why}.`,
      // Retaining leaves a resource behind (and its name taken) when the stack goes: the user decides; a snapshot costs little.
      fixes: fixable ? [{ title: `Set ${problems.map((problem) => problem.attribute).join(' and ')} to ${keep}`, preferred: keep === 'Snapshot', changes }] : [],
    });
  },
};

export default rule;
