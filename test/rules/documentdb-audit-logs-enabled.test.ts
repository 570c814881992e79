import rule from '../../rules/detective-controls/documentdb-audit-logs-enabled';
import { testRule } from '../helpers/rule-tester';

const group = (audit: string) => `  Params:\n    Type: AWS::DocDB::DBClusterParameterGroup\n    Properties:\n      Description: d\n      Family: docdb5.0\n      Parameters:\n${audit}`;
const cluster = (properties: string, extra = '') => `Resources:\n  Docs:\n    Type: AWS::DocDB::DBCluster\n    Properties:\n${properties}${extra}`;

testRule(rule, {
  valid: [
    { name: 'audit exported, the template\'s parameter group turns it on', code: cluster('      DBClusterParameterGroupName: !Ref Params\n      EnableCloudwatchLogsExports: [audit]\n', group('        audit_logs: enabled\n')) },
    { name: 'dml_write counts as on', code: cluster('      DBClusterParameterGroupName: !Ref Params\n      EnableCloudwatchLogsExports: [profiler, audit]\n', group('        audit_logs: dml_write\n')) },
    { name: 'a parameter group outside the template is not judged', code: cluster('      DBClusterParameterGroupName: shared-audit\n      EnableCloudwatchLogsExports:\n        - audit\n') },
    { name: 'exports from an import', code: cluster('      DBClusterParameterGroupName: shared-audit\n      EnableCloudwatchLogsExports: !Split [",", !ImportValue exports]\n') },
    {
      name: 'JSON',
      file: 't.json',
      code: '{"Resources": {"Docs": {"Type": "AWS::DocDB::DBCluster", "Properties": {"DBClusterParameterGroupName": "shared", "EnableCloudwatchLogsExports": ["audit"]}}}}',
    },
  ],
  invalid: [
    {
      name: 'no exports',
      code: cluster('      DBClusterParameterGroupName: shared\n'),
      findings: [{ range: '4:5-4:15', message: 'Docs does not publish audit logs to CloudWatch Logs: EnableCloudwatchLogsExports is not set.' }],
      output: cluster('      DBClusterParameterGroupName: shared\n      EnableCloudwatchLogsExports:\n        - audit\n'),
    },
    {
      name: 'no exports and no parameter group: no fix, since the default group would still write nothing',
      code: cluster('      StorageEncrypted: true\n'),
      findings: [{ range: '4:5-4:15', message: 'Docs does not publish audit logs to CloudWatch Logs: EnableCloudwatchLogsExports is not set.' }],
      output: null,
    },
    {
      name: 'no exports, the template\'s parameter group turns audit off: no fix',
      code: cluster('      DBClusterParameterGroupName: !Ref Params\n', group('        audit_logs: disabled\n')),
      findings: [{ range: '4:5-4:15' }],
      output: null,
    },
    {
      name: 'profiler only: the fix adds audit',
      code: cluster('      DBClusterParameterGroupName: shared\n      EnableCloudwatchLogsExports: [profiler]\n'),
      findings: [{ range: '6:36-6:46', message: 'Docs does not publish audit logs to CloudWatch Logs: EnableCloudwatchLogsExports lacks "audit".' }],
      output: cluster('      DBClusterParameterGroupName: shared\n      EnableCloudwatchLogsExports: [profiler, audit]\n'),
    },
    {
      name: 'audit exported with the default parameter group',
      code: cluster('      EnableCloudwatchLogsExports: [audit]\n'),
      findings: [{ range: '4:5-4:15', message: 'Docs exports audit logs that it never writes: DBClusterParameterGroupName is not set, and the default parameter group has audit_logs disabled.' }],
      output: null,
    },
    {
      name: 'audit exported with a default group named outright',
      code: cluster('      DBClusterParameterGroupName: default.docdb5.0\n      EnableCloudwatchLogsExports: [audit]\n'),
      findings: [{ range: '5:36-5:52', message: 'Docs exports audit logs that it never writes: DBClusterParameterGroupName names the default parameter group, which has audit_logs disabled.' }],
      output: null,
    },
    {
      name: 'audit exported, the template\'s parameter group turns it off',
      code: cluster('      DBClusterParameterGroupName: !Ref Params\n      EnableCloudwatchLogsExports: [audit]\n', group('        audit_logs: disabled\n')),
      findings: [{ range: '5:36-5:47', message: 'Docs exports audit logs that it never writes: its parameter group Params has audit_logs set to disabled.' }],
      output: null,
    },
    {
      name: 'the template\'s parameter group leaves it at its default',
      code: cluster('      DBClusterParameterGroupName: !Ref Params\n      EnableCloudwatchLogsExports: [audit]\n', group('        tls: enabled\n')),
      findings: [{ range: '5:36-5:47', message: 'Docs exports audit logs that it never writes: its parameter group Params does not set audit_logs, which defaults to disabled.' }],
      output: null,
    },
    {
      name: 'audit only in one branch, JSON',
      file: 't.json',
      code: '{"Resources": {"Docs": {"Type": "AWS::DocDB::DBCluster", "Properties": {"DBClusterParameterGroupName": "shared", "EnableCloudwatchLogsExports": {"Fn::If": ["Prod", ["audit"], []]}}}}}',
      findings: [{ range: '1:145-1:180', message: 'Docs does not publish audit logs to CloudWatch Logs: EnableCloudwatchLogsExports lacks "audit" (when condition Prod is false).' }],
      output: '{"Resources": {"Docs": {"Type": "AWS::DocDB::DBCluster", "Properties": {"DBClusterParameterGroupName": "shared", "EnableCloudwatchLogsExports": {"Fn::If": ["Prod", ["audit"], ["audit"]]}}}}}',
    },
  ],
});
