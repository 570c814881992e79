import rule from '../../rules/detective-controls/guardduty-detector-features';
import { testRule } from '../helpers/rule-tester';

const detector = (properties: string) => `Resources:\n  Detector:\n    Type: AWS::GuardDuty::Detector\n    Properties:\n      Enable: true\n${properties}`;
const features = (items: string) => detector(`      Features:\n${items}`);

testRule(rule, {
  valid: [
    { name: 'no features: the account defaults apply', code: detector('') },
    { name: 'plans enabled', code: features('        - Name: S3_DATA_EVENTS\n          Status: ENABLED\n        - Name: RUNTIME_MONITORING\n          Status: ENABLED\n') },
    { name: 'another plan turned off is not watched', code: features('        - Name: LAMBDA_NETWORK_LOGS\n          Status: DISABLED\n') },
    { name: 'status from an import', code: features('        - Name: EKS_AUDIT_LOGS\n          Status: !ImportValue eks-audit-status\n') },
    { name: 'older data sources on', code: detector('      DataSources:\n        S3Logs: { Enable: true }\n        Kubernetes:\n          AuditLogs: { Enable: true }\n') },
    { name: 'JSON, enabled', file: 't.json', code: '{"Resources": {"Detector": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": true, "Features": [{"Name": "S3_DATA_EVENTS", "Status": "ENABLED"}]}}}}' },
  ],
  invalid: [
    {
      name: 'S3 protection off',
      code: features('        - Name: S3_DATA_EVENTS\n          Status: DISABLED\n'),
      findings: [{ range: '8:19-8:27', message: 'Detector turns off S3 Protection (S3 data events): Features[0].Status is "DISABLED".' }],
      output: features('        - Name: S3_DATA_EVENTS\n          Status: ENABLED\n'),
    },
    {
      name: 'runtime monitoring off from a parameter default',
      code: `Parameters:\n  Runtime:\n    Type: String\n    Default: DISABLED\n${features('        - Name: EKS_AUDIT_LOGS\n          Status: ENABLED\n        - Name: RUNTIME_MONITORING\n          Status: !Ref Runtime\n')}`,
      findings: [{ range: '14:19-14:31', message: 'Detector turns off Runtime Monitoring: Features[1].Status is "DISABLED" (from the default of parameter Runtime).' }],
      output: `Parameters:\n  Runtime:\n    Type: String\n    Default: ENABLED\n${features('        - Name: EKS_AUDIT_LOGS\n          Status: ENABLED\n        - Name: RUNTIME_MONITORING\n          Status: !Ref Runtime\n')}`,
    },
    {
      name: 'EKS audit logs off in one branch of !If',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]\n${features('        - Name: EKS_AUDIT_LOGS\n          Status: !If [IsProd, ENABLED, DISABLED]\n')}`,
      findings: [{ range: '10:19-10:50', message: 'Detector turns off EKS Protection (EKS audit logs): Features[0].Status is "DISABLED" (when condition IsProd is false).' }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]\n${features('        - Name: EKS_AUDIT_LOGS\n          Status: !If [IsProd, ENABLED, ENABLED]\n')}`,
    },
    {
      name: 'older data sources off',
      code: detector('      DataSources:\n        S3Logs:\n          Enable: false\n        Kubernetes:\n          AuditLogs:\n            Enable: false\n'),
      findings: [
        { range: '8:19-8:24', message: 'Detector turns off S3 Protection (S3 data events): DataSources.S3Logs.Enable is false.' },
        { range: '11:21-11:26', message: 'Detector turns off EKS Protection (EKS audit logs): DataSources.Kubernetes.AuditLogs.Enable is false.' },
      ],
      output: detector('      DataSources:\n        S3Logs:\n          Enable: true\n        Kubernetes:\n          AuditLogs:\n            Enable: true\n'),
    },
    {
      name: 'JSON, S3 protection off',
      file: 't.json',
      code: '{"Resources": {"Detector": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": true, "Features": [{"Name": "S3_DATA_EVENTS", "Status": "DISABLED"}]}}}}',
      findings: [{ range: '1:146-1:156' }],
      output: '{"Resources": {"Detector": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": true, "Features": [{"Name": "S3_DATA_EVENTS", "Status": "ENABLED"}]}}}}',
    },
  ],
});
