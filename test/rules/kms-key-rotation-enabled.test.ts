import rule from '../../rules/data-protection/kms-key-rotation-enabled';
import { testRule } from '../helpers/rule-tester';

const key = (properties: string) => `Resources:\n  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: data\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'rotation on', code: key('      EnableKeyRotation: true\n') },
    { name: 'rotation on with a period, as a string', code: key('      EnableKeyRotation: "true"\n      RotationPeriodInDays: 180\n') },
    { name: 'asymmetric signing key', code: key('      KeySpec: RSA_2048\n      KeyUsage: SIGN_VERIFY\n') },
    { name: 'asymmetric encryption key', code: key('      KeySpec: RSA_4096\n      KeyUsage: ENCRYPT_DECRYPT\n') },
    { name: 'HMAC key', code: key('      KeySpec: HMAC_256\n      KeyUsage: GENERATE_VERIFY_MAC\n') },
    { name: 'imported key material', code: key('      Origin: EXTERNAL\n') },
    { name: 'key spec from a parameter without a default', code: `Parameters:\n  Spec:\n    Type: String\n${key('      KeySpec: !Ref Spec\n')}` },
    { name: 'rotation from a parameter without a default', code: `Parameters:\n  Rotate:\n    Type: String\n${key('      EnableKeyRotation: !Ref Rotate\n')}` },
    { name: 'JSON, rotation on', file: 't.json', code: '{"Resources": {"DataKey": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true}}}}' },
  ],
  invalid: [
    {
      name: 'not set',
      code: key(''),
      findings: [{ range: '4:5-4:15', message: 'DataKey does not turn on automatic key rotation: EnableKeyRotation is not set and defaults to false.' }],
      output: key('      EnableKeyRotation: true\n'),
    },
    {
      name: 'no Properties',
      code: 'Resources:\n  DataKey:\n    Type: AWS::KMS::Key\n',
      findings: [{ range: '2:3-2:10' }],
      output: 'Resources:\n  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n',
    },
    {
      name: 'turned off',
      code: key('      EnableKeyRotation: false\n'),
      findings: [{ range: '6:26-6:31', message: 'DataKey turns off automatic key rotation: EnableKeyRotation is false.' }],
      output: key('      EnableKeyRotation: true\n'),
    },
    {
      name: 'symmetric key spec and usage written out',
      code: key('      KeySpec: SYMMETRIC_DEFAULT\n      KeyUsage: ENCRYPT_DECRYPT\n      Origin: AWS_KMS\n'),
      findings: [{ range: '4:5-4:15' }],
      output: key('      KeySpec: SYMMETRIC_DEFAULT\n      KeyUsage: ENCRYPT_DECRYPT\n      Origin: AWS_KMS\n      EnableKeyRotation: true\n'),
    },
    {
      name: 'off on one branch of a condition',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${key('      EnableKeyRotation: !If [IsProd, true, false]\n')}`,
      findings: [{ range: '8:26-8:51', message: /when condition IsProd is false/ }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${key('      EnableKeyRotation: !If [IsProd, true, true]\n')}`,
    },
    {
      name: 'parameter defaulting to false',
      code: `Parameters:\n  Rotate:\n    Type: String\n    Default: "false"\n${key('      EnableKeyRotation: !Ref Rotate\n')}`,
      findings: [{ range: '10:26-10:37', message: /from the default of parameter Rotate/ }],
      output: `Parameters:\n  Rotate:\n    Type: String\n    Default: "true"\n${key('      EnableKeyRotation: !Ref Rotate\n')}`,
    },
    {
      name: 'JSON, turned off',
      file: 't.json',
      code: '{"Resources": {"DataKey": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": false}}}}',
      findings: [{ range: '1:89-1:94' }],
      output: '{"Resources": {"DataKey": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true}}}}',
    },
  ],
});
