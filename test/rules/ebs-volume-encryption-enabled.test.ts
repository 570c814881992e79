import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../rules/data-protection/ebs-volume-encryption-enabled';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    { name: 'encrypted', code: 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 10\n      Encrypted: true\n' },
    { name: 'encrypted as a string', code: 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: "true"\n' },
    {
      name: 'parameter that can only be true',
      code: 'Parameters:\n  Encrypt:\n    Type: String\n    Default: "true"\n    AllowedValues: ["true"]\nResources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: !Ref Encrypt\n',
    },
    { name: 'parameter without a default is unknown', code: 'Parameters:\n  Encrypt:\n    Type: String\nResources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: !Ref Encrypt\n' },
    { name: 'JSON, encrypted', file: 't.json', code: '{"Resources": {"Volume": {"Type": "AWS::EC2::Volume", "Properties": {"Encrypted": true}}}}' },
    { name: 'other resource types are not checked', code: 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n' },
  ],
  invalid: [
    {
      name: 'Encrypted missing',
      code: 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 10\n',
      findings: [{ range: '4:5-4:15', message: 'Volume does not turn on encryption at rest: Encrypted is not set and defaults to false.' }],
      output: 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 10\n      Encrypted: true\n',
    },
    {
      name: 'Encrypted false',
      code: 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: false\n      Size: 10\n',
      findings: [{ range: '5:18-5:23', message: 'Volume turns off encryption at rest: Encrypted is false.' }],
      output: 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: true\n      Size: 10\n',
    },
    {
      name: 'no Properties at all',
      code: 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n',
      findings: [{ range: '2:3-2:9' }],
      output: 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: true\n',
    },
    {
      name: 'Properties with only a comment',
      code: 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties: # to do\n',
      findings: [{ range: '4:5-4:15' }],
      output: 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties: # to do\n      Encrypted: true\n',
    },
    {
      name: 'after a keep-chomped block scalar, which keeps its blank lines',
      code: 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 10\n      Notes: |+\n        kept\n\n  Other:\n    Type: AWS::SNS::Topic\n',
      findings: [{ range: '4:5-4:15' }],
      output: 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 10\n      Notes: |+\n        kept\n\n      Encrypted: true\n  Other:\n    Type: AWS::SNS::Topic\n',
    },
    {
      name: 'JSON indented with tabs',
      file: 't.json',
      code: '{\n\t"Resources": {\n\t\t"Volume": {\n\t\t\t"Type": "AWS::EC2::Volume",\n\t\t\t"Properties": {\n\t\t\t\t"Size": 10\n\t\t\t}\n\t\t}\n\t}\n}\n',
      findings: [{ range: '5:4-5:16' }],
      output: '{\n\t"Resources": {\n\t\t"Volume": {\n\t\t\t"Type": "AWS::EC2::Volume",\n\t\t\t"Properties": {\n\t\t\t\t"Size": 10,\n\t\t\t\t"Encrypted": true\n\t\t\t}\n\t\t}\n\t}\n}\n',
    },
    {
      name: 'JSON indented with tabs, no Properties',
      file: 't.json',
      code: '{\n\t"Resources": {\n\t\t"Volume": {\n\t\t\t"Type": "AWS::EC2::Volume"\n\t\t}\n\t}\n}\n',
      findings: [{ range: '3:3-3:11' }],
      output: '{\n\t"Resources": {\n\t\t"Volume": {\n\t\t\t"Type": "AWS::EC2::Volume",\n\t\t\t"Properties": {\n\t\t\t\t"Encrypted": true\n\t\t\t}\n\t\t}\n\t}\n}\n',
    },
    {
      name: 'a trailing comment stays on its line',
      code: 'Resources:\n    Volume:\n        Type: AWS::EC2::Volume\n        Properties:\n            Size: 10 # GiB\n# end\n',
      findings: [{ range: '4:9-4:19' }],
      output: 'Resources:\n    Volume:\n        Type: AWS::EC2::Volume\n        Properties:\n            Size: 10 # GiB\n            Encrypted: true\n# end\n',
    },
    {
      name: 'false on one branch of a condition',
      code: 'Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\nResources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: !If [IsProd, true, false]\n',
      findings: [{ range: '7:18-7:43', message: 'Volume turns off encryption at rest: Encrypted is false (when condition IsProd is false).' }],
      output: 'Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\nResources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: !If [IsProd, true, true]\n',
    },
    {
      name: 'parameter defaulting to false',
      code: 'Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\nResources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: !Ref Encrypt\n',
      findings: [{ range: '9:18-9:30', message: 'Volume turns off encryption at rest: Encrypted is false (from the default of parameter Encrypt).' }],
      output: 'Parameters:\n  Encrypt:\n    Type: String\n    Default: "true"\nResources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: !Ref Encrypt\n',
    },
    {
      name: 'long-form intrinsic in JSON',
      file: 't.json',
      code: '{\n  "Parameters": {"Encrypt": {"Type": "String", "Default": "false"}},\n  "Resources": {\n    "Volume": {\n      "Type": "AWS::EC2::Volume",\n      "Properties": {"Encrypted": {"Ref": "Encrypt"}}\n    }\n  }\n}\n',
      findings: [{ range: '6:35-6:53' }],
      output: '{\n  "Parameters": {"Encrypt": {"Type": "String", "Default": "true"}},\n  "Resources": {\n    "Volume": {\n      "Type": "AWS::EC2::Volume",\n      "Properties": {"Encrypted": {"Ref": "Encrypt"}}\n    }\n  }\n}\n',
    },
    {
      name: 'JSON, Encrypted missing',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Volume": {\n      "Type": "AWS::EC2::Volume",\n      "Properties": {\n        "Size": 10\n      }\n    }\n  }\n}\n',
      findings: [{ range: '5:7-5:19' }],
      output: '{\n  "Resources": {\n    "Volume": {\n      "Type": "AWS::EC2::Volume",\n      "Properties": {\n        "Size": 10,\n        "Encrypted": true\n      }\n    }\n  }\n}\n',
    },
    {
      name: 'JSON, no Properties',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Volume": {\n      "Type": "AWS::EC2::Volume"\n    }\n  }\n}\n',
      findings: [{ range: '3:5-3:13' }],
      output: '{\n  "Resources": {\n    "Volume": {\n      "Type": "AWS::EC2::Volume",\n      "Properties": {\n        "Encrypted": true\n      }\n    }\n  }\n}\n',
    },
  ],
});

it('ebs-volume-encryption-enabled: its fix says it replaces the volume, so neither fix-all nor --fix applies it by default', () => {
  const missing = analyze('Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 10\n').findings;
  const off = analyze('Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: false\n').findings;
  const findings = [...missing, ...off].filter((finding) => finding.ruleId === rule.meta.id);
  assert.equal(findings.length, 2);
  for (const finding of findings) {
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred, fix.replaces]), [['Set Encrypted to true (replaces the resource)', false, true]]);
  }
});
