import rule from '../../rules/data-protection/docdb-cluster-parameter-group-tls-enabled';
import { testRule } from '../helpers/rule-tester';

const group = (parameters: string) => `Resources:\n  Params:\n    Type: AWS::DocDB::DBClusterParameterGroup\n    Properties:\n      Family: docdb5.0\n      Description: Documents\n      Parameters:\n${parameters}`;

testRule(rule, {
  valid: [
    { name: 'TLS enabled', code: group('        tls: enabled\n') },
    { name: 'TLS 1.2 or later', code: group('        tls: tls1.2+\n') },
    { name: 'tls not set (enabled by default)', code: group('        audit_logs: enabled\n') },
    { name: 'from a parameter without a default', code: `Parameters:\n  Tls:\n    Type: String\n${group('        tls: !Ref Tls\n')}` },
    { name: 'JSON, enabled', file: 't.json', code: '{"Resources": {"Params": {"Type": "AWS::DocDB::DBClusterParameterGroup", "Properties": {"Family": "docdb5.0", "Parameters": {"tls": "enabled"}}}}}' },
  ],
  invalid: [
    {
      name: 'TLS disabled',
      code: group('        tls: disabled\n'),
      findings: [{ range: '8:14-8:22', message: 'Params lets clients connect without TLS: Parameters.tls is "disabled".' }],
      output: group('        tls: enabled\n'),
    },
    {
      name: 'TLS disabled through a parameter default',
      code: `Parameters:\n  Tls:\n    Type: String\n    Default: disabled\n${group('        tls: !Ref Tls\n')}`,
      findings: [{ range: '12:14-12:22', message: /from the default of parameter Tls/ }],
      output: `Parameters:\n  Tls:\n    Type: String\n    Default: enabled\n${group('        tls: !Ref Tls\n')}`,
    },
    {
      name: 'JSON, disabled',
      file: 't.json',
      code: '{"Resources": {"Params": {"Type": "AWS::DocDB::DBClusterParameterGroup", "Properties": {"Family": "docdb5.0", "Parameters": {"tls": "disabled"}}}}}',
      findings: [{ range: '1:133-1:143' }],
      output: '{"Resources": {"Params": {"Type": "AWS::DocDB::DBClusterParameterGroup", "Properties": {"Family": "docdb5.0", "Parameters": {"tls": "enabled"}}}}}',
    },
  ],
});
