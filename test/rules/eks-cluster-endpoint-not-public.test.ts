import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../rules/infrastructure-protection/eks-cluster-endpoint-not-public';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const cluster = (config: string) => `Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-1]\n${config}`;
const PARAMETER =
  '  EksApiAllowedCidr:\n    Type: String\n    Description: "The IPv4 range allowed to reach the Kubernetes API endpoint, e.g. 203.0.113.0/24"\n    AllowedPattern: "^(\\\\d{1,3}\\\\.){3}\\\\d{1,3}/(\\\\d|[12]\\\\d|3[0-2])$"\n    ConstraintDescription: must be an IPv4 CIDR block such as 203.0.113.0/24\n';

testRule(rule, {
  valid: [
    { name: 'private endpoint only', code: cluster('        EndpointPrivateAccess: true\n        EndpointPublicAccess: false\n') },
    { name: 'public endpoint limited to known ranges', code: cluster('        EndpointPublicAccess: true\n        PublicAccessCidrs: [203.0.113.0/24, 198.51.100.7/32]\n') },
    { name: 'public by default, limited to a known range', code: cluster('        PublicAccessCidrs: [203.0.113.0/24]\n') },
    { name: 'ranges from a parameter without a default are unknown', code: `Parameters:\n  Cidrs:\n    Type: CommaDelimitedList\n${cluster('        PublicAccessCidrs: !Ref Cidrs\n')}` },
    { name: 'public access from a parameter without a default is unknown', code: `Parameters:\n  Public:\n    Type: String\n${cluster('        EndpointPublicAccess: !Ref Public\n')}` },
    { name: 'public access turned off as a string', code: cluster('        EndpointPublicAccess: "false"\n        PublicAccessCidrs: [0.0.0.0/0]\n') },
    { name: 'ResourcesVpcConfig from elsewhere is not known', code: 'Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      ResourcesVpcConfig: !GetAtt Network.Config\n' },
    {
      name: 'JSON, private',
      file: 't.json',
      code: '{"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {"ResourcesVpcConfig": {"EndpointPublicAccess": false, "EndpointPrivateAccess": true}}}}}',
    },
  ],
  invalid: [
    {
      name: 'defaults: public to 0.0.0.0/0',
      code: cluster(''),
      findings: [{ range: '5:7-5:25', message: 'Cluster opens its Kubernetes API endpoint to the whole internet: EndpointPublicAccess is not set (default true) and PublicAccessCidrs is not set (default 0.0.0.0/0).' }],
      output: `Parameters:\n${PARAMETER}${cluster('        PublicAccessCidrs:\n          - !Ref EksApiAllowedCidr\n')}`,
    },
    {
      name: 'public turned on, no ranges',
      code: cluster('        EndpointPublicAccess: true\n'),
      findings: [{ range: '7:31-7:35', message: 'Cluster opens its Kubernetes API endpoint to the whole internet: EndpointPublicAccess is true and PublicAccessCidrs is not set (default 0.0.0.0/0).' }],
      output: `Parameters:\n${PARAMETER}${cluster('        EndpointPublicAccess: true\n        PublicAccessCidrs:\n          - !Ref EksApiAllowedCidr\n')}`,
    },
    {
      name: '0.0.0.0/0 beside other ranges: removed',
      code: cluster('        PublicAccessCidrs: [203.0.113.0/24, 0.0.0.0/0]\n'),
      findings: [{ range: '7:45-7:54', message: 'Cluster opens its Kubernetes API endpoint to the whole internet: EndpointPublicAccess is not set (default true) and PublicAccessCidrs includes 0.0.0.0/0.' }],
      output: cluster('        PublicAccessCidrs: [203.0.113.0/24]\n'),
    },
    {
      name: '0.0.0.0/0 alone: replaced with a new parameter',
      code: `Parameters:\n  Env:\n    Type: String\n${cluster('        EndpointPublicAccess: true\n        PublicAccessCidrs:\n          - 0.0.0.0/0\n')}`,
      findings: [{ range: '12:13-12:22' }],
      output: `Parameters:\n  Env:\n    Type: String\n${PARAMETER}${cluster('        EndpointPublicAccess: true\n        PublicAccessCidrs:\n          - !Ref EksApiAllowedCidr\n')}`,
    },
    {
      name: 'public on one branch of a condition, open by default',
      code: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${cluster('        EndpointPublicAccess: !If [IsDev, true, false]\n        EndpointPrivateAccess: true\n')}`,
      findings: [{ range: '9:31-9:55', message: 'Cluster opens its Kubernetes API endpoint to the whole internet: EndpointPublicAccess is true (when condition IsDev is true) and PublicAccessCidrs is not set (default 0.0.0.0/0).' }],
      output: `Parameters:\n${PARAMETER}Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${cluster('        EndpointPublicAccess: !If [IsDev, true, false]\n        EndpointPrivateAccess: true\n        PublicAccessCidrs:\n          - !Ref EksApiAllowedCidr\n')}`,
    },
    {
      name: 'ranges from a list parameter whose default opens everything: no fix but the private endpoint',
      code: `Parameters:\n  Cidrs:\n    Type: CommaDelimitedList\n    Default: "10.0.0.0/8,0.0.0.0/0"\n${cluster('        PublicAccessCidrs: !Ref Cidrs\n')}`,
      findings: [{ range: '11:28-11:38', message: 'Cluster opens its Kubernetes API endpoint to the whole internet: EndpointPublicAccess is not set (default true) and PublicAccessCidrs includes 0.0.0.0/0 (from the default of parameter Cidrs).' }],
      output: `Parameters:\n  Cidrs:\n    Type: CommaDelimitedList\n    Default: "10.0.0.0/8,0.0.0.0/0"\n${cluster('        PublicAccessCidrs: !Ref Cidrs\n        EndpointPublicAccess: false\n        EndpointPrivateAccess: true\n')}`,
    },
    {
      name: 'ResourcesVpcConfig chosen by a condition: the open branch',
      code: 'Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\nResources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      ResourcesVpcConfig: !If\n        - IsDev\n        - SubnetIds: [subnet-1]\n        - SubnetIds: [subnet-1]\n          EndpointPublicAccess: false\n',
      findings: [{ range: '7:7-7:25', message: /PublicAccessCidrs is not set \(default 0\.0\.0\.0\/0\) \(when condition IsDev is true\)\./ }],
      output:
        'Parameters:\n' + PARAMETER + 'Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\nResources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      ResourcesVpcConfig: !If\n        - IsDev\n        - SubnetIds: [subnet-1]\n          PublicAccessCidrs:\n            - !Ref EksApiAllowedCidr\n        - SubnetIds: [subnet-1]\n          EndpointPublicAccess: false\n',
    },
    {
      name: 'JSON, defaults',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Cluster": {\n      "Type": "AWS::EKS::Cluster",\n      "Properties": {\n        "ResourcesVpcConfig": {\n          "SubnetIds": ["subnet-1"]\n        }\n      }\n    }\n  }\n}\n',
      findings: [{ range: '6:9-6:29' }],
      output:
        '{\n  "Parameters": {\n    "EksApiAllowedCidr": {\n      "Type": "String",\n      "Description": "The IPv4 range allowed to reach the Kubernetes API endpoint, e.g. 203.0.113.0/24",\n      "AllowedPattern": "^(\\\\d{1,3}\\\\.){3}\\\\d{1,3}/(\\\\d|[12]\\\\d|3[0-2])$",\n      "ConstraintDescription": "must be an IPv4 CIDR block such as 203.0.113.0/24"\n    }\n  },\n  "Resources": {\n    "Cluster": {\n      "Type": "AWS::EKS::Cluster",\n      "Properties": {\n        "ResourcesVpcConfig": {\n          "SubnetIds": ["subnet-1"],\n          "PublicAccessCidrs": [\n            {"Ref": "EksApiAllowedCidr"}\n          ]\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      name: 'JSON, 0.0.0.0/0 listed',
      file: 't.json',
      code: '{"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {"ResourcesVpcConfig": {"EndpointPublicAccess": true, "PublicAccessCidrs": ["10.1.0.0/16", "0.0.0.0/0"]}}}}}',
      findings: [{ range: '1:162-1:173' }],
      output: '{"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {"ResourcesVpcConfig": {"EndpointPublicAccess": true, "PublicAccessCidrs": ["10.1.0.0/16"]}}}}}',
    },
  ],
});

it('eks-cluster-endpoint-not-public: no fix is preferred, since each changes who can reach the API server', () => {
  const findings = analyze(cluster('        PublicAccessCidrs: [203.0.113.0/24, 0.0.0.0/0]\n')).findings.filter((finding) => finding.ruleId === rule.meta.id);
  assert.deepEqual(
    findings.flatMap((finding) => finding.fixes.map((fix) => [fix.title, fix.preferred])),
    [
      ['Remove 0.0.0.0/0 from PublicAccessCidrs', false],
      ['Replace 0.0.0.0/0 with a new parameter EksApiAllowedCidr', false],
      ['Make the endpoint private (EndpointPublicAccess false, EndpointPrivateAccess true)', false],
    ],
  );
});
