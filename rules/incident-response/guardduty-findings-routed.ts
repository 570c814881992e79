import type { Evaluator, Value } from '../../server/src/engine/evaluate';
import type { Resource } from '../../server/src/engine/model';
import type { Rule } from '../../server/src/engine/rule';
import type { Node } from '../../server/src/engine/tree';
import { asBoolean, textOf } from '../lib/values';

/** Event sources that carry GuardDuty findings: GuardDuty itself, or Security Hub, which imports them. */
const FINDING_SOURCES = ['aws.guardduty', 'aws.securityhub'];

/** SAM event types that create an EventBridge rule from their `Pattern`. */
const SAM_RULE_EVENTS = new Set(['EventBridgeRule', 'CloudWatchEvent']);

const rule: Rule = {
  meta: {
    id: 'guardduty-findings-routed',
    area: 'incident-response',
    bestPractice: ['SEC10-BP06', 'SEC04-BP03'],
    severity: 'info',
    title: 'GuardDuty findings should be routed to responders',
    rationale:
      'GuardDuty publishes each finding as an EventBridge event and otherwise only lists it in its console, where nobody looks at three in the morning. A finding about credentials used from a known malicious address is worth something only if it reaches someone, or some automation, within minutes. A template that turns GuardDuty on is where that route belongs: an EventBridge rule matching `aws.guardduty` (or Security Hub\'s imported findings) with a target such as an SNS topic, a chat channel or a containment function.',
    remediation:
      'Add an `AWS::Events::Rule` with `EventPattern: { source: [aws.guardduty], detail-type: [GuardDuty Finding] }` (narrowed by `detail.severity` if you like) and a target that reaches the people on call or runs the response. If findings are routed centrally (a delegated administrator account, Security Hub in another stack), suppress this finding there.',
    docs: [
      'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html',
    ],
    resourceTypes: ['template'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: false,
    examples: {
      insecure: `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
  Hub:
    Type: AWS::SecurityHub::Hub
`,
      secure: `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
  Hub:
    Type: AWS::SecurityHub::Hub
  FindingsToOnCall:
    Type: AWS::Events::Rule
    Properties:
      EventPattern:
        source: [aws.guardduty]
        detail-type: [GuardDuty Finding]
      Targets:
        - Id: on-call
          Arn: arn:aws:sns:eu-west-1:123456789012:security-on-call
`,
    },
  },
  template(template, context) {
    const detectors = template.resources.filter((resource) => resource.type === 'AWS::GuardDuty::Detector' && !suspended(resource, context.evaluator));
    if (detectors.length === 0) return;
    if (template.resources.some((resource) => routesFindings(resource, context.evaluator))) return;
    for (const detector of detectors) {
      context.report({ at: detector.key, message: `${detector.logicalId} raises GuardDuty findings that go nowhere: no EventBridge rule in the template matches source aws.guardduty.` });
    }
  },
};

/** A detector known to be created suspended (guardduty-detector-enabled reports it): it has no findings to route. */
function suspended(detector: Resource, evaluator: Evaluator): boolean {
  const enable = detector.properties?.byKey.get('Enable')?.value;
  return enable !== undefined && evaluator.candidates(enable).every((candidate) => asBoolean(candidate.value) === false);
}

/** Whether a resource creates an enabled EventBridge rule that matches GuardDuty findings (or might: a pattern known only at deploy time counts). */
function routesFindings(resource: Resource, evaluator: Evaluator): boolean {
  const properties = resource.properties;
  if (resource.type === 'AWS::Events::Rule') {
    const state = textOf(properties?.byKey.get('State')?.value, evaluator);
    if (state?.toUpperCase() === 'DISABLED') return false;
    return matchesFindings(properties?.byKey.get('EventPattern')?.value, evaluator);
  }
  if (resource.type.startsWith('AWS::Serverless::')) {
    const events = properties?.byKey.get('Events')?.value;
    if (events?.kind !== 'map') return false;
    return events.pairs.some((pair) => {
      const event = pair.value.kind === 'map' ? pair.value : undefined;
      const type = textOf(event?.byKey.get('Type')?.value, evaluator);
      const eventProperties = event?.byKey.get('Properties')?.value;
      return type !== undefined && SAM_RULE_EVENTS.has(type) && eventProperties?.kind === 'map' && matchesFindings(eventProperties.byKey.get('Pattern')?.value, evaluator);
    });
  }
  return false;
}

/** Whether an event pattern's `source` takes GuardDuty findings in some branch; true too when it cannot be told. */
function matchesFindings(pattern: Node | undefined, evaluator: Evaluator): boolean {
  if (!pattern) return false;
  return evaluator.candidates(pattern).some(({ value }) => {
    if (value.kind === 'unknown' || value.kind === 'symbolic') return true;
    if (value.kind === 'known') return typeof value.value === 'string' && jsonPatternMatches(value.value);
    if (value.kind !== 'collection' || value.node.kind !== 'map') return false;
    const source = value.node.byKey.get('source')?.value;
    return source !== undefined && evaluator.candidates(source).some(({ value: list }) => {
      if (list.kind !== 'collection') return sourceMatches(list, evaluator);
      return list.node.kind === 'seq' && list.node.items.some((item) => evaluator.candidates(item).some((candidate) => sourceMatches(candidate.value, evaluator)));
    });
  });
}

/** One value of `source`: a name, or content filtering such as `{ prefix: aws. }`. */
function sourceMatches(value: Value, evaluator: Evaluator): boolean {
  if (value.kind === 'unknown' || value.kind === 'symbolic') return true;
  if (value.kind === 'known') return FINDING_SOURCES.includes(String(value.value));
  return value.kind === 'collection' && value.node.kind === 'map' && prefixMatches(textOf(value.node.byKey.get('prefix')?.value, evaluator));
}

/** A pattern written as a JSON string; one that does not parse is not guessed at. */
function jsonPatternMatches(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as { source?: unknown };
    const sources = Array.isArray(parsed.source) ? parsed.source : [parsed.source];
    return sources.some((source) => (typeof source === 'string' ? FINDING_SOURCES.includes(source) : typeof source === 'object' && source !== null && prefixMatches((source as { prefix?: unknown }).prefix)));
  } catch {
    return true;
  }
}

function prefixMatches(prefix: unknown): boolean {
  return typeof prefix === 'string' && FINDING_SOURCES.some((source) => source.startsWith(prefix));
}

export default rule;
