import rule from '../../rules/detective-controls/rds-enhanced-monitoring-enabled';
import { testRule } from '../helpers/rule-tester';

const db = (properties: string, before = '') => `${before}Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n${properties}`;
const role = '  Monitoring:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: monitoring.rds.amazonaws.com }, Action: sts:AssumeRole }] }\n';

testRule(rule, {
  valid: [
    { name: 'every minute', code: db('      Engine: mysql\n      MonitoringInterval: 60\n      MonitoringRoleArn: arn:aws:iam::123456789012:role/rds-monitoring\n') },
    { name: 'every second, as a string', code: db('      Engine: postgres\n      MonitoringInterval: "1"\n      MonitoringRoleArn: !GetAtt Monitoring.Arn\n') + role },
    { name: 'an interval from a parameter without a default', code: db('      MonitoringInterval: !Ref Interval\n', 'Parameters:\n  Interval:\n    Type: Number\n') },
    { name: 'in JSON', file: 't.json', code: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"MonitoringInterval": 15, "MonitoringRoleArn": "arn:aws:iam::123456789012:role/m"}}}}' },
  ],
  invalid: [
    {
      name: 'not set, no role: reported without a fix',
      code: db('      Engine: mysql\n'),
      findings: [{ range: '4:5-4:15', message: 'Db does not turn on enhanced monitoring: MonitoringInterval is not set and defaults to 0.' }],
      output: null,
    },
    {
      name: 'zero with a role of the template: the fix sets a minute',
      code: db('      Engine: mysql\n      MonitoringInterval: 0\n      MonitoringRoleArn: !GetAtt Monitoring.Arn\n') + role,
      findings: [{ range: '6:27-6:28', message: 'Db turns off enhanced monitoring: MonitoringInterval is 0.' }],
      output: db('      Engine: mysql\n      MonitoringInterval: 60\n      MonitoringRoleArn: !GetAtt Monitoring.Arn\n') + role,
    },
    {
      name: 'zero from a parameter default, JSON',
      file: 't.json',
      code: '{"Parameters": {"Interval": {"Type": "Number", "Default": 0}}, "Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"MonitoringInterval": {"Ref": "Interval"}, "MonitoringRoleArn": "arn:aws:iam::123456789012:role/m"}}}}',
      findings: [{ range: '1:154-1:173', message: 'Db turns off enhanced monitoring: MonitoringInterval is 0 (from the default of parameter Interval).' }],
      output: '{"Parameters": {"Interval": {"Type": "Number", "Default": 60}}, "Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"MonitoringInterval": {"Ref": "Interval"}, "MonitoringRoleArn": "arn:aws:iam::123456789012:role/m"}}}}',
    },
    {
      name: 'off in one branch',
      code: db('      MonitoringInterval: !If [Prod, 30, 0]\n      MonitoringRoleArn: arn:aws:iam::123456789012:role/m\n', 'Conditions:\n  Prod: !Equals [!Ref AWS::StackName, prod]\n'),
      findings: [{ range: '7:27-7:44', message: 'Db turns off enhanced monitoring: MonitoringInterval is 0 (when condition Prod is false).' }],
      output: db('      MonitoringInterval: !If [Prod, 30, 60]\n      MonitoringRoleArn: arn:aws:iam::123456789012:role/m\n', 'Conditions:\n  Prod: !Equals [!Ref AWS::StackName, prod]\n'),
    },
  ],
});
