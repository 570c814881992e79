import type { Rule } from '../../server/src/engine/rule';
import { checkLogPublishing } from '../lib/logs';

const rule: Rule = {
  meta: {
    id: 'opensearch-slow-logs-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'info',
    title: 'OpenSearch domains should publish search and indexing slow logs',
    rationale:
      'Slow logs record the searches and indexing requests that exceed a threshold, with their source. Sudden expensive queries are how scraping, bulk export or a denial of service show up in a search cluster; published to CloudWatch Logs, they can be alarmed on and kept beside the other logs of an investigation.',
    remediation:
      'Set `LogPublishingOptions.SEARCH_SLOW_LOGS` and `INDEX_SLOW_LOGS` to `Enabled: true` with `CloudWatchLogsLogGroupArn` of a log group whose resource policy lets `es.amazonaws.com` write to it, then set the slow log thresholds of the indices (`index.search.slowlog.threshold.*`), without which nothing is written.',
    docs: [
      'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-opensearchservice-domain.html#cfn-opensearchservice-domain-logpublishingoptions',
    ],
    resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
    equivalents: {
      checkov: [],
      cfnNag: [],
      cfnLint: [],
      kics: ['086ea2eb-14a6-4fd4-914b-38e0bc8703e8'],
      securityHub: [],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  SearchLogs:
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
      LogPublishingOptions:
        SEARCH_SLOW_LOGS:
          Enabled: false
          CloudWatchLogsLogGroupArn: !GetAtt SearchLogs.Arn
`,
      secure: `Resources:
  SearchLogs:
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
          CloudWatchLogsLogGroupArn: !GetAtt SearchLogs.Arn
        SEARCH_SLOW_LOGS:
          Enabled: true
          CloudWatchLogsLogGroupArn: !GetAtt SearchLogs.Arn
        INDEX_SLOW_LOGS:
          Enabled: true
          CloudWatchLogsLogGroupArn: !GetAtt SearchLogs.Arn
`,
    },
  },
  resource(resource, context) {
    checkLogPublishing(resource, context, ['SEARCH_SLOW_LOGS', 'INDEX_SLOW_LOGS'], (type) => `does not publish ${type === 'SEARCH_SLOW_LOGS' ? 'search' : 'indexing'} slow logs`);
  },
};

export default rule;
