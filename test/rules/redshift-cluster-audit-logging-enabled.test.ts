import rule from '../../rules/detective-controls/redshift-cluster-audit-logging-enabled';
import { testRule } from '../helpers/rule-tester';

const cluster = (properties: string, before = '', after = '') => `${before}Resources:\n  Warehouse:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n${properties}${after}`;
const bucket = '  Logs:\n    Type: AWS::S3::Bucket\n';

testRule(rule, {
  valid: [
    { name: 'to a bucket of the template', code: cluster('      LoggingProperties:\n        BucketName: !Ref Logs\n        S3KeyPrefix: redshift/\n', '', bucket) },
    { name: 'to S3, said outright', code: cluster('      LoggingProperties: { LogDestinationType: s3, BucketName: audit-logs }\n') },
    { name: 'to CloudWatch Logs', code: cluster('      LoggingProperties:\n        LogDestinationType: cloudwatch\n        LogExports: [connectionlog]\n') },
    { name: 'from an import', code: cluster('      LoggingProperties: !ImportValue redshift-logging\n') },
    { name: 'JSON', file: 't.json', code: '{"Resources": {"Warehouse": {"Type": "AWS::Redshift::Cluster", "Properties": {"LoggingProperties": {"BucketName": "audit"}}}}}' },
  ],
  invalid: [
    {
      name: 'no logging',
      code: cluster(''),
      findings: [{ range: '4:5-4:15', message: 'Warehouse does not keep an audit log of connections and users: LoggingProperties is not set.' }],
      output: null,
    },
    {
      name: 'to S3 without a bucket',
      code: cluster('      LoggingProperties:\n        S3KeyPrefix: redshift/\n'),
      findings: [{ range: '7:9-7:20', message: 'Warehouse does not keep an audit log of connections and users: LoggingProperties names no BucketName to deliver the logs to.' }],
      output: null,
    },
    {
      name: 'to CloudWatch Logs with nothing exported: the fix lists the three logs',
      code: cluster('      LoggingProperties:\n        LogDestinationType: cloudwatch\n        LogExports: []\n'),
      findings: [{ range: '8:21-8:23', message: 'Warehouse does not keep an audit log of connections and users: LoggingProperties.LogExports is empty.' }],
      output: cluster('      LoggingProperties:\n        LogDestinationType: cloudwatch\n        LogExports: [connectionlog, userlog, useractivitylog]\n'),
    },
    {
      name: 'removed when a condition is false',
      code: cluster('      LoggingProperties: !If [Prod, { BucketName: audit }, !Ref AWS::NoValue]\n', 'Conditions:\n  Prod: !Equals [!Ref AWS::StackName, prod]\n'),
      findings: [{ range: '8:26-8:78', message: 'Warehouse does not keep an audit log of connections and users: LoggingProperties is not set (when condition Prod is false).' }],
      output: null,
    },
    {
      name: 'JSON without logging',
      file: 't.json',
      code: '{"Resources": {"Warehouse": {"Type": "AWS::Redshift::Cluster", "Properties": {"NodeType": "dc2.large"}}}}',
      findings: [{ range: '1:64-1:76' }],
      output: null,
    },
  ],
});
