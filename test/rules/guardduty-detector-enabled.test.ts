import rule from '../../rules/detective-controls/guardduty-detector-enabled';
import { testRule } from '../helpers/rule-tester';

// Findings routed, so that turning the detector on raises nothing from guardduty-findings-routed.
const routed = '  Findings:\n    Type: AWS::Events::Rule\n    Properties:\n      EventPattern: { source: [aws.guardduty] }\n';
const detector = (enable: string) => `Resources:\n  Detector:\n    Type: AWS::GuardDuty::Detector\n    Properties:\n      Enable: ${enable}\n${routed}`;

testRule(rule, {
  valid: [
    { name: 'enabled', code: detector('true') },
    { name: 'enabled as a string', code: detector('"True"') },
    { name: 'from an import', code: detector('!ImportValue guardduty-on') },
    { name: 'JSON, enabled', file: 't.json', code: '{"Resources": {"Detector": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": true}}}}' },
  ],
  invalid: [
    { name: 'suspended', code: detector('false'), findings: [{ range: '5:15-5:20', message: 'Detector is suspended and detects nothing: Enable is false.' }], output: detector('true') },
    {
      name: 'from a parameter default',
      code: `Parameters:\n  On:\n    Type: String\n    Default: "false"\n    AllowedValues: ["true", "false"]\n${detector('!Ref On')}`,
      findings: [{ range: '10:15-10:22', message: 'Detector is suspended and detects nothing: Enable is false (from the default of parameter On).' }],
      output: `Parameters:\n  On:\n    Type: String\n    Default: "true"\n    AllowedValues: ["true"]\n${detector('!Ref On')}`,
    },
    {
      name: 'suspended in one branch of !If',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]\n${detector('!If [IsProd, true, false]')}`,
      findings: [{ range: '7:15-7:40', message: 'Detector is suspended and detects nothing: Enable is false (when condition IsProd is false).' }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]\n${detector('!If [IsProd, true, true]')}`,
    },
    {
      name: 'JSON, suspended',
      file: 't.json',
      code: '{"Resources": {"Detector": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": false}}, "Findings": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": {"source": ["aws.guardduty"]}}}}}',
      findings: [{ range: '1:90-1:95' }],
      output: '{"Resources": {"Detector": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": true}}, "Findings": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": {"source": ["aws.guardduty"]}}}}}',
    },
  ],
});
