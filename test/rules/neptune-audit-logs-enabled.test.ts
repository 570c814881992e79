import rule from '../../rules/detective-controls/neptune-audit-logs-enabled';
import { testRule } from '../helpers/rule-tester';

const group = (audit: string) => `  Params:\n    Type: AWS::Neptune::DBClusterParameterGroup\n    Properties:\n      Description: d\n      Family: neptune1.3\n      Parameters:\n${audit}`;
const cluster = (properties: string, extra = '') => `Resources:\n  Graph:\n    Type: AWS::Neptune::DBCluster\n    Properties:\n${properties}${extra}`;

testRule(rule, {
  valid: [
    { name: 'audit exported, the parameter group turns it on', code: cluster('      DBClusterParameterGroupName: !Ref Params\n      EnableCloudwatchLogsExports: [audit, slowquery]\n', group('        neptune_enable_audit_log: 1\n')) },
    { name: 'the switch as a string', code: cluster('      DBClusterParameterGroupName: !Ref Params\n      EnableCloudwatchLogsExports: [audit]\n', group('        neptune_enable_audit_log: "1"\n')) },
    {
      name: 'audit from a CommaDelimitedList parameter',
      code: `Parameters:\n  Logs:\n    Type: CommaDelimitedList\n    Default: "audit,slowquery"\n${cluster('      DBClusterParameterGroupName: shared\n      EnableCloudwatchLogsExports: !Ref Logs\n')}`,
    },
  ],
  invalid: [
    {
      name: 'no exports: the fix adds audit',
      code: cluster('      DBClusterParameterGroupName: shared\n'),
      findings: [{ range: '4:5-4:15', message: 'Graph does not publish audit logs to CloudWatch Logs: EnableCloudwatchLogsExports is not set.' }],
      output: cluster('      DBClusterParameterGroupName: shared\n      EnableCloudwatchLogsExports:\n        - audit\n'),
    },
    {
      name: 'slow queries only, from a parameter default: no fix in the parameter',
      code: `Parameters:\n  Logs:\n    Type: CommaDelimitedList\n    Default: slowquery\n${cluster('      EnableCloudwatchLogsExports: !Ref Logs\n')}`,
      findings: [{ range: '9:36-9:45', message: 'Graph does not publish audit logs to CloudWatch Logs: EnableCloudwatchLogsExports lacks "audit" (from the default of parameter Logs).' }],
      output: null,
    },
    {
      name: 'the parameter group leaves audit off',
      code: cluster('      DBClusterParameterGroupName: !Ref Params\n      EnableCloudwatchLogsExports: [audit]\n', group('        neptune_enable_audit_log: 0\n')),
      findings: [{ range: '5:36-5:47', message: 'Graph exports audit logs that it never writes: its parameter group Params has neptune_enable_audit_log set to 0.' }],
      output: null,
    },
    {
      name: 'JSON without exports',
      file: 't.json',
      code: '{"Resources": {"Graph": {"Type": "AWS::Neptune::DBCluster", "Properties": {"DBClusterParameterGroupName": "shared", "EnableCloudwatchLogsExports": []}}}}',
      findings: [{ range: '1:148-1:150', message: 'Graph does not publish audit logs to CloudWatch Logs: EnableCloudwatchLogsExports lacks "audit".' }],
      output: '{"Resources": {"Graph": {"Type": "AWS::Neptune::DBCluster", "Properties": {"DBClusterParameterGroupName": "shared", "EnableCloudwatchLogsExports": ["audit"]}}}}',
    },
  ],
});
