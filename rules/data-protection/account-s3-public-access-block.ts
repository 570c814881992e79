import type { AccountRule, PublicAccessBlock } from '../../server/src/engine/account';
import { accountEquivalents, consolePage } from '../lib/account';

const SETTINGS: readonly (readonly [keyof PublicAccessBlock, string])[] = [
  ['blockPublicAcls', 'BlockPublicAcls'],
  ['ignorePublicAcls', 'IgnorePublicAcls'],
  ['blockPublicPolicy', 'BlockPublicPolicy'],
  ['restrictPublicBuckets', 'RestrictPublicBuckets'],
];

const rule: AccountRule = {
  meta: {
    id: 'account-s3-public-access-block',
    area: 'data-protection',
    bestPractice: ['SEC08-BP04', 'SEC03-BP07'],
    severity: 'error',
    title: 'S3 Block Public Access must be on for the whole account',
    rationale:
      'The account-level block overrides every bucket\'s own settings, ACLs and policies: with all four settings on, no bucket in the account, present or future, can be made public by mistake. Buckets that must serve the public belong behind CloudFront.',
    remediation: 'In the S3 console\'s "Block Public Access settings for this account", turn on all four settings, or `aws s3control put-public-access-block --account-id ACCOUNT --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`.',
    docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['S3.1'], ['2.1.4']),
    fixable: false,
  },
  check(context) {
    const block = context.use(context.snapshot.s3PublicAccessBlock);
    if (block === undefined) return;
    const entity = { kind: 'account' as const, id: context.snapshot.accountId, console: consolePage.s3Settings(context.snapshot) };
    if (block === null) {
      context.report({ entity, message: 'The account has no S3 Block Public Access settings: each bucket decides alone.' });
      return;
    }
    const off = SETTINGS.filter(([field]) => !block[field]).map(([, name]) => name);
    if (off.length > 0) context.report({ entity, message: `The account's S3 Block Public Access leaves ${off.join(', ')} off.` });
  },
};

export default rule;
