import rule from '../../rules/identity-and-access-management/apigatewayv2-route-authorization-required';
import { testRule } from '../helpers/rule-tester';

const route = (properties: string, api = '') => `Resources:\n${api}  Route:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n      ApiId: !Ref Api\n${properties}`;
const websocket = '  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n      Name: chat\n      ProtocolType: WEBSOCKET\n      RouteSelectionExpression: $request.body.action\n';
const fn = (event: string, head = '') => `Transform: AWS::Serverless-2016-10-31\n${head}Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs20.x\n      Events:\n        List:\n          Type: HttpApi\n          Properties:\n            Path: /items\n${event}`;

testRule(rule, {
  valid: [
    { name: 'a JWT authorizer', code: route('      RouteKey: GET /items\n      AuthorizationType: JWT\n      AuthorizerId: !Ref Authorizer\n') },
    { name: 'a CORS preflight route', code: route('      RouteKey: OPTIONS /items\n') },
    { name: 'a WebSocket message route (only $connect can be authorized)', code: route('      RouteKey: sendMessage\n', websocket) },
    { name: 'a WebSocket $connect route with an API key', code: route('      RouteKey: $connect\n      ApiKeyRequired: true\n', websocket) },
    { name: 'a route key known only at deploy time', code: route('      RouteKey: !ImportValue route-key\n') },
    { name: 'SAM: a default authorizer in Globals', code: fn('            Method: GET\n', 'Globals:\n  HttpApi:\n    Auth:\n      DefaultAuthorizer: OAuth2\n') },
    { name: 'SAM: an API with a default authorizer', code: fn('            Method: GET\n            ApiId: !Ref Api\n').replace('Resources:\n', 'Resources:\n  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      Auth:\n        EnableIamAuthorizer: true\n        DefaultAuthorizer: AWS_IAM\n') },
    { name: 'an HTTP API defined in full, without Target', code: 'Resources:\n  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n      Name: items\n      ProtocolType: HTTP\n' },
  ],
  invalid: [
    {
      name: 'a route without authorization',
      code: route('      RouteKey: GET /items\n      Target: integrations/abc\n'),
      findings: [{ range: '4:5-4:15', message: 'Route lets anyone call route GET /items: AuthorizationType is not set and defaults to NONE.' }],
      output: null,
    },
    {
      name: 'the $default route with NONE from a parameter',
      code: route('      RouteKey: $default\n      AuthorizationType: !Ref RouteAuth\n').replace('Resources:\n', 'Parameters:\n  RouteAuth:\n    Type: String\n    Default: NONE\nResources:\n'),
      findings: [{ range: '11:26-11:40', message: 'Route lets anyone call route $default: AuthorizationType is NONE (from the default of parameter RouteAuth).' }],
      output: null,
    },
    {
      name: 'a WebSocket $connect route without authorization',
      code: route('      RouteKey: $connect\n      AuthorizationType: NONE\n', websocket),
      findings: [{ range: '13:26-13:30', message: 'Route lets anyone call route $connect: AuthorizationType is NONE.' }],
      output: null,
    },
    {
      name: 'a quick-create HTTP API',
      code: 'Resources:\n  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n      Name: items\n      ProtocolType: HTTP\n      Target: !GetAtt Fn.Arn\n',
      findings: [{ range: '7:7-7:13', message: 'Api is created with a default route (Target) that anyone can call: define the route with an authorizer instead.' }],
      output: null,
    },
    {
      name: 'SAM: an event of the implicit HTTP API',
      code: fn('            Method: GET\n'),
      findings: [{ range: '8:9-8:13', message: 'Fn event List lets anyone call the route: neither the event nor the implicit API sets an authorizer.' }],
      output: null,
    },
    {
      name: 'SAM: an event that turns the default authorizer off, JSON',
      file: 't.json',
      code: '{"Transform": "AWS::Serverless-2016-10-31", "Globals": {"HttpApi": {"Auth": {"DefaultAuthorizer": "OAuth2"}}}, "Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {"Events": {"Health": {"Type": "HttpApi", "Properties": {"Path": "/health", "Method": "GET", "Auth": {"Authorizer": "NONE"}}}}}}}}',
      findings: [{ range: '1:196-1:204', message: 'Fn event Health lets anyone call the route: its Auth.Authorizer is NONE.' }],
      output: null,
    },
  ],
});
