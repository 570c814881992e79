import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, trailEntity, uniqueTrails } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-cloudtrail-kms-encryption',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02', 'SEC04-BP01'],
    severity: 'warning',
    title: 'CloudTrail logs must be encrypted with a KMS key',
    rationale:
      'CloudTrail logs describe the whole account: who holds what, which resources exist, which calls failed. With a customer managed KMS key, reading them takes both bucket access and key permission, and every decryption is itself logged.',
    remediation: 'Create a KMS key whose policy lets CloudTrail encrypt and your investigators decrypt, then `aws cloudtrail update-trail --name TRAIL --kms-key-id KEY`.',
    docs: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['CloudTrail.2'], ['3.5']),
    fixable: false,
  },
  check(context) {
    for (const trail of uniqueTrails(context) ?? []) {
      if (!trail.kmsKeyId) context.report({ entity: trailEntity(context.snapshot, trail), message: `Trail ${trail.name} does not encrypt its logs with a KMS key.` });
    }
  },
};

export default rule;
