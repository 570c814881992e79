import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, eachRegion, regionEntity } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-security-hub-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP02', 'SEC01-BP03'],
    severity: 'info',
    title: 'Security Hub should be enabled in every region',
    rationale:
      'Security Hub gathers the findings of GuardDuty, Inspector, Macie, Access Analyzer and Config rules in one place and checks the account against standards continuously, between the scans you run by hand.',
    remediation: 'Enable Security Hub in each region (`aws securityhub enable-security-hub --region R`), ideally with central configuration from a delegated administrator for the whole organization.',
    docs: ['https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents([], ['4.16']),
    fixable: false,
  },
  check(context) {
    eachRegion(context, context.snapshot.securityHub, (region, enabled) => {
      if (!enabled) context.report({ entity: regionEntity(context.snapshot, region, 'securityhub'), message: `Security Hub is not enabled in ${region}.` });
    });
  },
};

export default rule;
