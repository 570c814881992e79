import type { Rule } from '../../server/src/engine/rule';
import { checkLogPublishing } from '../lib/logs';
import { textOf } from '../lib/values';

/** Elasticsearch before 6.7 has no audit logs. */
function hasAuditLogs(version: string | undefined): boolean {
  const match = version?.match(/^(?:Elasticsearch_)?(\d+)\.(\d+)/);
  if (!match || version?.startsWith('OpenSearch_')) return true;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 6 || (major === 6 && minor >= 7);
}

const rule: Rule = {
  meta: {
    id: 'opensearch-audit-logs-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'warning',
    title: 'OpenSearch domains should publish audit logs',
    rationale:
      'Audit logs record who signed in to the domain, which requests were refused and, as configured, which indices and documents were read or changed. Without them, access to the data held in a search cluster, often copies of logs, orders or customer records, leaves no trace outside the cluster itself.',
    remediation:
      'Turn on fine-grained access control (`AdvancedSecurityOptions.Enabled: true`), which audit logs need, and set `LogPublishingOptions.AUDIT_LOGS` to `Enabled: true` with `CloudWatchLogsLogGroupArn` of a log group whose resource policy lets `es.amazonaws.com` write to it. Choose the audited categories in the security plugin\'s audit settings.',
    docs: [
      'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-opensearchservice-domain.html#cfn-opensearchservice-domain-logpublishingoptions',
    ],
    resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
    equivalents: {
      checkov: ['CKV_AWS_317'],
      cfnNag: [],
      cfnLint: [],
      kics: ['c420748a-bd4a-46c8-9541-93dd1e0ccf38'],
      securityHub: ['Opensearch.5', 'ES.5'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Search:
    Type: AWS::OpenSearchService::Domain
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      EngineVersion: OpenSearch_2.11
      EncryptionAtRestOptions: { Enabled: true }
      NodeToNodeEncryptionOptions: { Enabled: true }
      DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07 }
      AdvancedSecurityOptions:
        Enabled: true
        InternalUserDatabaseEnabled: false
        MasterUserOptions: { MasterUserARN: arn:aws:iam::123456789012:role/search-admin }
`,
      secure: `Resources:
  AuditLogs:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      RetentionInDays: 365
  Search:
    Type: AWS::OpenSearchService::Domain
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      EngineVersion: OpenSearch_2.11
      VPCOptions:
        SubnetIds: [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2]
        SecurityGroupIds: [sg-0123456789abcdef0]
      EncryptionAtRestOptions: { Enabled: true }
      NodeToNodeEncryptionOptions: { Enabled: true }
      DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07 }
      AdvancedSecurityOptions:
        Enabled: true
        InternalUserDatabaseEnabled: false
        MasterUserOptions: { MasterUserARN: arn:aws:iam::123456789012:role/search-admin }
      LogPublishingOptions:
        AUDIT_LOGS:
          Enabled: true
          CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn
`,
    },
  },
  resource(resource, context) {
    const properties = resource.properties;
    const version = textOf((properties?.byKey.get('EngineVersion') ?? properties?.byKey.get('ElasticsearchVersion'))?.value, context.evaluator);
    if (!hasAuditLogs(version)) return;
    checkLogPublishing(resource, context, ['AUDIT_LOGS'], () => 'does not publish audit logs');
  },
};

export default rule;
