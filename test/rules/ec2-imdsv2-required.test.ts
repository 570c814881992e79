import rule from '../../rules/infrastructure-protection/ec2-imdsv2-required';
import { testRule } from '../helpers/rule-tester';

const DEFAULT = 'is not set and defaults to optional (IMDSv1 allowed) unless the AMI or the account default requires tokens';
const instance = (properties: string) => `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-0123456789abcdef0\n${properties}`;
const template = (data: string) => `Resources:\n  Lt:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        ImageId: ami-0123456789abcdef0\n${data}`;
const configuration = (properties: string) => `Resources:\n  Lc:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-0123456789abcdef0\n      InstanceType: t3.micro\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'instance requires tokens', code: instance('      MetadataOptions:\n        HttpTokens: required\n') },
    { name: 'launch template requires tokens', code: template('        MetadataOptions: { HttpTokens: required, HttpPutResponseHopLimit: 2 }\n') },
    { name: 'launch configuration requires tokens', code: configuration('      MetadataOptions:\n        HttpTokens: required\n') },
    { name: 'instance launched from a template takes its options', code: instance('      LaunchTemplate:\n        LaunchTemplateId: !Ref Lt\n        Version: !GetAtt Lt.LatestVersionNumber\n') },
    { name: 'metadata service turned off', code: instance('      MetadataOptions:\n        HttpEndpoint: disabled\n') },
    { name: 'tokens from a parameter without default', code: `Parameters:\n  Tokens: { Type: String }\n${instance('      MetadataOptions:\n        HttpTokens: !Ref Tokens\n')}` },
    { name: 'tokens required in both branches', code: `Conditions:\n  Prod: !Equals [!Ref AWS::Region, eu-west-1]\n${template('        MetadataOptions:\n          HttpTokens: !If [Prod, required, required]\n')}` },
  ],
  invalid: [
    {
      name: 'instance without metadata options',
      code: instance('      InstanceType: t3.micro\n'),
      findings: [{ range: '4:5-4:15', message: `Web does not require IMDSv2: MetadataOptions.HttpTokens ${DEFAULT}.` }],
      output: instance('      InstanceType: t3.micro\n      MetadataOptions:\n        HttpTokens: required\n'),
    },
    {
      name: 'instance with metadata options but no tokens setting',
      code: instance('      MetadataOptions:\n        HttpEndpoint: enabled\n'),
      findings: [{ range: '6:7-6:22', message: `Web does not require IMDSv2: MetadataOptions.HttpTokens ${DEFAULT}.` }],
      output: instance('      MetadataOptions:\n        HttpEndpoint: enabled\n        HttpTokens: required\n'),
    },
    {
      name: 'instance with its own options beside a launch template',
      code: instance('      LaunchTemplate: { LaunchTemplateId: lt-0123456789abcdef0, Version: "1" }\n      MetadataOptions: { HttpTokens: optional }\n'),
      findings: [{ range: '7:38-7:46', message: 'Web allows IMDSv1: MetadataOptions.HttpTokens is "optional".' }],
      output: instance('      LaunchTemplate: { LaunchTemplateId: lt-0123456789abcdef0, Version: "1" }\n      MetadataOptions: { HttpTokens: required }\n'),
    },
    {
      name: 'launch template allows IMDSv1',
      code: template('        MetadataOptions:\n          HttpTokens: optional\n'),
      findings: [{ range: '8:23-8:31', message: 'Lt allows IMDSv1: LaunchTemplateData.MetadataOptions.HttpTokens is "optional".' }],
      output: template('        MetadataOptions:\n          HttpTokens: required\n'),
    },
    {
      name: 'launch template without metadata options',
      code: template('        InstanceType: t3.micro\n'),
      findings: [{ range: '5:7-5:25', message: `Lt does not require IMDSv2: LaunchTemplateData.MetadataOptions.HttpTokens ${DEFAULT}.` }],
      output: template('        InstanceType: t3.micro\n        MetadataOptions:\n          HttpTokens: required\n'),
    },
    {
      name: 'launch configuration allows IMDSv1 (the fix replaces it)',
      code: configuration('      MetadataOptions:\n        HttpTokens: optional\n'),
      findings: [{ range: '8:21-8:29', message: 'Lc allows IMDSv1: MetadataOptions.HttpTokens is "optional".' }],
      output: configuration('      MetadataOptions:\n        HttpTokens: required\n'),
    },
    {
      name: 'launch configuration without metadata options',
      code: configuration(''),
      findings: [{ range: '4:5-4:15', message: `Lc does not require IMDSv2: MetadataOptions.HttpTokens ${DEFAULT}.` }],
      output: configuration('      MetadataOptions:\n        HttpTokens: required\n'),
    },
    {
      name: 'tokens from a parameter default',
      code: `Parameters:\n  Tokens:\n    Type: String\n    Default: optional\n    AllowedValues: [optional, required]\n${template('        MetadataOptions:\n          HttpTokens: !Ref Tokens\n')}`,
      findings: [{ range: '13:23-13:34', message: 'Lt allows IMDSv1: LaunchTemplateData.MetadataOptions.HttpTokens is "optional" (from the default of parameter Tokens).' }],
      output: `Parameters:\n  Tokens:\n    Type: String\n    Default: required\n    AllowedValues: [required]\n${template('        MetadataOptions:\n          HttpTokens: !Ref Tokens\n')}`,
    },
    {
      name: 'optional in one branch of a condition',
      code: `Conditions:\n  Legacy: !Equals [!Ref AWS::Region, eu-west-1]\n${instance('      MetadataOptions:\n        HttpTokens: !If [Legacy, optional, required]\n')}`,
      findings: [{ range: '9:21-9:53', message: 'Web allows IMDSv1: MetadataOptions.HttpTokens is "optional" (when condition Legacy is true).' }],
      output: `Conditions:\n  Legacy: !Equals [!Ref AWS::Region, eu-west-1]\n${instance('      MetadataOptions:\n        HttpTokens: !If [Legacy, required, required]\n')}`,
    },
    {
      name: 'JSON: launch template without metadata options',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Lt": {\n      "Type": "AWS::EC2::LaunchTemplate",\n      "Properties": {\n        "LaunchTemplateData": {\n          "ImageId": "ami-0123456789abcdef0"\n        }\n      }\n    }\n  }\n}\n',
      findings: [{ range: '6:9-6:29' }],
      output: '{\n  "Resources": {\n    "Lt": {\n      "Type": "AWS::EC2::LaunchTemplate",\n      "Properties": {\n        "LaunchTemplateData": {\n          "ImageId": "ami-0123456789abcdef0",\n          "MetadataOptions": {\n            "HttpTokens": "required"\n          }\n        }\n      }\n    }\n  }\n}\n',
    },
  ],
});
