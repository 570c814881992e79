import rule from '../../rules/infrastructure-protection/apigateway-stage-web-acl';
import { testRule } from '../helpers/rule-tester';

const api = (endpoint = '') => `  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: orders\n${endpoint}`;
const stage = (name = 'prod') => `  Prod:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      DeploymentId: abc123\n      StageName: ${name}\n`;
const association = (arn: string) => `  ProdAcl:\n    Type: AWS::WAFv2::WebACLAssociation\n    Properties:\n      WebACLArn: arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/abc\n      ResourceArn: ${arn}\n`;
const template = (...resources: string[]) => `Resources:\n${resources.join('')}`;

testRule(rule, {
  valid: [
    { name: 'association naming the stage resource', code: template(api(), stage(), association('!Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Prod}')) },
    { name: 'association naming the stage by its name', code: template(api(), stage(), association('!Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/prod')) },
    {
      name: 'association built with !Join',
      code: template(api(), stage(), association("!Join ['', ['arn:aws:apigateway:', !Ref AWS::Region, '::/restapis/', !Ref Api, '/stages/', !Ref Prod]]")),
    },
    {
      name: 'stage name from a parameter, the same in both',
      code: `Parameters:\n  Env:\n    Type: String\n    Default: prod\n${template(api(), stage('!Ref Env'), association('!Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Env}'))}`,
    },
    { name: 'private API', code: template(api('      EndpointConfiguration:\n        Types: [PRIVATE]\n'), stage()) },
    {
      name: 'SAM API with an association to its stage',
      code: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Orders:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n${association('!Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Orders}/stages/${Orders.Stage}')}`,
    },
    {
      name: 'JSON, association',
      file: 't.json',
      code: '{"Resources": {"Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "orders"}}, "Prod": {"Type": "AWS::ApiGateway::Stage", "Properties": {"RestApiId": {"Ref": "Api"}, "StageName": "prod"}}, "Acl": {"Type": "AWS::WAFv2::WebACLAssociation", "Properties": {"WebACLArn": "arn", "ResourceArn": {"Fn::Sub": "arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Prod}"}}}}}',
    },
  ],
  invalid: [
    {
      name: 'no association',
      code: template(api(), stage()),
      findings: [{ range: '6:3-6:7', message: 'Prod is not protected by a web ACL: no WebACLAssociation of this template names its stage ARN.' }],
      output: null,
    },
    {
      name: 'association to another stage',
      code: template(api(), stage(), association('!Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/dev')),
      findings: [{ range: '6:3-6:7' }],
      output: null,
    },
    {
      name: 'association to a load balancer',
      code: template(api(), stage(), association('!Ref Balancer')),
      findings: [{ range: '6:3-6:7' }],
      output: null,
    },
    {
      name: 'SAM API without an association',
      code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Orders:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n',
      findings: [{ range: '3:3-3:9' }],
      output: null,
    },
    {
      name: 'JSON, no association',
      file: 't.json',
      code: '{"Resources": {"Prod": {"Type": "AWS::ApiGateway::Stage", "Properties": {"RestApiId": "abc123", "StageName": "prod"}}}}',
      findings: [{ range: '1:16-1:22' }],
      output: null,
    },
  ],
});
