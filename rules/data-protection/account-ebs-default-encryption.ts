import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, eachRegion, regionEntity } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-ebs-default-encryption',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02', 'SEC08-BP03'],
    severity: 'warning',
    title: 'EBS encryption by default must be on in every region',
    rationale:
      'With encryption by default, every new EBS volume and snapshot in the region is encrypted, whoever creates it and however: no template, script or console click can forget it. It costs nothing and has no performance impact worth measuring.',
    remediation: 'Turn it on in each region: `aws ec2 enable-ebs-encryption-by-default --region R` (EC2 console, Settings, EBS encryption). Existing volumes stay as they are; re-create unencrypted ones from encrypted snapshot copies.',
    docs: ['https://docs.aws.amazon.com/ebs/latest/userguide/work-with-ebs-encr.html#encryption-by-default'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['EC2.7'], ['2.2.1']),
    fixable: false,
  },
  check(context) {
    eachRegion(context, context.snapshot.ebsEncryptionByDefault, (region, enabled) => {
      if (!enabled) context.report({ entity: regionEntity(context.snapshot, region, 'ec2', 'Settings:tab=ebsEncryption'), message: `EBS encryption by default is off in ${region}.` });
    });
  },
};

export default rule;
