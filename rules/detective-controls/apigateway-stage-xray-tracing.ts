import type { Rule } from '../../server/src/engine/rule';
import { implicitApiEvent, REST_STAGE_TYPES, stageGlobal, stageOf } from '../lib/api-stages';
import { samGlobal } from '../lib/sam';
import { checkProperty, mustBeTrue } from '../lib/properties';
import { asBoolean } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 'apigateway-stage-xray-tracing',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'info',
    title: 'API Gateway REST stages should trace requests with X-Ray',
    rationale:
      'X-Ray follows one request from the API through the functions, queues and databases it reaches. When a call looks wrong, a trace shows what it touched and where it failed, linking the API\'s logs to those of every service behind it; without it, that path has to be rebuilt by matching timestamps across separate logs.',
    remediation:
      'Set `TracingEnabled: true` on the stage (`StageDescription.TracingEnabled` on a deployment that creates its stage, or on the `AWS::Serverless::Api` or `Globals.Api` in SAM), and turn on tracing in the functions behind it. Choose sampling rules that keep the volume, and the cost, in check.',
    docs: [
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-stage.html#cfn-apigateway-stage-tracingenabled',
    ],
    resourceTypes: [...REST_STAGE_TYPES, 'AWS::Serverless::Function'],
    equivalents: {
      checkov: ['CKV_AWS_73'],
      cfnNag: [],
      cfnLint: [],
      kics: ['4ab10c48-bedb-4deb-8f3b-ff12783b61de'],
      securityHub: ['APIGateway.3'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: a1b2c3
      DeploymentId: d4e5f6
      StageName: prod
`,
      secure: `Resources:
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: a1b2c3
      DeploymentId: d4e5f6
      StageName: prod
      TracingEnabled: true
      AccessLogSetting:
        DestinationArn: arn:aws:logs:eu-west-1:123456789012:log-group:api-access
        Format: $context.requestId $context.identity.sourceIp $context.status
`,
    },
  },
  resource(resource, context) {
    if (resource.type === 'AWS::Serverless::Function') {
      // SAM's implicit REST API takes its settings from Globals only.
      const event = implicitApiEvent(resource, 'Api', context);
      const global = samGlobal(context.template, 'Api', 'TracingEnabled');
      if (event && !(global && context.evaluator.candidates(global).some((c) => asBoolean(c.value) !== false))) {
        context.report({ at: event.key, message: `The API SAM creates for event ${event.name} of ${resource.logicalId} does not trace requests with X-Ray: Globals.Api.TracingEnabled is not set to true.` });
      }
      return;
    }
    const stage = stageOf(resource, context);
    if (!stage || stage.protocol !== 'REST') return;
    // SAM's Globals apply where the API sets nothing.
    const global = stageGlobal(resource, stage, 'TracingEnabled', context);
    if (global && context.evaluator.candidates(global).some((c) => asBoolean(c.value) !== false)) return;
    checkProperty(resource, context, { ...mustBeTrue(`${stage.prefix}TracingEnabled`, 'X-Ray tracing'), missingPhrase: 'does not trace requests with X-Ray', insecurePhrase: 'turns off X-Ray tracing' });
  },
};

export default rule;
