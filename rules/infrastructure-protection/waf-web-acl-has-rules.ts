import type { Resource } from '../../server/src/engine/model';
import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { getProperty } from '../../server/src/engine/tree';
import { missingPropertyAnchor } from '../lib/properties';
import { asText, explainConditions } from '../lib/values';

const WAF_V2 = 'AWS::WAFv2::WebACL';

const rule: Rule = {
  meta: {
    id: 'waf-web-acl-has-rules',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP04'],
    severity: 'warning',
    title: 'WAF web ACLs that allow by default should have rules',
    rationale:
      'A web ACL whose default action is Allow and which holds no rules lets every request through: the resources associated with it look protected, in the console and to compliance checks, while nothing is inspected or blocked.',
    remediation:
      'Add rules to the web ACL: AWS managed rule groups (the core rule set, known bad inputs, IP reputation) and a rate-based rule are a sound start. Or, if the ACL is meant as an allow list, make `Block` its default action and add rules that allow what is expected.',
    docs: [
      'https://docs.aws.amazon.com/waf/latest/developerguide/web-acl.html',
      'https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-list.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-wafv2-webacl.html',
    ],
    resourceTypes: [WAF_V2, 'AWS::WAF::WebACL', 'AWS::WAFRegional::WebACL'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: ['WAF.10', 'WAF.8', 'WAF.4'], cis: [] },
    fixable: false,
    examples: {
      insecure: `Resources:
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties:
      Scope: REGIONAL
      DefaultAction:
        Allow: {}
      VisibilityConfig:
        SampledRequestsEnabled: true
        CloudWatchMetricsEnabled: true
        MetricName: acl
`,
      secure: `Resources:
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties:
      Scope: REGIONAL
      DefaultAction:
        Allow: {}
      VisibilityConfig:
        SampledRequestsEnabled: true
        CloudWatchMetricsEnabled: true
        MetricName: acl
      Rules:
        - Name: common
          Priority: 0
          OverrideAction:
            None: {}
          Statement:
            ManagedRuleGroupStatement:
              VendorName: AWS
              Name: AWSManagedRulesCommonRuleSet
          VisibilityConfig:
            SampledRequestsEnabled: true
            CloudWatchMetricsEnabled: true
            MetricName: common
`,
    },
  },
  resource(resource, context) {
    const allow = allowsByDefault(resource, context);
    if (!allow) return;
    const pair = resource.properties?.byKey.get('Rules');
    const what = resource.type === WAF_V2 ? 'its default action is Allow' : 'its DefaultAction is ALLOW';
    if (!pair) {
      context.report({ at: missingPropertyAnchor(resource), message: `${resource.logicalId} lets every request through: ${what} and it has no rules${explainConditions(allow.conditions)}.` });
      return;
    }
    const empty = context.evaluator.candidates(pair.value).find((candidate) => candidate.value.kind === 'noValue' || (candidate.value.kind === 'collection' && candidate.value.node.kind === 'seq' && candidate.value.node.items.length === 0));
    if (empty) context.report({ at: pair.value, message: `${resource.logicalId} lets every request through: ${what} and its Rules list is empty${explainConditions([...allow.conditions, ...empty.conditions])}.` });
  },
};

/** The branch on which a web ACL allows requests no rule matched: `Allow: {}` (WAFv2) or `Type: ALLOW` (classic). */
function allowsByDefault(resource: Resource, context: RuleContext): { conditions: readonly { name: string; value: boolean }[] } | undefined {
  const action = resource.properties?.byKey.get('DefaultAction')?.value;
  if (!action) return undefined;
  for (const candidate of context.evaluator.candidates(action)) {
    if (candidate.value.kind !== 'collection' || candidate.value.node.kind !== 'map') continue;
    const map = candidate.value.node;
    const allows = resource.type === WAF_V2 ? map.byKey.has('Allow') : context.evaluator.candidates(getProperty(map, 'Type') ?? map).some((type) => asText(type.value)?.toUpperCase() === 'ALLOW');
    if (allows) return { conditions: candidate.conditions };
  }
  return undefined;
}

export default rule;
