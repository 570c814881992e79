import type { Candidate } from '../../server/src/engine/evaluate';
import type { Resource } from '../../server/src/engine/model';
import type { FixSpec, Rule, RuleContext } from '../../server/src/engine/rule';
import { getProperty, type MapNode, type Node, type SeqNode } from '../../server/src/engine/tree';
import { valueFixes } from '../lib/fixes';
import { propertiesAt } from '../lib/properties';
import { asBoolean, asText, describeValue, explain, explainConditions, textOf } from '../lib/values';

const ENABLED = 'access_logs.s3.enabled';
const BUCKET = 'access_logs.s3.bucket';

const rule: Rule = {
  meta: {
    id: 'elb-access-logs-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'warning',
    title: 'Load balancers should record access logs',
    rationale:
      'A load balancer is where requests from the internet first reach an application. Its access logs record every request with the client address, the path, the response code and the TLS settings used; they are how scanning, credential stuffing or an exploited endpoint is traced back to a source and a time. Nothing else keeps that record: the targets behind the load balancer see its address, not the client\'s.',
    remediation:
      'On an Application or Network Load Balancer, add the attributes `access_logs.s3.enabled: "true"` and `access_logs.s3.bucket` (with `access_logs.s3.prefix` if the bucket is shared). On a Classic Load Balancer, set `AccessLoggingPolicy` with `Enabled: true`, `S3BucketName` and `EmitInterval`. The bucket needs a policy that lets Elastic Load Balancing log delivery write to it, and SSE-S3 encryption. A Network Load Balancer writes access logs for its TLS listeners only, so one without a TLS listener is not reported.',
    docs: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html',
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-access-logs.html',
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-access-logs.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-elasticloadbalancingv2-loadbalancer-loadbalancerattribute.html',
    ],
    resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer'],
    equivalents: {
      checkov: ['CKV_AWS_91', 'CKV_AWS_92'],
      cfnNag: ['W52', 'W26'],
      cfnLint: [],
      kics: ['c62e8b7d-1fdf-4050-ac4c-76ba9e1d9621', 'ee12ad32-2863-4c0f-b13f-28272d115028'],
      securityHub: ['ELB.5'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Web:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: application
      Scheme: internet-facing
      Subnets: [subnet-1, subnet-2]
      LoadBalancerAttributes:
        - Key: routing.http.drop_invalid_header_fields.enabled
          Value: "true"
`,
      secure: `Resources:
  Web:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: application
      Scheme: internet-facing
      Subnets: [subnet-1, subnet-2]
      LoadBalancerAttributes:
        - Key: routing.http.drop_invalid_header_fields.enabled
          Value: "true"
        - Key: access_logs.s3.enabled
          Value: "true"
        - Key: access_logs.s3.bucket
          Value: central-elb-logs
        - Key: access_logs.s3.prefix
          Value: web
`,
    },
  },
  resource(resource, context) {
    if (resource.type === 'AWS::ElasticLoadBalancing::LoadBalancer') checkClassic(resource, context);
    else checkV2(resource, context);
  },
};

function phrase(resource: Resource): string {
  return `${resource.logicalId} does not record access logs`;
}

function checkClassic(resource: Resource, context: RuleContext): void {
  for (const at of propertiesAt(resource, 'AccessLoggingPolicy.Enabled', context)) {
    if (!at.pair) {
      context.report({ at: at.anchor, message: `${phrase(resource)}: ${at.label} is not set${explainConditions(at.conditions)}.` });
      continue;
    }
    const insecure = context.evaluator.candidates(at.pair.value).filter((c) => c.value.kind === 'noValue' || asBoolean(c.value) === false);
    if (insecure.length === 0) continue;
    const first = { ...insecure[0], conditions: [...at.conditions, ...insecure[0].conditions] };
    // The policy names its bucket (S3BucketName is required), so turning it on is all that is missing.
    context.report({
      at: at.pair.value,
      message: `${phrase(resource)}: ${at.label} ${describeValue(first.value)}${explain(first)}.`,
      fixes: valueFixes(context, at.pair.value, insecure, true, { label: at.label }),
    });
  }
}

/**
 * One message whether LoadBalancerAttributes is absent or lacks the switch, so that adding another
 * attribute (the fix of alb-drops-invalid-header-fields) leaves this finding as it was.
 */
function missingSwitch(resource: Resource, conditions: Candidate['conditions']): string {
  return `${phrase(resource)}: LoadBalancerAttributes does not set ${ENABLED}, which defaults to false${explainConditions(conditions)}.`;
}

function checkV2(resource: Resource, context: RuleContext): void {
  const type = textOf(getProperty(resource.properties, 'Type'), context.evaluator)?.toLowerCase() ?? 'application';
  if (type === 'gateway') return;
  if (type === 'network' && !hasTlsListener(resource, context)) return;
  for (const at of propertiesAt(resource, 'LoadBalancerAttributes', context)) {
    if (!at.pair) {
      context.report({ at: at.anchor, message: missingSwitch(resource, at.conditions) });
      continue;
    }
    for (const branch of context.evaluator.candidates(at.pair.value)) {
      const conditions = [...at.conditions, ...branch.conditions];
      if (branch.value.kind === 'noValue') {
        context.report({ at: at.pair.value, message: missingSwitch(resource, conditions) });
        continue;
      }
      if (branch.value.kind !== 'collection' || branch.value.node.kind !== 'seq') continue;
      checkAttributes(resource, context, at.pair.key, branch.value.node, conditions);
    }
  }
}

/** The attribute items of a list, each branch of an item's `!If` apart. */
function attributes(list: SeqNode, context: RuleContext): { map: MapNode; key: string | undefined; conditions: Candidate['conditions'] }[] {
  const found: { map: MapNode; key: string | undefined; conditions: Candidate['conditions'] }[] = [];
  for (const item of list.items) {
    for (const candidate of context.evaluator.candidates(item)) {
      if (candidate.value.kind !== 'collection' || candidate.value.node.kind !== 'map') continue;
      const map = candidate.value.node;
      found.push({ map, key: textOf(map.byKey.get('Key')?.value, context.evaluator), conditions: candidate.conditions });
    }
  }
  return found;
}

function checkAttributes(resource: Resource, context: RuleContext, anchor: Node, list: SeqNode, conditions: Candidate['conditions']): void {
  const items = attributes(list, context);
  // A value only known at deploy time (a key from a parameter) could be the switch: nothing to say.
  if (items.some((item) => item.key === undefined)) return;
  const enabled = items.filter((item) => item.key === ENABLED);
  // Named in every branch: a bucket named only under a condition may be missing where logging would be turned on.
  const named = items.some((item) => item.key === BUCKET && item.conditions.length === 0);
  if (enabled.length === 0) {
    // With the bucket named, the switch is all that is missing.
    const fixes: FixSpec[] = named ? [{ title: `Add ${ENABLED}: "true"`, preferred: true, changes: [{ kind: 'splice', seq: list, index: list.items.length, deleteCount: 0, values: [{ Key: ENABLED, Value: 'true' }] }] }] : [];
    context.report({ at: anchor, message: missingSwitch(resource, conditions), fixes });
    return;
  }
  // An item that switches logging on in some branch of its `!If` is enough there; the rule does not guess which branch deploys.
  if (enabled.some((item) => item.conditions.length > 0) && enabled.some((item) => isOn(item.map, context))) return;
  for (const item of enabled) {
    const value = item.map.byKey.get('Value')?.value;
    if (!value) continue;
    const insecure = context.evaluator.candidates(value).filter((c) => c.value.kind === 'noValue' || asBoolean(c.value) === false || (c.value.kind === 'known' && asText(c.value) === ''));
    if (insecure.length === 0) continue;
    const first = { ...insecure[0], conditions: [...conditions, ...item.conditions, ...insecure[0].conditions] };
    context.report({
      at: value,
      message: `${phrase(resource)}: ${ENABLED} ${describeValue(first.value)}${explain(first)}.`,
      fixes: named ? valueFixes(context, value, insecure, 'true', { label: ENABLED }) : [],
    });
  }
}

function isOn(map: MapNode, context: RuleContext): boolean {
  const value = map.byKey.get('Value')?.value;
  return value !== undefined && context.evaluator.candidates(value).some((c) => asBoolean(c.value) === true);
}

/** Whether a Network Load Balancer has a TLS listener in the template, the only kind it writes access logs for. */
function hasTlsListener(resource: Resource, context: RuleContext): boolean {
  return (context.facts?.listenersOf(resource) ?? []).some((listener) => {
    const protocol = getProperty(listener.properties, 'Protocol');
    return protocol !== undefined && context.evaluator.candidates(protocol).some((c) => c.value.kind !== 'known' || asText(c.value)?.toUpperCase() === 'TLS');
  });
}

export default rule;
