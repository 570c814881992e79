import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, trailEntity, uniqueTrails } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-cloudtrail-log-file-validation',
    area: 'incident-response',
    bestPractice: ['SEC10-BP03', 'SEC04-BP01'],
    severity: 'warning',
    title: 'CloudTrail trails must validate their log files',
    rationale:
      'Log file validation signs each hour of CloudTrail logs with a digest chain, so you can prove that no log was changed or deleted after delivery. An intruder who can write to the bucket can otherwise erase their tracks without a trace, and the logs lose their worth as evidence.',
    remediation: 'Turn on log file validation for the trail: `aws cloudtrail update-trail --name TRAIL --enable-log-file-validation`, and check logs with `aws cloudtrail validate-logs` when you need them.',
    docs: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['CloudTrail.4'], ['3.2']),
    fixable: false,
  },
  check(context) {
    for (const trail of uniqueTrails(context) ?? []) {
      if (!trail.logFileValidation) context.report({ entity: trailEntity(context.snapshot, trail), message: `Trail ${trail.name} does not validate its log files.` });
    }
  },
};

export default rule;
