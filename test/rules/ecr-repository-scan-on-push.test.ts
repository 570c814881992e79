import rule from '../../rules/infrastructure-protection/ecr-repository-scan-on-push';
import { testRule } from '../helpers/rule-tester';

const repo = (properties: string) => `Resources:\n  Images:\n    Type: AWS::ECR::Repository\n    Properties:\n${properties}`;
const registry = (frequency: string, filter: string) =>
  `  Scanning:\n    Type: AWS::ECR::RegistryScanningConfiguration\n    Properties:\n      ScanType: ENHANCED\n      Rules:\n        - ScanFrequency: ${frequency}\n          RepositoryFilters:\n            - Filter: "${filter}"\n              FilterType: WILDCARD\n`;

testRule(rule, {
  valid: [
    { name: 'scans on push', code: repo('      ImageScanningConfiguration:\n        ScanOnPush: true\n') },
    { name: 'scans on push, as a string', code: repo('      ImageScanningConfiguration:\n        ScanOnPush: "true"\n') },
    { name: 'the registry scans every repository on push', code: repo('      RepositoryName: web\n') + registry('SCAN_ON_PUSH', '*') },
    { name: 'the registry scans repositories matching the name continuously', code: repo('      RepositoryName: team-a/web\n') + registry('CONTINUOUS_SCAN', 'team-a/*') },
    { name: 'the registry filter may match a name chosen at deploy time', code: repo('      RepositoryName: !Sub "${AWS::StackName}-web"\n') + registry('SCAN_ON_PUSH', 'prod-*') },
    { name: 'parameter without a default is unknown', code: `Parameters:\n  Scan:\n    Type: String\n${repo('      ImageScanningConfiguration:\n        ScanOnPush: !Ref Scan\n')}` },
    { name: 'JSON, scans on push', file: 't.json', code: '{"Resources": {"Images": {"Type": "AWS::ECR::Repository", "Properties": {"ImageScanningConfiguration": {"ScanOnPush": true}}}}}' },
  ],
  invalid: [
    {
      name: 'no scanning configuration',
      code: repo('      RepositoryName: web\n'),
      findings: [{ range: '4:5-4:15', message: 'Images does not scan images on push: ImageScanningConfiguration.ScanOnPush is not set and defaults to false.' }],
      output: repo('      RepositoryName: web\n      ImageScanningConfiguration:\n        ScanOnPush: true\n'),
    },
    {
      name: 'no Properties at all',
      code: 'Resources:\n  Images:\n    Type: AWS::ECR::Repository\n',
      findings: [{ range: '2:3-2:9' }],
      output: repo('      ImageScanningConfiguration:\n        ScanOnPush: true\n'),
    },
    {
      name: 'scanning turned off',
      code: repo('      ImageScanningConfiguration:\n        ScanOnPush: false\n'),
      findings: [{ range: '6:21-6:26', message: 'Images does not scan images on push: ImageScanningConfiguration.ScanOnPush is false.' }],
      output: repo('      ImageScanningConfiguration:\n        ScanOnPush: true\n'),
    },
    {
      name: 'the registry scans only other repositories',
      code: repo('      RepositoryName: team-b/web\n') + registry('SCAN_ON_PUSH', 'team-a/*'),
      findings: [{ range: '4:5-4:15' }],
      output: repo('      RepositoryName: team-b/web\n      ImageScanningConfiguration:\n        ScanOnPush: true\n') + registry('SCAN_ON_PUSH', 'team-a/*'),
    },
    {
      name: 'the registry scans only when asked',
      code: repo('      RepositoryName: web\n') + registry('MANUAL', '*'),
      findings: [{ range: '4:5-4:15' }],
      output: repo('      RepositoryName: web\n      ImageScanningConfiguration:\n        ScanOnPush: true\n') + registry('MANUAL', '*'),
    },
    {
      name: 'parameter defaulting to false',
      code: `Parameters:\n  Scan:\n    Type: String\n    Default: "false"\n${repo('      ImageScanningConfiguration:\n        ScanOnPush: !Ref Scan\n')}`,
      findings: [{ range: '10:21-10:30', message: /from the default of parameter Scan/ }],
      output: `Parameters:\n  Scan:\n    Type: String\n    Default: "true"\n${repo('      ImageScanningConfiguration:\n        ScanOnPush: !Ref Scan\n')}`,
    },
    {
      name: 'JSON, turned off',
      file: 't.json',
      code: '{"Resources": {"Images": {"Type": "AWS::ECR::Repository", "Properties": {"ImageScanningConfiguration": {"ScanOnPush": false}}}}}',
      findings: [{ range: '1:119-1:124' }],
      output: '{"Resources": {"Images": {"Type": "AWS::ECR::Repository", "Properties": {"ImageScanningConfiguration": {"ScanOnPush": true}}}}}',
    },
  ],
});
