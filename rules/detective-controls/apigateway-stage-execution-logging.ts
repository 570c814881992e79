import type { Candidate } from '../../server/src/engine/evaluate';
import type { Resource } from '../../server/src/engine/model';
import type { Change, FixSpec, Rule, RuleContext } from '../../server/src/engine/rule';
import type { MapNode, Node } from '../../server/src/engine/tree';
import { implicitApiEvent, isWebSocketStage, REST_STAGE_TYPES, stageGlobal, stageOf } from '../lib/api-stages';
import { samGlobal } from '../lib/sam';
import { valueFixes } from '../lib/fixes';
import { propertiesAt } from '../lib/properties';
import { asText, describeValue, explain, explainConditions, textOf } from '../lib/values';

type Conditions = Candidate['conditions'];

const LOGGING = new Set(['ERROR', 'INFO']);
const ALL_METHODS = { ResourcePath: '/*', HttpMethod: '*', LoggingLevel: 'ERROR' };

const rule: Rule = {
  meta: {
    id: 'apigateway-stage-execution-logging',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'info',
    title: 'API Gateway REST and WebSocket stages should write execution logs',
    rationale:
      'Execution logs record what API Gateway did with each request: which authorizer ran and what it decided, why a request was refused, what the integration returned and which errors it raised. Access logs say who called; execution logs explain what happened, which is what an investigation of a failed or suspicious call needs.',
    remediation:
      'For a REST API, add a `MethodSettings` entry with `ResourcePath: "/*"`, `HttpMethod: "*"` and `LoggingLevel: ERROR` (or `INFO`) to the stage (`StageDescription.LoggingLevel` on a deployment that creates its stage); for a WebSocket API, set `DefaultRouteSettings.LoggingLevel`. API Gateway writes these logs with the account\'s CloudWatch Logs role, set once per Region with `AWS::ApiGateway::Account`. Keep `DataTraceEnabled` off in production: it logs request and response bodies. HTTP APIs have no execution logs.',
    docs: [
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-logging.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-apigateway-stage-methodsetting.html',
    ],
    resourceTypes: [...REST_STAGE_TYPES, 'AWS::ApiGatewayV2::Stage', 'AWS::Serverless::Function'],
    equivalents: {
      checkov: [],
      cfnNag: [],
      cfnLint: [],
      kics: [],
      securityHub: ['APIGateway.1'],
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
      TracingEnabled: true
      AccessLogSetting:
        DestinationArn: arn:aws:logs:eu-west-1:123456789012:log-group:api-access
        Format: $context.requestId $context.identity.sourceIp $context.status
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
      MethodSettings:
        - ResourcePath: "/*"
          HttpMethod: "*"
          LoggingLevel: ERROR
`,
    },
  },
  resource(resource, context) {
    // Without the account's CloudWatch Logs role in the template, turning logging on can fail the deployment: the fix is then not preferred.
    const role = context.template?.resources.some((r) => r.type === 'AWS::ApiGateway::Account') ?? false;
    const check = new Check(resource, context, role);
    if (resource.type === 'AWS::Serverless::Function') {
      // SAM's implicit REST API takes its settings from Globals only.
      const event = implicitApiEvent(resource, 'Api', context);
      if (event && !samGlobal(context.template, 'Api', 'MethodSettings')) {
        context.report({ at: event.key, message: `The API SAM creates for event ${event.name} of ${resource.logicalId} does not write execution logs: Globals.Api.MethodSettings is not set.` });
      }
      return;
    }
    if (resource.type === 'AWS::ApiGatewayV2::Stage') {
      if (isWebSocketStage(resource, context)) check.level('DefaultRouteSettings.LoggingLevel');
      return;
    }
    const stage = stageOf(resource, context);
    if (!stage) return;
    if (stageGlobal(resource, stage, 'MethodSettings', context)) return;
    if (resource.type === 'AWS::ApiGateway::Deployment') {
      // A deployment sets its stage's level directly, or per method like a stage.
      const level = propertiesAt(resource, 'StageDescription.LoggingLevel', context);
      const methods = propertiesAt(resource, 'StageDescription.MethodSettings', context);
      if (methods.some((at) => at.pair)) check.methodSettings('StageDescription.MethodSettings');
      else check.level('StageDescription.LoggingLevel', level);
      return;
    }
    check.methodSettings('MethodSettings');
  },
};

class Check {
  constructor(
    private readonly resource: Resource,
    private readonly context: RuleContext,
    private readonly preferred: boolean,
  ) {}

  private report(at: Node, detail: string, conditions: Conditions, changes?: readonly Change[]): void {
    const fixes: FixSpec[] = changes ? [{ title: `Log errors (LoggingLevel ERROR)${this.preferred ? '' : ', which needs the account\'s API Gateway CloudWatch Logs role'}`, preferred: this.preferred, changes }] : [];
    this.context.report({ at, message: `${this.resource.logicalId} does not write execution logs: ${detail}${explainConditions(conditions)}.`, fixes });
  }

  /** A LoggingLevel property, absent meaning OFF. */
  level(path: string, found = propertiesAt(this.resource, path, this.context)): void {
    for (const at of found) {
      if (!at.pair) {
        this.report(at.anchor, `${at.label} is not set and defaults to OFF`, at.conditions, at.insert && [at.insert('ERROR')]);
        continue;
      }
      this.levelValue(at.pair.value, at.label, at.conditions);
    }
  }

  private levelValue(node: Node, label: string, conditions: Conditions): void {
    const off = this.context.evaluator.candidates(node).filter((c) => c.value.kind === 'noValue' || (c.value.kind === 'known' && !LOGGING.has(String(asText(c.value)).toUpperCase())));
    if (off.length === 0) return;
    const first = { ...off[0], conditions: [...conditions, ...off[0].conditions] };
    const fixes = valueFixes(this.context, node, off, 'ERROR', { label, preferred: this.preferred });
    this.context.report({ at: node, message: `${this.resource.logicalId} does not write execution logs: ${label} ${describeValue(first.value)}${explain(first)}.`, fixes });
  }

  /** A MethodSettings list, which needs an entry for every method (`/*`, `*`) with a level that logs. */
  methodSettings(path: string): void {
    for (const at of propertiesAt(this.resource, path, this.context)) {
      if (!at.pair) {
        this.report(at.anchor, `${at.label} is not set, so no method logs`, at.conditions, at.insert && [at.insert([ALL_METHODS])]);
        continue;
      }
      for (const branch of this.context.evaluator.candidates(at.pair.value)) {
        const conditions = [...at.conditions, ...branch.conditions];
        if (branch.value.kind === 'noValue') this.report(at.pair.value, `${at.label} is not set, so no method logs`, conditions);
        if (branch.value.kind !== 'collection' || branch.value.node.kind !== 'seq') continue;
        const list = branch.value.node;
        const entries: { map: MapNode; conditions: Conditions }[] = [];
        for (const item of list.items) {
          for (const candidate of this.context.evaluator.candidates(item)) {
            if (candidate.value.kind !== 'collection' || candidate.value.node.kind !== 'map') continue;
            const map = candidate.value.node;
            const resourcePath = textOf(map.byKey.get('ResourcePath')?.value, this.context.evaluator);
            const method = textOf(map.byKey.get('HttpMethod')?.value, this.context.evaluator);
            // A path or method only known at deploy time may be the catch-all: nothing to say.
            if ((map.byKey.has('ResourcePath') && resourcePath === undefined) || (map.byKey.has('HttpMethod') && method === undefined)) return;
            if (resourcePath === '/*' && method === '*') entries.push({ map, conditions: candidate.conditions });
          }
        }
        if (entries.length === 0) {
          this.report(at.pair.key, `${at.label} has no entry for every method (ResourcePath "/*", HttpMethod "*")`, conditions, [
            { kind: 'splice', seq: list, index: list.items.length, deleteCount: 0, values: [ALL_METHODS] },
          ]);
          continue;
        }
        for (const entry of entries) {
          const level = entry.map.byKey.get('LoggingLevel');
          const here = [...conditions, ...entry.conditions];
          if (!level) this.report(entry.map.pairs[0].key, `the "/*" entry of ${at.label} has no LoggingLevel, which defaults to OFF`, here, [{ kind: 'set', map: entry.map, key: 'LoggingLevel', value: 'ERROR' }]);
          else this.levelValue(level.value, 'LoggingLevel', here);
        }
      }
    }
  }
}

export default rule;
