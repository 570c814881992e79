import type { Rule } from '../../server/src/engine/rule';
import { missingPropertyAnchor } from '../lib/properties';
import { resourceTags } from '../lib/tags';

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
    const tags = required.length > 0 ? resourceTags(resource, context) : undefined;
    // Tags given by an intrinsic are not known here.
    if (!tags?.entries) return;
    const given = new Set(tags.entries.map((entry) => entry.key));
    const missing = required.filter((key) => !given.has(key));
    if (missing.length === 0) return;
    context.report({
      at: tags.pair?.key ?? missingPropertyAnchor(resource),
      message: `${resource.logicalId} lacks the required tag${missing.length > 1 ? 's' : ''} ${missing.join(', ')}${tags.pair ? '' : ` (it has no ${tags.tagging.property})`}.`,
    });
  },
};

export default rule;
