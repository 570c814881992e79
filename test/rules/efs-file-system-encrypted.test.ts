import rule from '../../rules/data-protection/efs-file-system-encrypted';
import { testRule } from '../helpers/rule-tester';

const fileSystem = (properties: string) => `Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      PerformanceMode: generalPurpose\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'encrypted', code: fileSystem('      Encrypted: true\n') },
    { name: 'encrypted with a customer managed key, as a string', code: fileSystem('      Encrypted: "true"\n      KmsKeyId: !GetAtt FilesKey.Arn\n') },
    { name: 'parameter without a default', code: `Parameters:\n  Encrypt:\n    Type: String\n${fileSystem('      Encrypted: !Ref Encrypt\n')}` },
    { name: 'JSON, encrypted', file: 't.json', code: '{"Resources": {"Files": {"Type": "AWS::EFS::FileSystem", "Properties": {"Encrypted": true}}}}' },
  ],
  invalid: [
    {
      name: 'not set',
      code: fileSystem(''),
      findings: [{ range: '4:5-4:15', message: 'Files does not turn on encryption at rest: Encrypted is not set and defaults to false.' }],
      output: fileSystem('      Encrypted: true\n'),
    },
    {
      name: 'no Properties',
      code: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n',
      findings: [{ range: '2:3-2:8' }],
      output: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true\n',
    },
    {
      name: 'turned off',
      code: fileSystem('      Encrypted: false\n'),
      findings: [{ range: '6:18-6:23', message: 'Files turns off encryption at rest: Encrypted is false.' }],
      output: fileSystem('      Encrypted: true\n'),
    },
    {
      name: 'off on one branch of a condition',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${fileSystem('      Encrypted: !If [IsProd, true, false]\n')}`,
      findings: [{ range: '8:18-8:43', message: /when condition IsProd is false/ }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${fileSystem('      Encrypted: !If [IsProd, true, true]\n')}`,
    },
    {
      name: 'parameter defaulting to false',
      code: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\n${fileSystem('      Encrypted: !Ref Encrypt\n')}`,
      findings: [{ range: '10:18-10:30', message: /from the default of parameter Encrypt/ }],
      output: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "true"\n${fileSystem('      Encrypted: !Ref Encrypt\n')}`,
    },
    {
      name: 'JSON, turned off',
      file: 't.json',
      code: '{"Resources": {"Files": {"Type": "AWS::EFS::FileSystem", "Properties": {"Encrypted": false}}}}',
      findings: [{ range: '1:86-1:91' }],
      output: '{"Resources": {"Files": {"Type": "AWS::EFS::FileSystem", "Properties": {"Encrypted": true}}}}',
    },
  ],
});
