import audit from '../../rules/detective-controls/opensearch-audit-logs-enabled';
import slow from '../../rules/detective-controls/opensearch-slow-logs-enabled';
import { testRule } from '../helpers/rule-tester';

const domain = (properties: string, type = 'AWS::OpenSearchService::Domain', before = '') => `${before}Resources:\n  Search:\n    Type: ${type}\n    Properties:\n${properties}`;
const group = '  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n';

testRule(audit, {
  valid: [
    { name: 'audit logs to a log group of the template', code: domain('      LogPublishingOptions:\n        AUDIT_LOGS:\n          Enabled: true\n          CloudWatchLogsLogGroupArn: !GetAtt Logs.Arn\n') + group },
    { name: 'Elasticsearch 6.5 has no audit logs', code: domain('      ElasticsearchVersion: "6.5"\n', 'AWS::Elasticsearch::Domain') },
    { name: 'an OpenSearch domain of Elasticsearch 6.3', code: domain('      EngineVersion: Elasticsearch_6.3\n') },
    { name: 'enabled from a parameter without a default', code: domain('      LogPublishingOptions:\n        AUDIT_LOGS: { Enabled: !Ref Audit, CloudWatchLogsLogGroupArn: arn }\n', undefined, 'Parameters:\n  Audit:\n    Type: String\n') },
    {
      name: 'JSON',
      file: 't.json',
      code: '{"Resources": {"Search": {"Type": "AWS::Elasticsearch::Domain", "Properties": {"ElasticsearchVersion": "7.10", "LogPublishingOptions": {"AUDIT_LOGS": {"Enabled": "true", "CloudWatchLogsLogGroupArn": "arn"}}}}}}',
    },
  ],
  invalid: [
    {
      name: 'no log publishing at all',
      code: domain('      EngineVersion: OpenSearch_2.11\n'),
      findings: [{ range: '4:5-4:15', message: 'Search does not publish audit logs: LogPublishingOptions has no AUDIT_LOGS.' }],
      output: null,
    },
    {
      name: 'turned off with its log group named: the fix turns it on',
      code: domain('      LogPublishingOptions:\n        AUDIT_LOGS:\n          Enabled: false\n          CloudWatchLogsLogGroupArn: !GetAtt Logs.Arn\n') + group,
      findings: [{ range: '7:20-7:25', message: 'Search does not publish audit logs: LogPublishingOptions.AUDIT_LOGS.Enabled is false.' }],
      output: domain('      LogPublishingOptions:\n        AUDIT_LOGS:\n          Enabled: true\n          CloudWatchLogsLogGroupArn: !GetAtt Logs.Arn\n') + group,
    },
    {
      name: 'Enabled missing beside the log group',
      code: domain('      LogPublishingOptions:\n        AUDIT_LOGS:\n          CloudWatchLogsLogGroupArn: !GetAtt Logs.Arn\n') + group,
      findings: [{ range: '7:11-7:36', message: 'Search does not publish audit logs: LogPublishingOptions.AUDIT_LOGS.Enabled is not set and defaults to false.' }],
      output: domain('      LogPublishingOptions:\n        AUDIT_LOGS:\n          CloudWatchLogsLogGroupArn: !GetAtt Logs.Arn\n          Enabled: true\n') + group,
    },
    {
      name: 'slow logs only, Elasticsearch 7.10',
      code: domain('      ElasticsearchVersion: "7.10"\n      LogPublishingOptions:\n        SEARCH_SLOW_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: arn }\n', 'AWS::Elasticsearch::Domain'),
      findings: [{ range: '6:7-6:27', message: 'Search does not publish audit logs: LogPublishingOptions has no AUDIT_LOGS.' }],
      output: null,
    },
    {
      name: 'off in one branch of a condition',
      code: domain('      LogPublishingOptions:\n        AUDIT_LOGS: { Enabled: !If [Prod, true, false], CloudWatchLogsLogGroupArn: arn }\n', undefined, 'Conditions:\n  Prod: !Equals [!Ref AWS::StackName, prod]\n'),
      findings: [{ range: '8:32-8:55', message: 'Search does not publish audit logs: LogPublishingOptions.AUDIT_LOGS.Enabled is false (when condition Prod is false).' }],
      output: domain('      LogPublishingOptions:\n        AUDIT_LOGS: { Enabled: !If [Prod, true, true], CloudWatchLogsLogGroupArn: arn }\n', undefined, 'Conditions:\n  Prod: !Equals [!Ref AWS::StackName, prod]\n'),
    },
    {
      name: 'JSON, off',
      file: 't.json',
      code: '{"Resources": {"Search": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"LogPublishingOptions": {"AUDIT_LOGS": {"Enabled": false}}}}}}',
      findings: [{ range: '1:135-1:140' }],
      output: null,
    },
  ],
});

testRule(slow, {
  valid: [
    {
      name: 'both slow logs',
      code: domain('      LogPublishingOptions:\n        SEARCH_SLOW_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: !GetAtt Logs.Arn }\n        INDEX_SLOW_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: !GetAtt Logs.Arn }\n') + group,
    },
  ],
  invalid: [
    {
      name: 'neither slow log',
      code: domain('      EngineVersion: OpenSearch_2.11\n'),
      findings: [
        { range: '4:5-4:15', message: 'Search does not publish search slow logs: LogPublishingOptions has no SEARCH_SLOW_LOGS.' },
        { range: '4:5-4:15', message: 'Search does not publish indexing slow logs: LogPublishingOptions has no INDEX_SLOW_LOGS.' },
      ],
      output: null,
    },
    {
      name: 'index slow logs turned off, JSON',
      file: 't.json',
      code: '{"Resources": {"Search": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"LogPublishingOptions": {"SEARCH_SLOW_LOGS": {"Enabled": true, "CloudWatchLogsLogGroupArn": "arn"}, "INDEX_SLOW_LOGS": {"Enabled": false, "CloudWatchLogsLogGroupArn": "arn"}}}}}}',
      findings: [{ range: '1:215-1:220', message: 'Search does not publish indexing slow logs: LogPublishingOptions.INDEX_SLOW_LOGS.Enabled is false.' }],
      output: '{"Resources": {"Search": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"LogPublishingOptions": {"SEARCH_SLOW_LOGS": {"Enabled": true, "CloudWatchLogsLogGroupArn": "arn"}, "INDEX_SLOW_LOGS": {"Enabled": true, "CloudWatchLogsLogGroupArn": "arn"}}}}}}',
    },
  ],
});
