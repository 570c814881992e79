import type { Rule } from '../../server/src/engine/rule';
import { checkProperty } from '../lib/properties';
import { asText } from '../lib/values';

/** The values CloudWatch Logs accepts for RetentionInDays, in days. */
const ACCEPTED_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

const rule: Rule = {
  meta: {
    id: 'log-group-retention-period',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'warning',
    title: 'Log groups should keep their logs long enough to investigate',
    rationale:
      'Intrusions are often found weeks or months after they began, through a GuardDuty finding, a partner\'s report or a bill. An investigation then needs the logs of the whole period: when the first access happened, what was touched since, whether it is still going on. A log group that deletes its events after a few days or weeks has already lost that history. A log group without `RetentionInDays` keeps its events forever: that is a question of cost, not a gap in evidence, so this rule does not report it.',
    remediation:
      'Set `RetentionInDays` to at least the minimum (365 days by default, configurable with the `minimumDays` option) on log groups holding security-relevant logs, or export older events to S3 with a lifecycle rule to cheaper storage classes. Keep short retention for debug output with an inline suppression that says why.',
    docs: [
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html#cfn-logs-loggroup-retentionindays',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-16',
    ],
    resourceTypes: ['AWS::Logs::LogGroup'],
    equivalents: {
      checkov: [],
      cfnNag: [],
      cfnLint: [],
      kics: [],
      securityHub: ['CloudWatch.16'],
      cis: [],
    },
    fixable: true,
    options: {
      minimumDays: { type: 'number', default: 365, description: 'The shortest retention, in days, that is not reported; the fix writes the smallest value CloudWatch Logs accepts that is at least this.' },
    },
    examples: {
      insecure: `Resources:
  AuditLogs:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      RetentionInDays: 14
      KmsKeyId: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
`,
      secure: `Resources:
  AuditLogs:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      RetentionInDays: 365
      KmsKeyId: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
`,
    },
  },
  resource(resource, context) {
    const minimum = Number(context.options.minimumDays);
    if (!(minimum > 0)) return;
    const fixDays = ACCEPTED_DAYS.find((days) => days >= minimum);
    const phrase = `deletes its logs before ${minimum} days`;
    checkProperty(resource, context, {
      path: 'RetentionInDays',
      what: `logs kept for ${minimum} days`,
      secure: (value) => {
        const days = Number(asText(value));
        return Number.isNaN(days) || days >= minimum;
      },
      // Without RetentionInDays, events never expire.
      whenMissing: 'secure',
      fix: fixDays !== undefined ? { value: fixDays } : undefined,
      missingPhrase: phrase,
      insecurePhrase: phrase,
    });
  },
};

export default rule;
