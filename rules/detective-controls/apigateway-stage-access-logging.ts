import type { Rule } from '../../server/src/engine/rule';
import { implicitApiEvent, REST_STAGE_TYPES, stageGlobal, stageOf, V2_STAGE_TYPES } from '../lib/api-stages';
import { samGlobal } from '../lib/sam';
import { propertiesAt } from '../lib/properties';
import { explain, explainConditions } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 'apigateway-stage-access-logging',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'warning',
    title: 'API Gateway stages should record access logs',
    rationale:
      'An API stage is a front door to the functions and services behind it. Its access logs record each call: the caller\'s address and identity, the route, the status, the authorizer\'s verdict. They are the record that shows an API key or token being misused, an endpoint being enumerated, or which data a caller retrieved; API Gateway keeps none of it unless the stage sends it to a log destination.',
    remediation:
      'Set `AccessLogSetting` (REST APIs, `StageDescription.AccessLogSetting` on a deployment that creates its stage) or `AccessLogSettings` (HTTP and WebSocket APIs) with `DestinationArn`, a CloudWatch Logs log group (or, for REST APIs, a Firehose stream named `amazon-apigateway-...`), and a `Format` that includes `$context.requestId`, `$context.identity.sourceIp`, the caller and the status. In SAM, set it on the `AWS::Serverless::Api` or `AWS::Serverless::HttpApi`, or in `Globals` (the only place for the API SAM creates from a function\'s `Api` or `HttpApi` events). REST APIs also need the account\'s API Gateway CloudWatch Logs role (`AWS::ApiGateway::Account`).',
    docs: [
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-stage.html#cfn-apigateway-stage-accesslogsetting',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-stage.html#cfn-apigatewayv2-stage-accesslogsettings',
    ],
    resourceTypes: [...REST_STAGE_TYPES, ...V2_STAGE_TYPES, 'AWS::Serverless::Function'],
    equivalents: {
      checkov: ['CKV_AWS_76', 'CKV_AWS_95'],
      cfnNag: ['W69', 'W45', 'W46'],
      cfnLint: [],
      kics: ['80d45af4-4920-4236-a56e-b7ef419d1941', '06ec63e3-9f72-4fe2-a218-2eb9200b8db5'],
      securityHub: ['APIGateway.9'],
      cis: [],
    },
    fixable: false,
    examples: {
      insecure: `Resources:
  Prod:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: a1b2c3
      StageName: prod
      AutoDeploy: true
`,
      secure: `Resources:
  AccessLogs:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      RetentionInDays: 365
  Prod:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: a1b2c3
      StageName: prod
      AutoDeploy: true
      AccessLogSettings:
        DestinationArn: !GetAtt AccessLogs.Arn
        Format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","route":"$context.routeKey","status":"$context.status"}'
`,
    },
  },
  resource(resource, context) {
    if (resource.type === 'AWS::Serverless::Function') {
      // SAM's implicit APIs take their settings from Globals only.
      for (const [type, property] of [['Api', 'AccessLogSetting'], ['HttpApi', 'AccessLogSettings']] as const) {
        const event = implicitApiEvent(resource, type, context);
        if (event && !samGlobal(context.template, type, property)) {
          context.report({ at: event.key, message: `The API SAM creates for event ${event.name} of ${resource.logicalId} does not record access logs: Globals.${type}.${property} is not set.` });
        }
      }
      return;
    }
    const stage = stageOf(resource, context);
    if (!stage) return;
    const property = stage.protocol === 'REST' ? 'AccessLogSetting' : 'AccessLogSettings';
    // SAM's Globals apply where the API sets nothing.
    if (stageGlobal(resource, stage, property, context)) return;
    const phrase = `${resource.logicalId} does not record access logs`;
    for (const at of propertiesAt(resource, `${stage.prefix}${property}.DestinationArn`, context)) {
      if (!at.pair) {
        context.report({ at: at.anchor, message: `${phrase}: ${at.label} is not set${explainConditions(at.conditions)}.` });
        continue;
      }
      const missing = context.evaluator.candidates(at.pair.value).find((c) => c.value.kind === 'noValue' || (c.value.kind === 'known' && (c.value.value === null || c.value.value === '')));
      if (missing) context.report({ at: at.pair.value, message: `${phrase}: ${at.label} is ${missing.value.kind === 'noValue' ? 'not set' : 'empty'}${explain({ ...missing, conditions: [...at.conditions, ...missing.conditions] })}.` });
    }
  },
};

export default rule;
