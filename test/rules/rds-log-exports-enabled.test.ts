import rule from '../../rules/detective-controls/rds-log-exports-enabled';
import { testRule } from '../helpers/rule-tester';

const db = (type: string, properties: string) => `Resources:\n  Db:\n    Type: ${type}\n    Properties:\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'postgres exporting its log', code: db('AWS::RDS::DBInstance', '      Engine: postgres\n      EnableCloudwatchLogsExports: [postgresql]\n') },
    { name: 'any one export will do', code: db('AWS::RDS::DBCluster', '      Engine: aurora-mysql\n      EnableCloudwatchLogsExports:\n        - error\n') },
    { name: 'an Aurora instance exports through its cluster', code: db('AWS::RDS::DBInstance', '      Engine: aurora-postgresql\n      DBClusterIdentifier: !Ref Cluster\n') },
    { name: 'Aurora Serverless v1 publishes through its parameter group', code: db('AWS::RDS::DBCluster', '      Engine: aurora-mysql\n      EngineMode: serverless\n') },
    { name: 'RDS Custom exports nothing', code: db('AWS::RDS::DBInstance', '      Engine: custom-oracle-ee\n') },
    { name: 'exports from an import', code: db('AWS::RDS::DBInstance', '      Engine: mysql\n      EnableCloudwatchLogsExports: !Split [",", !ImportValue exports]\n') },
    {
      name: 'exports from a CommaDelimitedList parameter',
      code: `Parameters:\n  Exports:\n    Type: CommaDelimitedList\n    Default: error,slowquery\n${db('AWS::RDS::DBInstance', '      Engine: mariadb\n      EnableCloudwatchLogsExports: !Ref Exports\n')}`,
    },
    {
      name: 'exports in JSON',
      file: 't.json',
      code: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "sqlserver-se", "EnableCloudwatchLogsExports": ["agent", "error"]}}}}',
    },
  ],
  invalid: [
    {
      name: 'postgres without exports: the fix writes the engine\'s logs',
      code: db('AWS::RDS::DBInstance', '      Engine: postgres\n      DBInstanceClass: db.t4g.micro\n'),
      findings: [{ range: '4:5-4:15', message: 'Db does not publish its database logs to CloudWatch Logs: EnableCloudwatchLogsExports is not set.' }],
      output: db('AWS::RDS::DBInstance', '      Engine: postgres\n      DBInstanceClass: db.t4g.micro\n      EnableCloudwatchLogsExports:\n        - postgresql\n        - upgrade\n'),
    },
    {
      name: 'an empty list on an Aurora MySQL cluster',
      code: db('AWS::RDS::DBCluster', '      Engine: aurora-mysql\n      EnableCloudwatchLogsExports: []\n'),
      findings: [{ range: '6:36-6:38', message: 'Db does not publish its database logs to CloudWatch Logs: EnableCloudwatchLogsExports is empty.' }],
      output: db('AWS::RDS::DBCluster', '      Engine: aurora-mysql\n      EnableCloudwatchLogsExports: [audit, error, general, slowquery]\n'),
    },
    {
      name: 'removed in one branch of a condition',
      code: `Conditions:\n  Prod: !Equals [!Ref AWS::StackName, prod]\n${db('AWS::RDS::DBInstance', '      Engine: mysql\n      EnableCloudwatchLogsExports: !If [Prod, [error], !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '8:36-8:74', message: 'Db does not publish its database logs to CloudWatch Logs: EnableCloudwatchLogsExports is not set (when condition Prod is false).' }],
      output: `Conditions:\n  Prod: !Equals [!Ref AWS::StackName, prod]\n${db('AWS::RDS::DBInstance', '      Engine: mysql\n      EnableCloudwatchLogsExports: !If [Prod, [error], [audit, error, general, slowquery]]\n')}`,
    },
    {
      name: 'an engine from a parameter without a default: reported without a fix',
      code: `Parameters:\n  Engine:\n    Type: String\n${db('AWS::RDS::DBInstance', '      Engine: !Ref Engine\n')}`,
      findings: [{ range: '7:5-7:15' }],
      output: null,
    },
    {
      name: 'SQL Server in JSON',
      file: 't.json',
      code: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "sqlserver-se"}}}}',
      findings: [{ range: '1:55-1:67' }],
      output: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "sqlserver-se", "EnableCloudwatchLogsExports": [\n  "agent",\n  "error"\n]}}}}',
    },
    {
      name: 'a read replica exports its own logs',
      code: db('AWS::RDS::DBInstance', '      SourceDBInstanceIdentifier: !Ref Primary\n      Engine: oracle-ee\n'),
      findings: [{ range: '4:5-4:15' }],
      output: db('AWS::RDS::DBInstance', '      SourceDBInstanceIdentifier: !Ref Primary\n      Engine: oracle-ee\n      EnableCloudwatchLogsExports:\n        - alert\n        - audit\n        - listener\n        - trace\n'),
    },
  ],
});
