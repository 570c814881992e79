import rule from '../../rules/detective-controls/apigateway-stage-execution-logging';
import { testRule } from '../helpers/rule-tester';

const resource = (type: string, properties: string, name = 'Stage') => `  ${name}:\n    Type: ${type}\n    Properties:\n${properties}`;
const template = (...resources: string[]) => `Resources:\n${resources.join('')}`;
const restStage = (extra = '') => resource('AWS::ApiGateway::Stage', `      RestApiId: a1\n      StageName: prod\n${extra}`);
const all = (level: string) => `        - ResourcePath: "/*"\n          HttpMethod: "*"\n${level}`;
const account = resource('AWS::ApiGateway::Account', '      CloudWatchRoleArn: arn:aws:iam::123456789012:role/apigw-logs\n', 'Account');
const webSocket = (settings: string) =>
  template(resource('AWS::ApiGatewayV2::Api', '      Name: chat\n      ProtocolType: WEBSOCKET\n      RouteSelectionExpression: $request.body.action\n', 'Api'), resource('AWS::ApiGatewayV2::Stage', `      ApiId: !Ref Api\n      StageName: prod\n${settings}`));
const deployment = (description: string) => template(resource('AWS::ApiGateway::Deployment', `      RestApiId: a1\n      StageName: prod\n${description}`, 'Deployment'));
const condition = 'Conditions:\n  Prod: !Equals [a, b]\n';

const implicit = (globals: string, events = '        Get:\n          Type: Api\n          Properties: { Path: /, Method: get }\n') =>
  `Transform: AWS::Serverless-2016-10-31\n${globals}Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      Events:\n${events}  Other:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      Events:\n        Post:\n          Type: Api\n          Properties: { Path: /, Method: post }\n`;

