import type { Candidate } from '../../server/src/engine/evaluate';
import type { FixSpec, Rule, RuleContext } from '../../server/src/engine/rule';
import type { MapNode, Node } from '../../server/src/engine/tree';
import { valueFixes } from '../lib/fixes';
import { asBoolean, explain } from '../lib/values';

/** Where each type keeps its stage settings: in Properties, or in a Deployment's StageDescription. */
const STAGE_SETTINGS: Readonly<Record<string, string | undefined>> = {
  'AWS::ApiGateway::Stage': undefined,
  'AWS::Serverless::Api': undefined,
  'AWS::ApiGateway::Deployment': 'StageDescription',
};

const rule: Rule = {
  meta: {
    id: 'apigateway-stage-cache-encrypted',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'warning',
    title: 'API Gateway stages that cache responses should encrypt the cache',
    rationale:
      'A REST API cache keeps whole responses, often personal records or the results of authorized calls, for up to an hour on the stage\'s cache cluster. Unless the method settings say `CacheDataEncrypted: true`, API Gateway stores them unencrypted. Encrypting the cache costs nothing and keeps the cached copies as protected as the backend data they came from.',
    remediation:
      'Set `CacheDataEncrypted: true` in every `MethodSettings` entry (or `StageDescription`) that sets `CachingEnabled: true`. The change applies to the stage in place; API Gateway flushes and rebuilds the cache.',
    docs: [
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-apigateway-stage-methodsetting.html#cfn-apigateway-stage-methodsetting-cachedataencrypted',
    ],
    resourceTypes: Object.keys(STAGE_SETTINGS),
    equivalents: {
      checkov: [],
      cfnNag: ['W87'],
      cfnLint: [],
      kics: ['37cca703-b74c-48ba-ac81-595b53398e9b'],
      securityHub: ['APIGateway.5'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: !Ref Deployment
      StageName: prod
      CacheClusterEnabled: true
      CacheClusterSize: "0.5"
      MethodSettings:
        - ResourcePath: /*
          HttpMethod: "*"
          CachingEnabled: true
`,
      secure: `Resources:
  AccessLogs:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      RetentionInDays: 365
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: !Ref Deployment
      StageName: prod
      AccessLogSetting:
        DestinationArn: !GetAtt AccessLogs.Arn
        Format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status"}'
      CacheClusterEnabled: true
      CacheClusterSize: "0.5"
      MethodSettings:
        - ResourcePath: /*
          HttpMethod: "*"
          CachingEnabled: true
          CacheDataEncrypted: true
`,
    },
  },
  resource(resource, context) {
    const container = STAGE_SETTINGS[resource.type];
    const roots: { map: MapNode; label: string }[] = [];
    if (!resource.properties) return;
    if (!container) roots.push({ map: resource.properties, label: '' });
    else for (const map of maps(resource.properties.byKey.get(container)?.value, context)) roots.push({ map, label: `${container}.` });
    for (const root of roots) {
      // Without a cache cluster nothing is cached, whatever the method settings say.
      if (!mayBeTrue(root.map.byKey.get('CacheClusterEnabled')?.value, context)) continue;
      if (container) checkSettings(root.map, root.label.slice(0, -1), resource.logicalId, context);
      const list = root.map.byKey.get('MethodSettings')?.value;
      for (const branch of list ? context.evaluator.candidates(list) : []) {
        if (branch.value.kind !== 'collection' || branch.value.node.kind !== 'seq') continue;
        branch.value.node.items.forEach((item, index) => {
          for (const map of maps(item, context)) checkSettings(map, `${root.label}MethodSettings[${index}]`, resource.logicalId, context);
        });
      }
    }
  },
};

/** Reports a settings map that turns caching on without encrypting the cache. */
function checkSettings(map: MapNode, label: string, logicalId: string, context: RuleContext): void {
  const caching = map.byKey.get('CachingEnabled')?.value;
  const on = caching && context.evaluator.candidates(caching).find((candidate) => asBoolean(candidate.value) === true);
  if (!on) return;
  const encrypted = map.byKey.get('CacheDataEncrypted');
  const where = `${logicalId} caches responses unencrypted: ${label}.CachingEnabled is true${explain(on)}`;
  if (!encrypted) {
    const fixes: FixSpec[] = [{ title: `Set ${label}.CacheDataEncrypted to true`, preferred: true, changes: [{ kind: 'set', map, key: 'CacheDataEncrypted', value: true }] }];
    context.report({ at: map.byKey.get('CachingEnabled')!.key, message: `${where} and CacheDataEncrypted is not set.`, fixes });
    return;
  }
  const insecure: Candidate[] = context.evaluator.candidates(encrypted.value).filter((c) => c.value.kind === 'noValue' || asBoolean(c.value) === false);
  if (insecure.length === 0) return;
  context.report({
    at: encrypted.value,
    message: `${where} and CacheDataEncrypted is ${insecure[0].value.kind === 'noValue' ? 'not set' : 'false'}${explain(insecure[0])}.`,
    fixes: valueFixes(context, encrypted.value, insecure, true, { label: `${label}.CacheDataEncrypted` }),
  });
}

/** The maps a node may be, through `!If` branches. */
function maps(node: Node | undefined, context: RuleContext): MapNode[] {
  if (!node) return [];
  return context.evaluator.candidates(node).flatMap((c) => (c.value.kind === 'collection' && c.value.node.kind === 'map' ? [c.value.node] : []));
}

/** True unless the value is absent or known to be false on every branch. */
function mayBeTrue(node: Node | undefined, context: RuleContext): boolean {
  return node !== undefined && context.evaluator.candidates(node).some((c) => c.value.kind !== 'noValue' && asBoolean(c.value) !== false);
}

export default rule;
