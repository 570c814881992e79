import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage, eachRegion } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-kms-key-rotation',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01'],
    severity: 'warning',
    title: 'Customer managed KMS keys must rotate their key material',
    rationale:
      'Automatic rotation gives a symmetric key new cryptographic material every year while old data stays readable. It limits how much data any one key version protects, and it is what most compliance regimes expect of a key that lives for years.',
    remediation: 'Turn on automatic rotation for each listed key: `aws kms enable-key-rotation --key-id KEY --region R` (optionally with `--rotation-period-in-days`).',
    docs: ['https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['KMS.4'], ['3.6']),
    fixable: false,
  },
  check(context) {
    eachRegion(context, context.snapshot.kmsKeys, (region, keys) => {
      for (const key of keys) {
        if (key.rotation === undefined) continue; // AWS managed, asymmetric or disabled: rotation does not apply
        if (context.use(key.rotation) !== false) continue;
        context.report({
          entity: { kind: 'key', id: key.id, region, console: consolePage.regional(context.snapshot, region, 'kms', `/kms/keys/${key.id}`) },
          message: `KMS key ${key.id} in ${region} does not rotate its key material.`,
        });
      }
    });
  },
};

export default rule;
