import type { Resource } from '../../server/src/engine/model';
import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { asBoolean } from '../lib/values';

/** The account-level detective services whose setup in a template marks it as the account's security baseline. */
const SECURITY_SERVICES: Readonly<Record<string, string>> = {
  'AWS::GuardDuty::Detector': 'GuardDuty',
  'AWS::Config::ConfigurationRecorder': 'AWS Config',
  'AWS::CloudTrail::Trail': 'CloudTrail',
};

const rule: Rule = {
  meta: {
    id: 'security-hub-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP02', 'SEC04-BP04'],
    severity: 'info',
    title: 'A template that sets up the account\'s security services should enable Security Hub',
    rationale:
      'GuardDuty, AWS Config and CloudTrail each produce findings or records in their own console, in each region. Security Hub gathers the findings of GuardDuty, Inspector, Macie, IAM Access Analyzer and Config rules in one place, scores the account against standards such as AWS Foundational Security Best Practices continuously, and gives responders one feed to route and triage. A template that turns on the other services (a GuardDuty detector, a Config recorder, an organization trail) is the account\'s security baseline and the natural place to turn it on too.',
    remediation:
      'Add an `AWS::SecurityHub::Hub` resource (with `EnableDefaultStandards` or `AWS::SecurityHub::Standard` resources for the standards you follow), or enable Security Hub for the organization from a delegated administrator, in which case this finding can be suppressed. Creating the hub fails where Security Hub is already enabled: import the existing hub into the stack instead.',
    docs: [
      'https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-securityhub-hub.html',
    ],
    resourceTypes: ['template'],
    equivalents: {
      checkov: [],
      cfnNag: [],
      cfnLint: [],
      kics: [],
      securityHub: [],
      cis: ['4.16'],
    },
    fixable: false,
    examples: {
      insecure: `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
  FindingsToOnCall:
    Type: AWS::Events::Rule
    Properties:
      EventPattern:
        source: [aws.guardduty]
      Targets:
        - Id: on-call
          Arn: arn:aws:sns:eu-west-1:123456789012:security-on-call
`,
      secure: `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
  FindingsToOnCall:
    Type: AWS::Events::Rule
    Properties:
      EventPattern:
        source: [aws.guardduty]
      Targets:
        - Id: on-call
          Arn: arn:aws:sns:eu-west-1:123456789012:security-on-call
  Hub:
    Type: AWS::SecurityHub::Hub
    Properties:
      EnableDefaultStandards: true
`,
    },
  },
  template(template, context) {
    // Any Security Hub resource (a hub, a standard, a configuration policy, a delegated admin) means it is handled here.
    if (template.resources.some((resource) => resource.type.startsWith('AWS::SecurityHub::'))) return;
    const services = template.resources.filter((resource) => SECURITY_SERVICES[resource.type] && (resource.type !== 'AWS::CloudTrail::Trail' || accountTrail(resource, context)));
    if (services.length === 0) return;
    const names = [...new Set(services.map((resource) => SECURITY_SERVICES[resource.type]))];
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
    context.report({
      at: services[0].key,
      message: `The template sets up ${list} but not Security Hub: it defines no AWS::SecurityHub::Hub to gather their findings.`,
    });
  },
};

/**
 * A trail that covers the organization. A multi-region trail alone does not mark the account's
 * baseline: workloads define them too, and cloudtrail-multi-region-enabled asks every trail to be one,
 * so counting them would make that rule's fix raise this one.
 */
function accountTrail(trail: Resource, context: RuleContext): boolean {
  const value = trail.properties?.byKey.get('IsOrganizationTrail')?.value;
  return value !== undefined && context.evaluator.candidates(value).some((candidate) => asBoolean(candidate.value) === true);
}

export default rule;
