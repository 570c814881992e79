import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, eachRegion, regionEntity } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-access-analyzer-enabled',
    area: 'identity-and-access-management',
    bestPractice: ['SEC03-BP07', 'SEC03-BP04'],
    severity: 'warning',
    title: 'IAM Access Analyzer must run in every region',
    rationale:
      'Buckets, keys, queues and roles can be shared with other accounts or the public through their own policies, one resource at a time. Access Analyzer finds every such grant in its region; without it, an unintended share goes unseen.',
    remediation: 'Create an analyzer with the account (or organization) as its zone of trust in each region: `aws accessanalyzer create-analyzer --analyzer-name pillar --type ACCOUNT --region R`, and review its findings.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['IAM.28'], ['1.20']),
    fixable: false,
  },
  check(context) {
    eachRegion(context, context.snapshot.accessAnalyzers, (region, analyzers) => {
      // Unused-access analyzers do not look for external access.
      if (analyzers.some((a) => a.active && (a.type === 'ACCOUNT' || a.type === 'ORGANIZATION'))) return;
      context.report({ entity: regionEntity(context.snapshot, region, 'access-analyzer'), message: `No active IAM Access Analyzer in ${region}.` });
    });
  },
};

export default rule;
