import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-vpc-flow-logs-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01', 'SEC05-BP02'],
    severity: 'warning',
    title: 'Every VPC must have flow logs',
    rationale:
      'Flow logs record which addresses talked to which, on what port, and whether it was allowed. Without them nobody can tell after an incident what a compromised instance connected to, or spot traffic that should not exist.',
    remediation: 'Create a flow log for the VPC to CloudWatch Logs or S3 (`aws ec2 create-flow-logs --resource-type VPC --resource-ids VPC_ID --traffic-type ALL ...`), recording at least rejected traffic.',
    docs: ['https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['EC2.6'], ['3.7']),
    fixable: false,
  },
  check(context) {
    const { snapshot } = context;
    for (const { region, result } of snapshot.vpcs) {
      const vpcs = context.use(result);
      if (!vpcs || vpcs.length === 0) continue;
      const flowLogs = context.use(snapshot.flowLogs.find((entry) => entry.region === region)?.result ?? { ok: true, value: [] });
      if (!flowLogs) continue;
      const logged = new Set(flowLogs.filter((log) => log.active).map((log) => log.resourceId));
      for (const vpc of vpcs) {
        if (logged.has(vpc.id)) continue;
        context.report({
          entity: { kind: 'vpc', id: vpc.id, region, console: consolePage.regional(snapshot, region, 'vpcconsole', `VpcDetails:VpcId=${vpc.id}`) },
          message: `${vpc.isDefault ? 'Default VPC' : 'VPC'} ${vpc.id} in ${region} has no active flow log.`,
        });
      }
    }
  },
};

export default rule;
