import rule from '../../rules/detective-controls/msk-cluster-broker-logging-enabled';
import { testRule } from '../helpers/rule-tester';

const cluster = (properties: string, after = '') => `Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClusterName: events\n${properties}${after}`;
const group = '  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n';

testRule(rule, {
  valid: [
    { name: 'to a log group of the template', code: cluster('      LoggingInfo:\n        BrokerLogs:\n          CloudWatchLogs: { Enabled: true, LogGroup: !Ref Logs }\n', group) },
    { name: 'to S3, CloudWatch Logs off', code: cluster('      LoggingInfo:\n        BrokerLogs:\n          CloudWatchLogs: { Enabled: false }\n          S3: { Enabled: true, Bucket: kafka-logs }\n') },
    { name: 'to Firehose, enabled as a string', code: cluster('      LoggingInfo:\n        BrokerLogs:\n          Firehose: { Enabled: "true", DeliveryStream: kafka }\n') },
    { name: 'enabled from an import', code: cluster('      LoggingInfo:\n        BrokerLogs:\n          S3: { Enabled: !ImportValue s3-logs, Bucket: kafka-logs }\n') },
    { name: 'JSON', file: 't.json', code: '{"Resources": {"Kafka": {"Type": "AWS::MSK::Cluster", "Properties": {"LoggingInfo": {"BrokerLogs": {"S3": {"Enabled": true, "Bucket": "b"}}}}}}}' },
  ],
  invalid: [
    {
      name: 'no logging',
      code: cluster(''),
      findings: [{ range: '4:5-4:15', message: 'Kafka does not deliver its broker logs: LoggingInfo.BrokerLogs is not set.' }],
      output: null,
    },
    {
      name: 'a log group of the template, turned off: the fix turns it on',
      code: cluster('      LoggingInfo:\n        BrokerLogs:\n          CloudWatchLogs:\n            Enabled: false\n            LogGroup: !Ref Logs\n', group),
      findings: [{ range: '8:11-10:32', message: 'Kafka does not deliver its broker logs: LoggingInfo.BrokerLogs turns on none of CloudWatchLogs, Firehose and S3.' }],
      output: cluster('      LoggingInfo:\n        BrokerLogs:\n          CloudWatchLogs:\n            Enabled: true\n            LogGroup: !Ref Logs\n', group),
    },
    {
      name: 'off from a parameter default',
      code: `Parameters:\n  Logging:\n    Type: String\n    Default: "false"\n${cluster('      LoggingInfo:\n        BrokerLogs:\n          S3: { Enabled: !Ref Logging, Bucket: kafka-logs }\n')}`,
      findings: [{ range: '12:11-12:60' }],
      output: `Parameters:\n  Logging:\n    Type: String\n    Default: "true"\n${cluster('      LoggingInfo:\n        BrokerLogs:\n          S3: { Enabled: !Ref Logging, Bucket: kafka-logs }\n')}`,
    },
    {
      name: 'empty broker logs, JSON',
      file: 't.json',
      code: '{"Resources": {"Kafka": {"Type": "AWS::MSK::Cluster", "Properties": {"LoggingInfo": {"BrokerLogs": {}}}}}}',
      findings: [{ range: '1:100-1:102' }],
      output: null,
    },
  ],
});
