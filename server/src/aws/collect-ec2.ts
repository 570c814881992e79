import {
  DescribeRegionsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeFlowLogs,
  paginateDescribeSecurityGroups,
  paginateDescribeVpcs,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import type { Collected, FlowLog, IngressRule, SecurityGroup, Vpc } from '../engine/account';
import { collect, MAX_PAGE, type AwsSession } from './session';

/** The regions enabled for the account (opt-in regions only once opted in). */
export async function enabledRegions(session: AwsSession, region: string): Promise<Collected<string[]>> {
  return collect('ec2:DescribeRegions', region, async () => {
    const { Regions } = await session.client(EC2Client, region).send(new DescribeRegionsCommand({ AllRegions: false }));
    return (Regions ?? []).map((r) => r.RegionName ?? '').filter(Boolean).sort();
  });
}

export interface Ec2Region {
  readonly ebsEncryptionByDefault: Collected<boolean>;
  readonly securityGroups: Collected<SecurityGroup[]>;
  readonly vpcs: Collected<Vpc[]>;
  readonly flowLogs: Collected<FlowLog[]>;
}

export async function collectEc2(session: AwsSession, region: string): Promise<Ec2Region> {
  const ec2 = session.client(EC2Client, region);
  const [ebsEncryptionByDefault, securityGroups, vpcs, flowLogs] = await Promise.all([
    collect('ec2:GetEbsEncryptionByDefault', region, async () => (await ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault === true),
    collect('ec2:DescribeSecurityGroups', region, async () => {
      const groups: SecurityGroup[] = [];
      for await (const page of paginateDescribeSecurityGroups({ client: ec2, pageSize: MAX_PAGE }, {})) {
        for (const g of page.SecurityGroups ?? []) groups.push({ id: g.GroupId ?? '', name: g.GroupName ?? '', vpcId: g.VpcId ?? null, ingress: (g.IpPermissions ?? []).map(ingressRule) });
      }
      return groups;
    }),
    collect('ec2:DescribeVpcs', region, async () => {
      const vpcs: Vpc[] = [];
      for await (const page of paginateDescribeVpcs({ client: ec2, pageSize: MAX_PAGE }, {})) for (const v of page.Vpcs ?? []) vpcs.push({ id: v.VpcId ?? '', isDefault: v.IsDefault === true });
      return vpcs;
    }),
    collect('ec2:DescribeFlowLogs', region, async () => {
      const logs: FlowLog[] = [];
      for await (const page of paginateDescribeFlowLogs({ client: ec2, pageSize: MAX_PAGE }, {})) {
        for (const f of page.FlowLogs ?? []) logs.push({ id: f.FlowLogId ?? '', resourceId: f.ResourceId ?? '', active: f.FlowLogStatus === 'ACTIVE' });
      }
      return logs;
    }),
  ]);
  return { ebsEncryptionByDefault, securityGroups, vpcs, flowLogs };
}

function ingressRule(permission: IpPermission): IngressRule {
  return {
    protocol: permission.IpProtocol ?? '-1',
    fromPort: permission.FromPort ?? null,
    toPort: permission.ToPort ?? null,
    cidrs: [...(permission.IpRanges ?? []).map((r) => r.CidrIp ?? ''), ...(permission.Ipv6Ranges ?? []).map((r) => r.CidrIpv6 ?? '')].filter(Boolean),
  };
}
