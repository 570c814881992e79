import logFileValidation from '../../rules/incident-response/cloudtrail-log-file-validation-enabled';
import multiRegion from '../../rules/detective-controls/cloudtrail-multi-region-enabled';
import { testRule } from '../helpers/rule-tester';

const trail = (properties: string) => `Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n${properties}`;

testRule(logFileValidation, {
  valid: [
    { name: 'validation on', code: trail('      EnableLogFileValidation: true\n') },
    { name: 'validation on, JSON', file: 't.json', code: '{"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "EnableLogFileValidation": true}}}}' },
  ],
  invalid: [
    {
      name: 'validation missing',
      code: trail('      IsMultiRegionTrail: true\n'),
      findings: [{ range: '4:5-4:15', message: 'Trail does not turn on log file validation: EnableLogFileValidation is not set and defaults to false.' }],
      output: trail('      IsMultiRegionTrail: true\n      EnableLogFileValidation: true\n'),
    },
    {
      name: 'validation off',
      code: trail('      IsMultiRegionTrail: true\n      EnableLogFileValidation: "false"\n'),
      findings: [{ range: '7:32-7:39' }],
      output: trail('      IsMultiRegionTrail: true\n      EnableLogFileValidation: "true"\n'),
    },
    {
      name: 'flow-style Properties in YAML',
      code: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties: { IsLogging: true, IsMultiRegionTrail: true }\n',
      findings: [{ range: '4:5-4:15' }],
      output: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties: { IsLogging: true, IsMultiRegionTrail: true, EnableLogFileValidation: true }\n',
    },
  ],
});

testRule(multiRegion, {
  valid: [
    { name: 'multi-Region', code: trail('      IsMultiRegionTrail: true\n') },
    { name: 'unknown value from an import', code: trail('      IsMultiRegionTrail: !ImportValue shared-multi-region\n') },
  ],
  invalid: [
    {
      name: 'single Region by default',
      code: trail('      EnableLogFileValidation: true\n'),
      findings: [{ range: '4:5-4:15', message: 'Trail does not turn on logging in every Region: IsMultiRegionTrail is not set and defaults to false.' }],
      output: trail('      EnableLogFileValidation: true\n      IsMultiRegionTrail: true\n'),
    },
    {
      name: 'single Region in JSON',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Trail": {\n      "Type": "AWS::CloudTrail::Trail",\n      "Properties": {"IsLogging": true, "EnableLogFileValidation": true, "IsMultiRegionTrail": false}\n    }\n  }\n}\n',
      findings: [{ range: '5:96-5:101' }],
      output: '{\n  "Resources": {\n    "Trail": {\n      "Type": "AWS::CloudTrail::Trail",\n      "Properties": {"IsLogging": true, "EnableLogFileValidation": true, "IsMultiRegionTrail": true}\n    }\n  }\n}\n',
    },
  ],
});
