import type { Resource } from '../../server/src/engine/model';
import { allows, principals } from '../../server/src/engine/iam/statement';
import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { checkProperty, mustBeSet } from '../lib/properties';

/**
 * Resource types through which an AWS service, acting as its own service principal, publishes to a
 * topic that they reference. The AWS managed key aws/sns lets only principals of the account use it,
 * so encrypting with it stops these notifications: they need a customer managed key that allows them.
 */
const SERVICE_PUBLISHERS = new Set([
  'AWS::CloudWatch::Alarm',
  'AWS::Events::Rule',
  'AWS::S3::Bucket',
  'AWS::CodeStarNotifications::NotificationRule',
  'AWS::Budgets::Budget',
  'AWS::RDS::EventSubscription',
  'AWS::DMS::EventSubscription',
  'AWS::Redshift::EventSubscription',
  'AWS::DocDB::EventSubscription',
  'AWS::Backup::BackupVault',
  'AWS::CloudTrail::Trail',
  'AWS::ElastiCache::CacheCluster',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::SES::ConfigurationSetEventDestination',
]);

const MANAGED_KEY = 'alias/aws/sns';

const rule: Rule = {
  meta: {
    id: 'sns-topic-encrypted',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'warning',
    title: 'SNS topics should encrypt their messages at rest',
    rationale:
      'A topic stores each message until every subscription has received it, retrying for hours when an endpoint is down; messages often carry alerts, orders or personal data. Without a KMS key SNS stores them unencrypted. Server-side encryption keeps them unreadable without the key and records each use of the key in CloudTrail.',
    remediation:
      'Set `KmsMasterKeyId`. `alias/aws/sns` needs no key policy and suits topics that only code of the account (Lambda functions, applications with an IAM role) publishes to. Where an AWS service publishes as itself (CloudWatch alarms, EventBridge rules, S3 event notifications, budgets, event subscriptions), use a customer managed key whose policy lets that service principal call `kms:GenerateDataKey*` and `kms:Decrypt`: with the AWS managed key its notifications would be dropped. The change is made in place.',
    docs: [
      'https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html',
      'https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html#cfn-sns-topic-kmsmasterkeyid',
    ],
    resourceTypes: ['AWS::SNS::Topic'],
    equivalents: {
      checkov: ['CKV_AWS_26'],
      cfnNag: ['W47'],
      cfnLint: [],
      kics: ['9d13b150-a2ab-42a1-b6f4-142e41f81e52'],
      securityHub: ['SNS.1'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  OrderEvents:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: order-events
`,
      secure: `Resources:
  OrderEvents:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: order-events
      KmsMasterKeyId: alias/aws/sns
`,
    },
  },
  resource(resource, context) {
    const publishers = servicePublishers(resource, context);
    const via = publishers.length > 0 ? ` (${publishers.join(', ')} ${publishers.length > 1 ? 'publish' : 'publishes'} to it as an AWS service: use a customer managed key whose policy allows that service)` : '';
    checkProperty(resource, context, {
      ...mustBeSet('KmsMasterKeyId', 'encryption at rest'),
      // The AWS managed key would silently stop a service's notifications: then the key is the user's to choose.
      fix: publishers.length > 0 ? undefined : { value: MANAGED_KEY },
      missingPhrase: `does not encrypt its messages at rest${via}`,
      insecurePhrase: `does not encrypt its messages at rest${via}`,
    });
  },
};

/** What publishes to the topic as an AWS service: resources of SERVICE_PUBLISHERS that name it, and topic policies that allow a service principal. */
function servicePublishers(topic: Resource, context: RuleContext): string[] {
  const found = new Set<string>();
  for (const reference of context.facts?.referencesTo(topic.logicalId) ?? []) {
    const from = reference.from;
    if (!from) continue;
    if (SERVICE_PUBLISHERS.has(from.type)) found.add(from.logicalId);
    if (from.type !== 'AWS::SNS::TopicPolicy') continue;
    const grantsService = (context.template?.policies ?? [])
      .filter((policy) => policy.resource === from)
      .some((policy) => policy.statements.some((statement) => allows(statement, context.evaluator) && principals(statement.principal, context.evaluator).some((principal) => principal.type === 'Service')));
    if (grantsService) found.add(from.logicalId);
  }
  return [...found];
}

export default rule;
