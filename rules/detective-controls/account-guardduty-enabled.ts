import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, eachRegion, regionEntity } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-guardduty-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP02', 'SEC04-BP04'],
    severity: 'warning',
    title: 'GuardDuty must be enabled in every region',
    rationale:
      'GuardDuty watches CloudTrail, VPC flow and DNS activity for signs of compromise: stolen credentials used from unusual places, crypto mining, reconnaissance. A region without it is a region where such activity raises no alarm, and attackers favour regions nobody uses.',
    remediation: 'Enable GuardDuty in each region (`aws guardduty create-detector --enable --region R`), or for the whole organization from a delegated administrator account, and route its findings to the people on call.',
    docs: ['https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['GuardDuty.1'], []),
    fixable: false,
  },
  check(context) {
    eachRegion(context, context.snapshot.guardDutyDetectors, (region, detectors) => {
      if (detectors.some((d) => d.enabled)) return;
      const what = detectors.length === 0 ? 'has no GuardDuty detector' : 'has a GuardDuty detector that is suspended';
      context.report({ entity: regionEntity(context.snapshot, region, 'guardduty'), message: `${region} ${what}.` });
    });
  },
};

export default rule;
