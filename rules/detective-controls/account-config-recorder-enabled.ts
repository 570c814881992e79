import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, eachRegion, regionEntity } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-config-recorder-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01', 'SEC01-BP03'],
    severity: 'warning',
    title: 'AWS Config must record resources in every region',
    rationale:
      'AWS Config keeps the history of every resource\'s configuration: what changed, when, and how resources relate. An investigation needs it to see what an attacker changed, and Security Hub and Config rules need it to evaluate anything at all.',
    remediation: 'Turn on AWS Config in each region with a recorder that records all supported resource types and a delivery channel (the console\'s one-click setup, or `aws configservice put-configuration-recorder`, `put-delivery-channel` and `start-configuration-recorder`).',
    docs: ['https://docs.aws.amazon.com/config/latest/developerguide/getting-started.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['Config.1'], ['3.3']),
    fixable: false,
  },
  check(context) {
    eachRegion(context, context.snapshot.configRecorders, (region, recorders) => {
      if (recorders.some((r) => r.recording && r.allSupported)) return;
      const what =
        recorders.length === 0
          ? 'has no AWS Config recorder'
          : recorders.some((r) => r.recording)
            ? 'has an AWS Config recorder that does not record all resource types'
            : 'has an AWS Config recorder that is not recording';
      context.report({ entity: regionEntity(context.snapshot, region, 'config'), message: `${region} ${what}.` });
    });
  },
};

export default rule;
