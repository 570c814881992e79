import type { Rule } from '../../server/src/engine/rule';
import { missingPropertyAnchor } from '../lib/properties';
import { resourceTags } from '../lib/tags';
import { asText, explain } from '../lib/values';

/** Resource types that store data at rest, whose sensitivity a classification tag records. */
const DATA_STORES = [
  'AWS::S3::Bucket',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::DynamoDB::Table',
  'AWS::Serverless::SimpleTable',
  'AWS::EFS::FileSystem',
  'AWS::FSx::FileSystem',
  'AWS::EC2::Volume',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::ElastiCache::ServerlessCache',
  'AWS::MemoryDB::Cluster',
  'AWS::OpenSearchService::Domain',
  'AWS::Elasticsearch::Domain',
  'AWS::Redshift::Cluster',
  'AWS::RedshiftServerless::Namespace',
  'AWS::DocDB::DBCluster',
  'AWS::Neptune::DBCluster',
  'AWS::Kinesis::Stream',
  'AWS::SQS::Queue',
  'AWS::Backup::BackupVault',
  'AWS::Timestream::Table',
  'AWS::Cassandra::Table',
];

const rule: Rule = {
  meta: {
    id: 'data-store-classification-tag',
    area: 'data-protection',
    bestPractice: ['SEC07-BP01', 'SEC07-BP02'],
    severity: 'warning',
    title: 'Data stores should carry a data classification tag',
    rationale:
      'Protection follows from classification: which data needs a customer managed key, tighter access, longer backups or faster incident response depends on how sensitive it is. A classification tag on each bucket, database, file system and queue records that where tools and people look: attribute-based access control, Config rules, Macie and Security Hub findings can all act on it, and a responder sees at once what a resource holds.',
    remediation:
      'Tag each data store with the configured key and one of the allowed values (`Tags: [{ Key: data-classification, Value: confidential }]`, or a map for types that take one). Stack tags also reach these resources, but only at deploy time, which this rule cannot see. Configure the tag key, and the allowed values, in `.pillar.json` or the `pillar.rules` setting.',
    docs: [
      'https://docs.aws.amazon.com/whitepapers/latest/data-classification/data-classification.html',
      'https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/tagging-best-practices.html',
    ],
    resourceTypes: DATA_STORES,
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: false,
    enabledByDefault: false,
    options: {
      key: { type: 'string', default: '', description: 'The tag key that records the classification (case-sensitive), e.g. "data-classification".' },
      values: { type: 'string[]', default: [], description: 'The values the tag may take (case-sensitive), e.g. ["public", "internal", "confidential", "restricted"]; empty accepts any value.' },
    },
    examples: {
      options: { key: 'data-classification', values: ['public', 'internal', 'confidential'] },
      insecure: `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
      DeletionProtectionEnabled: true
`,
      secure: `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
      DeletionProtectionEnabled: true
      Tags:
        - Key: data-classification
          Value: confidential
`,
    },
  },
  resource(resource, context) {
    const key = String(context.options.key ?? '').trim();
    const allowed = (context.options.values as readonly string[]).filter((value) => value.length > 0);
    // Instances of an Aurora cluster hold the cluster's data: the cluster carries the tag.
    if (!key || (resource.type === 'AWS::RDS::DBInstance' && resource.properties?.byKey.has('DBClusterIdentifier'))) return;
    const tags = resourceTags(resource, context);
    if (!tags?.entries) return;
    const entries = tags.entries.filter((entry) => entry.key === key);
    if (entries.length === 0) {
      context.report({ at: tags.pair?.key ?? missingPropertyAnchor(resource), message: `${resource.logicalId} has no ${key} tag to record how sensitive its data is.` });
      return;
    }
    if (allowed.length === 0) return;
    for (const entry of entries) {
      const wrong = context.evaluator.candidates(entry.value).find((candidate) => {
        const text = asText(candidate.value);
        return text !== undefined && !allowed.includes(text);
      });
      if (!wrong) continue;
      context.report({ at: entry.value, message: `${resource.logicalId} has ${key} "${asText(wrong.value)}"${explain(wrong)}, which is not one of ${allowed.join(', ')}.` });
    }
  },
};

export default rule;
