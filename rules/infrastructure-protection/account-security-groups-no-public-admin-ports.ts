import type { AccountRule, IngressRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage, eachRegion } from '../lib/account';

/** Remote administration ports: SSH and RDP. */
const ADMIN_PORTS: readonly (readonly [number, string])[] = [
  [22, 'SSH'],
  [3389, 'RDP'],
];
const WORLD = new Set(['0.0.0.0/0', '::/0']);

/** The administration ports a rule opens to the world (all of them for protocol -1). */
function openAdminPorts(rule: IngressRule): string[] {
  const world = rule.cidrs.filter((cidr) => WORLD.has(cidr));
  if (world.length === 0) return [];
  const allTraffic = rule.protocol === '-1' || rule.protocol === 'all';
  if (!allTraffic && rule.protocol !== 'tcp' && rule.protocol !== '6') return [];
  const from = rule.fromPort ?? 0;
  const to = rule.toPort ?? 65535;
  return ADMIN_PORTS.filter(([port]) => allTraffic || (from <= port && port <= to)).map(([port, name]) => `${name} (${port}) from ${world.join(' and ')}`);
}

const rule: AccountRule = {
  meta: {
    id: 'account-security-groups-no-public-admin-ports',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP02', 'SEC06-BP05'],
    severity: 'error',
    title: 'Security groups must not open SSH or RDP to the internet',
    rationale:
      'SSH and RDP open to 0.0.0.0/0 or ::/0 are scanned within minutes of appearing and face password guessing and exploits around the clock. Administration does not need an open port: Session Manager or a VPN reaches instances without one.',
    remediation: 'Remove the rule, or narrow its source to your administration network. Use AWS Systems Manager Session Manager (or EC2 Instance Connect Endpoint) to reach instances without inbound ports.',
    docs: ['https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html', 'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['EC2.13', 'EC2.14', 'EC2.53', 'EC2.54'], ['5.2', '5.3']),
    fixable: false,
  },
  check(context) {
    eachRegion(context, context.snapshot.securityGroups, (region, groups) => {
      for (const group of groups) {
        const open = [...new Set(group.ingress.flatMap(openAdminPorts))];
        if (open.length === 0) continue;
        context.report({
          entity: { kind: 'security-group', id: group.id, region, console: consolePage.regional(context.snapshot, region, 'ec2', `SecurityGroup:groupId=${group.id}`) },
          message: `Security group ${group.id} (${group.name}) in ${region} opens ${open.join(', ')}.`,
        });
      }
    });
  },
};

export default rule;
