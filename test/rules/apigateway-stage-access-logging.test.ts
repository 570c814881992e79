import rule from '../../rules/detective-controls/apigateway-stage-access-logging';
import { testRule } from '../helpers/rule-tester';

const resource = (type: string, properties: string, name = 'Stage') => `  ${name}:\n    Type: ${type}\n    Properties:\n${properties}`;
const template = (...resources: string[]) => `Resources:\n${resources.join('')}`;
const restStage = (extra = '') => resource('AWS::ApiGateway::Stage', `      RestApiId: !Ref Api\n      DeploymentId: !Ref Deployment\n      StageName: prod\n${extra}`);
const v2Stage = (extra = '') => resource('AWS::ApiGatewayV2::Stage', `      ApiId: !Ref Api\n      StageName: prod\n${extra}`);
const accessLog = (key: string) => `      ${key}:\n        DestinationArn: !GetAtt Logs.Arn\n        Format: $context.requestId\n`;
const sam = (globals: string, resources: string) => `Transform: AWS::Serverless-2016-10-31\n${globals}Resources:\n${resources}`;
const condition = 'Conditions:\n  Prod: !Equals [a, b]\n';

const implicit = (globals: string, events = '        Get:\n          Type: Api\n          Properties: { Path: /, Method: get }\n') =>
  `Transform: AWS::Serverless-2016-10-31\n${globals}Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      Events:\n${events}  Other:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      Events:\n        Post:\n          Type: Api\n          Properties: { Path: /, Method: post }\n`;

testRule(rule, {
  valid: [
    { name: 'the implicit API with access logs in Globals', code: implicit('Globals:\n  Api:\n    AccessLogSetting: { DestinationArn: arn:aws:logs:eu-west-1:123456789012:log-group:api }\n') },
    { name: 'events on an API of the template', code: implicit('', '        Get:\n          Type: Api\n          Properties: { RestApiId: !Ref Api, Path: /, Method: get }\n').replace('Post:\n          Type: Api\n          Properties: {', 'Post:\n          Type: Api\n          Properties: { RestApiId: !Ref Api,') },
    { name: 'a REST stage with access logs', code: template(restStage(accessLog('AccessLogSetting'))) },
    { name: 'an HTTP API stage with access logs', code: template(v2Stage(accessLog('AccessLogSettings'))) },
    { name: 'a deployment that creates no stage', code: template(resource('AWS::ApiGateway::Deployment', '      RestApiId: !Ref Api\n', 'Deployment')) },
    {
      name: 'a deployment whose stage has access logs',
      code: template(resource('AWS::ApiGateway::Deployment', `      RestApiId: !Ref Api\n      StageName: prod\n      StageDescription:\n  ${accessLog('AccessLogSetting').replace(/\n {8}/g, '\n          ')}`, 'Deployment')),
    },
    { name: 'a SAM API with access logs', code: sam('', resource('AWS::Serverless::Api', `      StageName: prod\n${accessLog('AccessLogSetting')}`, 'Api')) },
    { name: 'a SAM HTTP API with access logs in Globals', code: sam(`Globals:\n  HttpApi:\n${accessLog('AccessLogSettings').replace(/^ {2}/gm, '')}`, resource('AWS::Serverless::HttpApi', '      StageName: prod\n', 'Api')) },
    { name: 'the destination from a parameter', code: `Parameters:\n  LogGroupArn:\n    Type: String\n${template(v2Stage('      AccessLogSettings:\n        DestinationArn: !Ref LogGroupArn\n'))}` },
    { name: 'JSON', file: 't.json', code: '{"Resources": {"Stage": {"Type": "AWS::ApiGateway::Stage", "Properties": {"AccessLogSetting": {"DestinationArn": "arn:aws:logs:eu-west-1:123456789012:log-group:api"}}}}}' },
  ],
  invalid: [
    { name: 'the implicit API, reported once on the first event', code: implicit(''), findings: [{ range: '9:9-9:12', message: 'The API SAM creates for event Get of Fn does not record access logs: Globals.Api.AccessLogSetting is not set.' }], output: null },
    { name: 'the implicit HTTP API', code: implicit('', '        Get:\n          Type: HttpApi\n').replace(/Post:\n          Type: Api\n          Properties: \{ Path: \/, Method: post \}\n/, 'Post:\n          Type: SQS\n'), findings: [{ range: '9:9-9:12', message: 'The API SAM creates for event Get of Fn does not record access logs: Globals.HttpApi.AccessLogSettings is not set.' }], output: null },
    { name: 'a REST stage without access logs', code: template(restStage()), findings: [{ range: '4:5-4:15', message: 'Stage does not record access logs: AccessLogSetting.DestinationArn is not set.' }], output: null },
    { name: 'a REST stage whose setting names no destination', code: template(restStage('      AccessLogSetting:\n        Format: $context.requestId\n')), findings: [{ range: '8:7-8:23', message: 'Stage does not record access logs: AccessLogSetting.DestinationArn is not set.' }], output: null },
    { name: 'a WebSocket or HTTP stage without access logs', code: template(v2Stage('      AutoDeploy: true\n')), findings: [{ range: '4:5-4:15' }], output: null },
    {
      name: 'a deployment creating a stage without access logs',
      code: template(resource('AWS::ApiGateway::Deployment', '      RestApiId: !Ref Api\n      StageName: prod\n      StageDescription:\n        TracingEnabled: true\n', 'Deployment')),
      findings: [{ range: '7:7-7:23', message: 'Deployment does not record access logs: StageDescription.AccessLogSetting.DestinationArn is not set.' }],
      output: null,
    },
    { name: 'a SAM API without access logs', code: sam('', resource('AWS::Serverless::Api', '      StageName: prod\n', 'Api')), findings: [{ range: '5:5-5:15' }], output: null },
    {
      name: 'a SAM HTTP API with settings in Globals for REST APIs only',
      code: sam(`Globals:\n  Api:\n${accessLog('AccessLogSetting').replace(/^ {2}/gm, '')}`, resource('AWS::Serverless::HttpApi', '      StageName: prod\n', 'Api')),
      findings: [{ range: '10:5-10:15', message: 'Api does not record access logs: AccessLogSettings.DestinationArn is not set.' }],
      output: null,
    },
    {
      name: 'access logs removed in one branch of !If',
      code: condition + template(v2Stage('      AccessLogSettings: !If [Prod, { DestinationArn: !GetAtt Logs.Arn }, !Ref AWS::NoValue]\n')),
      findings: [{ range: '9:7-9:24', message: 'Stage does not record access logs: AccessLogSettings.DestinationArn is not set (when condition Prod is false).' }],
      output: null,
    },
    {
      name: 'an empty destination from a parameter default',
      code: `Parameters:\n  LogGroupArn:\n    Type: String\n    Default: ""\n${template(v2Stage('      AccessLogSettings:\n        DestinationArn: !Ref LogGroupArn\n'))}`,
      findings: [{ range: '12:25-12:41', message: 'Stage does not record access logs: AccessLogSettings.DestinationArn is empty (from the default of parameter LogGroupArn).' }],
      output: null,
    },
    {
      name: 'JSON, no access logs',
      file: 't.json',
      code: '{"Resources": {"Stage": {"Type": "AWS::ApiGatewayV2::Stage", "Properties": {"ApiId": "a", "StageName": "prod"}}}}',
      findings: [{ range: '1:62-1:74' }],
      output: null,
    },
  ],
});