testRule(rule, {
  valid: [
    { name: 'the implicit API with method settings in Globals', code: implicit('Globals:\n  Api:\n    MethodSettings: [{ ResourcePath: "/*", HttpMethod: "*", LoggingLevel: ERROR }]\n') },
    { name: 'errors logged for every method', code: template(restStage(`      MethodSettings:\n${all('          LoggingLevel: ERROR\n')}`)) },
    { name: 'INFO, written in lower case', code: template(restStage(`      MethodSettings:\n${all('          LoggingLevel: info\n')}`)) },
    { name: 'a method path from a parameter', code: `Parameters:\n  Path:\n    Type: String\n${template(restStage('      MethodSettings:\n        - ResourcePath: !Ref Path\n          HttpMethod: "*"\n'))}` },
    { name: 'a deployment with a stage-wide level', code: deployment('      StageDescription:\n        LoggingLevel: INFO\n') },
    { name: 'a deployment that creates no stage', code: template(resource('AWS::ApiGateway::Deployment', '      RestApiId: a1\n', 'Deployment')) },
    { name: 'a WebSocket stage logging errors', code: webSocket('      DefaultRouteSettings:\n        LoggingLevel: ERROR\n') },
    { name: 'an HTTP API stage has no execution logs', code: template(resource('AWS::ApiGatewayV2::Api', '      Name: web\n      ProtocolType: HTTP\n', 'Api'), resource('AWS::ApiGatewayV2::Stage', '      ApiId: !Ref Api\n      StageName: prod\n')) },
    { name: 'a v2 stage of an API from elsewhere', code: template(resource('AWS::ApiGatewayV2::Stage', '      ApiId: a1\n      StageName: prod\n')) },
    { name: 'a SAM API with method settings in Globals', code: `Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Api:\n    MethodSettings:\n      - { ResourcePath: "/*", HttpMethod: "*", LoggingLevel: ERROR }\n${template(resource('AWS::Serverless::Api', '      StageName: prod\n', 'Api'))}` },
    { name: 'JSON', file: 't.json', code: '{"Resources": {"Stage": {"Type": "AWS::ApiGateway::Stage", "Properties": {"MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*", "LoggingLevel": "ERROR"}]}}}}' },
  ],
  invalid: [
    { name: 'the implicit API, reported once on the first event', code: implicit(''), findings: [{ range: '9:9-9:12', message: 'The API SAM creates for event Get of Fn does not write execution logs: Globals.Api.MethodSettings is not set.' }], output: null },
    {
      name: 'no method settings, without the account role in the template: a fix that is not preferred',
      code: template(restStage()),
      findings: [{ range: '4:5-4:15', message: 'Stage does not write execution logs: MethodSettings is not set, so no method logs.' }],
      output: template(restStage('      MethodSettings:\n        - ResourcePath: /*\n          HttpMethod: "*"\n          LoggingLevel: ERROR\n')),
    },
    {
      name: 'settings for one method only: the fix adds the catch-all entry',
      code: template(restStage('      MethodSettings:\n        - { ResourcePath: /orders, HttpMethod: GET, LoggingLevel: INFO }\n'), account),
      findings: [{ range: '7:7-7:21', message: 'Stage does not write execution logs: MethodSettings has no entry for every method (ResourcePath "/*", HttpMethod "*").' }],
      output: template(restStage('      MethodSettings:\n        - { ResourcePath: /orders, HttpMethod: GET, LoggingLevel: INFO }\n        - ResourcePath: /*\n          HttpMethod: "*"\n          LoggingLevel: ERROR\n'), account),
    },
    {
      name: 'the catch-all entry without a level: the fix sets one',
      code: template(restStage(`      MethodSettings:\n${all('          MetricsEnabled: true\n')}`), account),
      findings: [{ range: '8:11-8:23', message: 'Stage does not write execution logs: the "/*" entry of MethodSettings has no LoggingLevel, which defaults to OFF.' }],
      output: template(restStage(`      MethodSettings:\n${all('          MetricsEnabled: true\n          LoggingLevel: ERROR\n')}`), account),
    },
    {
      name: 'logging OFF from a parameter default',
      code: `Parameters:\n  Level:\n    Type: String\n    Default: "OFF"\n${template(restStage(`      MethodSettings:\n${all('          LoggingLevel: !Ref Level\n')}`), account)}`,
      findings: [{ range: '14:25-14:35', message: 'Stage does not write execution logs: LoggingLevel is "OFF" (from the default of parameter Level).' }],
      output: `Parameters:\n  Level:\n    Type: String\n    Default: "ERROR"\n${template(restStage(`      MethodSettings:\n${all('          LoggingLevel: !Ref Level\n')}`), account)}`,
    },
    {
      name: 'logging OFF in one branch of !If',
      code: condition + template(restStage(`      MethodSettings:\n${all('          LoggingLevel: !If [Prod, INFO, "OFF"]\n')}`), account),
      findings: [{ range: '12:25-12:48', message: 'Stage does not write execution logs: LoggingLevel is "OFF" (when condition Prod is false).' }],
      output: condition + template(restStage(`      MethodSettings:\n${all('          LoggingLevel: !If [Prod, INFO, "ERROR"]\n')}`), account),
    },
    {
      name: 'a deployment creating its stage without logging',
      code: deployment('      StageDescription:\n        TracingEnabled: true\n') + account,
      findings: [{ range: '7:7-7:23', message: 'Deployment does not write execution logs: StageDescription.LoggingLevel is not set and defaults to OFF.' }],
      output: deployment('      StageDescription:\n        TracingEnabled: true\n        LoggingLevel: ERROR\n') + account,
    },
    {
      name: 'a WebSocket stage without a default level',
      code: webSocket('      AutoDeploy: true\n') + account,
      findings: [{ range: '10:5-10:15', message: 'Stage does not write execution logs: DefaultRouteSettings.LoggingLevel is not set and defaults to OFF.' }],
      output: webSocket('      AutoDeploy: true\n      DefaultRouteSettings:\n        LoggingLevel: ERROR\n') + account,
    },
    {
      name: 'a SAM API without method settings',
      code: `Transform: AWS::Serverless-2016-10-31\n${template(resource('AWS::Serverless::Api', '      StageName: prod\n', 'Api'), account)}`,
      findings: [{ range: '5:5-5:15' }],
      output: `Transform: AWS::Serverless-2016-10-31\n${template(resource('AWS::Serverless::Api', '      StageName: prod\n      MethodSettings:\n        - ResourcePath: /*\n          HttpMethod: "*"\n          LoggingLevel: ERROR\n', 'Api'), account)}`,
    },
    {
      name: 'JSON, OFF',
      file: 't.json',
      code: '{"Resources": {"Stage": {"Type": "AWS::ApiGateway::Stage", "Properties": {"MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*", "LoggingLevel": "OFF"}]}}}}',
      findings: [{ range: '1:152-1:157' }],
      output: '{"Resources": {"Stage": {"Type": "AWS::ApiGateway::Stage", "Properties": {"MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*", "LoggingLevel": "ERROR"}]}}}}',
    },
  ],
});
