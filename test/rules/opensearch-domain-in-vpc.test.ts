import rule from '../../rules/infrastructure-protection/opensearch-domain-in-vpc';
import { testRule } from '../helpers/rule-tester';

const domain = (type: string, properties: string) => `Resources:\n  Search:\n    Type: ${type}\n    Properties:\n${properties}`;
const VPC = '      VPCOptions:\n        SubnetIds: [subnet-1]\n        SecurityGroupIds: [sg-1]\n';

testRule(rule, {
  valid: [
    { name: 'OpenSearch domain in a VPC', code: domain('AWS::OpenSearchService::Domain', VPC) },
    { name: 'Elasticsearch domain in a VPC', code: domain('AWS::Elasticsearch::Domain', VPC) },
    { name: 'VPC options from a parameter', code: `Parameters:\n  Subnets:\n    Type: List<AWS::EC2::Subnet::Id>\n${domain('AWS::OpenSearchService::Domain', '      VPCOptions:\n        SubnetIds: !Ref Subnets\n')}` },
    {
      name: 'JSON, in a VPC',
      file: 't.json',
      code: '{"Resources": {"Search": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"VPCOptions": {"SubnetIds": ["subnet-1"]}}}}}',
    },
  ],
  invalid: [
    {
      name: 'OpenSearch domain without VPC options',
      code: domain('AWS::OpenSearchService::Domain', '      EngineVersion: OpenSearch_2.13\n'),
      findings: [{ range: '4:5-4:15', message: 'Search has a public endpoint: VPCOptions is not set.' }],
      output: null,
    },
    {
      name: 'Elasticsearch domain without Properties',
      code: 'Resources:\n  Search:\n    Type: AWS::Elasticsearch::Domain\n',
      findings: [{ range: '2:3-2:9', message: 'Search has a public endpoint: VPCOptions is not set.' }],
      output: null,
    },
    {
      name: 'VPC options only when a condition holds',
      code: `Conditions:\n  InVpc: !Equals [!Ref AWS::StackName, prod]\n${domain('AWS::OpenSearchService::Domain', '      VPCOptions: !If\n        - InVpc\n        - SubnetIds: [subnet-1]\n        - !Ref AWS::NoValue\n')}`,
      findings: [{ range: '7:19-10:28', message: 'Search has a public endpoint: VPCOptions is not set (when condition InVpc is false).' }],
      output: null,
    },
    {
      name: 'JSON, without VPC options',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Search": {\n      "Type": "AWS::Elasticsearch::Domain",\n      "Properties": {"ElasticsearchVersion": "7.10"}\n    }\n  }\n}\n',
      findings: [{ range: '5:7-5:19' }],
      output: null,
    },
  ],
});
