import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { conditionalBranches, type Node } from '../../server/src/engine/tree';
import { missingPropertyAnchor } from '../lib/properties';
import { samGlobal } from '../lib/sam';
import { tagPropertyOf } from '../lib/tags';
import { asText, textOf } from '../lib/values';

/** The SAM `Globals` section whose `Tags` apply to each serverless type. */
const SAM_GLOBALS: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
};

const rule: Rule = {
  meta: {
    id: 'resource-required-tags',
    area: 'incident-response',
    bestPractice: ['SEC10-BP01', 'SEC07-BP01'],
    severity: 'warning',
    title: 'Resources should carry the tags responders need',
    rationale:
      'When an alert names a resource, responders must find out quickly who owns it, whom to call and how sensitive its data is. Tags such as `owner`, `contact` or `data-classification` answer that from the resource itself, and let automation route findings and scope containment. A resource without them costs time in the first minutes of an incident.',
    remediation:
      'Add the required tags to each resource (`Tags: [{ Key: owner, Value: payments-team }]`, or a map for SAM and some other types), or tag the stack: CloudFormation copies stack tags to every resource that supports them, in which case this rule can stay off. Configure the tag keys this rule requires in `.pillar.json` or the `pillar.rules` setting.',
    docs: [
      'https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/tagging-best-practices.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html',
    ],
    resourceTypes: ['*'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: false,
    enabledByDefault: false,
    options: { tags: { type: 'string[]', default: [], description: 'Tag keys every taggable resource must carry (case-sensitive), e.g. ["owner", "contact"].' } },
    examples: {
      options: { tags: ['owner', 'contact'] },
      insecure: `Resources:
  Events:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns
      Tags:
        - Key: owner
          Value: payments-team
`,
      secure: `Resources:
  Events:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns
      Tags:
        - Key: owner
          Value: payments-team
        - Key: contact
          Value: payments-oncall@example.com
`,
    },
  },
  resource(resource, context) {
    const required = (context.options.tags as readonly string[]).filter((key) => key.length > 0);
    const tagging = tagPropertyOf(resource.type);
    if (required.length === 0 || !tagging) return;
    const pair = resource.properties?.byKey.get(tagging.property);
    const given = new Set<string>();
    const globals = SAM_GLOBALS[resource.type] && samGlobal(context.template, SAM_GLOBALS[resource.type], 'Tags');
    for (const node of [pair?.value, globals]) {
      if (!node) continue;
      const keys = tagKeys(node, tagging.shape === 'map', context);
      // Tags given by an intrinsic are not known here.
      if (!keys) return;
      for (const key of keys) given.add(key);
    }
    const missing = required.filter((key) => !given.has(key));
    if (missing.length === 0) return;
    context.report({
      at: pair?.key ?? missingPropertyAnchor(resource),
      message: `${resource.logicalId} lacks the required tag${missing.length > 1 ? 's' : ''} ${missing.join(', ')}${pair ? '' : ` (it has no ${tagging.property})`}.`,
    });
  },
};

/** The keys of tags with a value, in every branch; undefined when the list or map is only known at deploy time. */
function tagKeys(node: Node, map: boolean, context: RuleContext): string[] | undefined {
  const keys: string[] = [];
  for (const branch of conditionalBranches(node)) {
    if (branch.kind === 'intrinsic') {
      if (context.evaluator.candidates(branch).every((candidate) => candidate.value.kind === 'noValue')) continue;
      return undefined;
    }
    if (map && branch.kind === 'map') {
      for (const tag of branch.pairs) if (hasValue(tag.value, context)) keys.push(String(tag.key.value));
    } else if (!map && branch.kind === 'seq') {
      for (const item of branch.items.flatMap(conditionalBranches)) {
        if (item.kind !== 'map') continue;
        const key = textOf(item.byKey.get('Key')?.value, context.evaluator);
        if (key !== undefined && hasValue(item.byKey.get('Value')?.value, context)) keys.push(key);
      }
    }
  }
  return keys;
}

/** A tag value counts unless it is known to be empty. */
function hasValue(node: Node | undefined, context: RuleContext): boolean {
  return node !== undefined && context.evaluator.candidates(node).some((candidate) => asText(candidate.value)?.trim() !== '');
}

export default rule;
