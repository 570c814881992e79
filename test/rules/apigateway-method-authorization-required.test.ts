import rule from '../../rules/identity-and-access-management/apigateway-method-authorization-required';
import { testRule } from '../helpers/rule-tester';

const method = (properties: string, api = '') =>
  `Resources:\n${api}  Get:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: !Ref Api\n      ResourceId: r1\n${properties}      Integration: { Type: AWS_PROXY, IntegrationHttpMethod: POST, Uri: arn:aws:apigateway:eu-west-1:lambda:path/fn }\n`;
const sam = (globals: string, resources: string) => `Transform: AWS::Serverless-2016-10-31\n${globals}Resources:\n${resources}`;
const fn = (event: string) => `  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs20.x\n      Events:\n        Get:\n          Type: Api\n          Properties:\n            Path: /orders\n${event}`;

testRule(rule, {
  valid: [
    { name: 'IAM authorization', code: method('      HttpMethod: GET\n      AuthorizationType: AWS_IAM\n') },
    { name: 'a CORS preflight method', code: method('      HttpMethod: OPTIONS\n      AuthorizationType: NONE\n') },
    { name: 'an API key required', code: method('      HttpMethod: GET\n      AuthorizationType: NONE\n      ApiKeyRequired: true\n') },
    { name: 'a mock integration', code: 'Resources:\n  Health:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: api\n      ResourceId: r1\n      HttpMethod: GET\n      AuthorizationType: NONE\n      Integration: { Type: MOCK }\n' },
    { name: 'a method of a private API of this template', code: method('      HttpMethod: GET\n      AuthorizationType: NONE\n', '  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      EndpointConfiguration: { Types: [PRIVATE] }\n') },
    { name: 'SAM: the API\'s default authorizer', code: sam('', `  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      Auth: { DefaultAuthorizer: AWS_IAM }\n${fn('            Method: get\n            RestApiId: !Ref Api\n')}`) },
    { name: 'SAM: a default authorizer in Globals, for the implicit API', code: sam('Globals:\n  Api:\n    Auth:\n      DefaultAuthorizer: Cognito\n', fn('            Method: get\n')) },
    { name: 'SAM: an API key on the event', code: sam('', fn('            Method: get\n            Auth: { ApiKeyRequired: true }\n')) },
    { name: 'SAM: an API described by OpenAPI', code: sam('', `  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      DefinitionUri: openapi.yaml\n${fn('            Method: get\n            RestApiId: !Ref Api\n')}`) },
    { name: 'SAM: an API of another stack', code: sam('', fn('            Method: get\n            RestApiId: !ImportValue shared-api\n')) },
  ],
  invalid: [
    {
      name: 'no authorization',
      code: method('      HttpMethod: GET\n      AuthorizationType: NONE\n'),
      findings: [{ range: '8:26-8:30', message: 'Get lets anyone call the method: AuthorizationType is NONE, and no API key is required.' }],
      output: null,
    },
    {
      name: 'authorization not set, on a regional API of this template',
      code: method('      HttpMethod: POST\n', '  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      EndpointConfiguration: { Types: [REGIONAL] }\n'),
      findings: [{ range: '8:5-8:15', message: 'Get lets anyone call the method: AuthorizationType is not set and defaults to NONE, and no API key is required.' }],
      output: null,
    },
    {
      name: 'no authorization in one branch',
      code: method('      HttpMethod: GET\n      AuthorizationType: !If [Open, NONE, AWS_IAM]\n'),
      findings: [{ range: '8:26-8:51', message: 'Get lets anyone call the method: AuthorizationType is NONE (when condition Open is true), and no API key is required.' }],
      output: null,
    },
    {
      name: 'SAM: an event of the implicit API without an authorizer',
      code: sam('', fn('            Method: get\n')),
      findings: [{ range: '8:9-8:12', message: 'Fn event Get lets anyone call the method: neither the event nor the implicit API sets an authorizer, and no API key is required.' }],
      output: null,
    },
    {
      name: 'SAM: an event that turns off the API\'s default authorizer',
      code: sam('', `  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      Auth: { DefaultAuthorizer: AWS_IAM }\n${fn('            Method: post\n            RestApiId: !Ref Api\n            Auth: { Authorizer: NONE }\n')}`),
      findings: [{ range: '13:9-13:12', message: 'Fn event Get lets anyone call the method: its Auth.Authorizer is NONE, and no API key is required.' }],
      output: null,
    },
    {
      name: 'SAM: an API of this template without a default authorizer, JSON',
      file: 't.json',
      code: '{"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Api": {"Type": "AWS::Serverless::Api", "Properties": {"StageName": "prod"}}, "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"Events": {"Get": {"Type": "Api", "Properties": {"Path": "/", "Method": "get", "RestApiId": {"Ref": "Api"}}}}}}}}',
      findings: [{ range: '1:207-1:212', message: 'Fn event Get lets anyone call the method: neither the event nor API Api sets an authorizer, and no API key is required.' }],
      output: null,
    },
  ],
});
