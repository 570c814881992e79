import rule from '../../rules/detective-controls/apigateway-stage-xray-tracing';
import { testRule } from '../helpers/rule-tester';

const resource = (type: string, properties: string, name = 'Stage') => `  ${name}:\n    Type: ${type}\n    Properties:\n${properties}`;
const template = (...resources: string[]) => `Resources:\n${resources.join('')}`;
const restStage = (extra = '') => resource('AWS::ApiGateway::Stage', `      RestApiId: a1\n      StageName: prod\n${extra}`);
const sam = (globals: string, properties: string) => `Transform: AWS::Serverless-2016-10-31\n${globals}${template(resource('AWS::Serverless::Api', `      StageName: prod\n${properties}`, 'Api'))}`;

const implicit = (globals: string, events = '        Get:\n          Type: Api\n          Properties: { Path: /, Method: get }\n') =>
  `Transform: AWS::Serverless-2016-10-31\n${globals}Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      Events:\n${events}  Other:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      Events:\n        Post:\n          Type: Api\n          Properties: { Path: /, Method: post }\n`;

testRule(rule, {
  valid: [
    { name: 'the implicit API tracing through Globals', code: implicit('Globals:\n  Api:\n    TracingEnabled: true\n') },
    { name: 'tracing on', code: template(restStage('      TracingEnabled: true\n')) },
    { name: 'tracing on, as a string', code: template(restStage('      TracingEnabled: "true"\n')) },
    { name: 'a deployment whose stage traces', code: template(resource('AWS::ApiGateway::Deployment', '      RestApiId: a1\n      StageName: prod\n      StageDescription:\n        TracingEnabled: true\n', 'Deployment')) },
    { name: 'a deployment that creates no stage', code: template(resource('AWS::ApiGateway::Deployment', '      RestApiId: a1\n', 'Deployment')) },
    { name: 'a SAM API tracing through Globals', code: sam('Globals:\n  Api:\n    TracingEnabled: true\n', '') },
    { name: 'an HTTP API has no X-Ray tracing', code: template(resource('AWS::ApiGatewayV2::Stage', '      ApiId: a1\n      StageName: prod\n')) },
    { name: 'JSON', file: 't.json', code: '{"Resources": {"Stage": {"Type": "AWS::ApiGateway::Stage", "Properties": {"TracingEnabled": true}}}}' },
  ],
  invalid: [
    { name: 'the implicit API, reported once on the first event', code: implicit('Globals:\n  Api:\n    TracingEnabled: false\n'), findings: [{ range: '12:9-12:12', message: 'The API SAM creates for event Get of Fn does not trace requests with X-Ray: Globals.Api.TracingEnabled is not set to true.' }], output: null },
    {
      name: 'tracing not set: the fix turns it on',
      code: template(restStage()),
      findings: [{ range: '4:5-4:15', message: 'Stage does not trace requests with X-Ray: TracingEnabled is not set and defaults to false.' }],
      output: template(restStage('      TracingEnabled: true\n')),
    },
    {
      name: 'tracing off from a parameter default',
      code: `Parameters:\n  Tracing:\n    Type: String\n    Default: "false"\n${template(restStage('      TracingEnabled: !Ref Tracing\n'))}`,
      findings: [{ range: '11:23-11:35', message: 'Stage turns off X-Ray tracing: TracingEnabled is false (from the default of parameter Tracing).' }],
      output: `Parameters:\n  Tracing:\n    Type: String\n    Default: "true"\n${template(restStage('      TracingEnabled: !Ref Tracing\n'))}`,
    },
    {
      name: 'tracing off in one branch of !If',
      code: `Conditions:\n  Prod: !Equals [a, b]\n${template(restStage('      TracingEnabled: !If [Prod, true, false]\n'))}`,
      findings: [{ range: '9:23-9:46', message: 'Stage turns off X-Ray tracing: TracingEnabled is false (when condition Prod is false).' }],
      output: `Conditions:\n  Prod: !Equals [a, b]\n${template(restStage('      TracingEnabled: !If [Prod, true, true]\n'))}`,
    },
    {
      name: 'a deployment creating a stage without tracing',
      code: template(resource('AWS::ApiGateway::Deployment', '      RestApiId: a1\n      StageName: prod\n', 'Deployment')),
      findings: [{ range: '4:5-4:15', message: 'Deployment does not trace requests with X-Ray: StageDescription.TracingEnabled is not set and defaults to false.' }],
      output: template(resource('AWS::ApiGateway::Deployment', '      RestApiId: a1\n      StageName: prod\n      StageDescription:\n        TracingEnabled: true\n', 'Deployment')),
    },
    {
      name: 'a SAM API with Globals turning tracing off',
      code: sam('Globals:\n  Api:\n    TracingEnabled: false\n', ''),
      findings: [{ range: '8:5-8:15' }],
      output: sam('Globals:\n  Api:\n    TracingEnabled: false\n', '      TracingEnabled: true\n'),
    },
    {
      name: 'JSON, not set',
      file: 't.json',
      code: '{"Resources": {"Stage": {"Type": "AWS::ApiGateway::Stage", "Properties": {"StageName": "prod"}}}}',
      findings: [{ range: '1:60-1:72' }],
      output: '{"Resources": {"Stage": {"Type": "AWS::ApiGateway::Stage", "Properties": {"StageName": "prod", "TracingEnabled": true}}}}',
    },
  ],
});
