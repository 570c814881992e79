import { describe, it } from 'node:test';
import type { IngressRule, Regional } from '../../../server/src/engine/account';
import analyzer from '../../../rules/identity-and-access-management/account-access-analyzer-enabled';
import guardDuty from '../../../rules/detective-controls/account-guardduty-enabled';
import config from '../../../rules/detective-controls/account-config-recorder-enabled';
import securityHub from '../../../rules/detective-controls/account-security-hub-enabled';
import flowLogs from '../../../rules/detective-controls/account-vpc-flow-logs-enabled';
import ebs from '../../../rules/data-protection/account-ebs-default-encryption';
import s3 from '../../../rules/data-protection/account-s3-public-access-block';
import kms from '../../../rules/data-protection/account-kms-key-rotation';
import securityGroups from '../../../rules/infrastructure-protection/account-security-groups-no-public-admin-ports';
import { checkAccountCases, denied, fail, notEvaluated, ok, pass, snapshotWith } from '../../helpers/account-snapshot';

/** eu-west-1's answer: `value`, or a denied call (us-east-1 keeps its secure value). */
const euWest = <T>(value: T): Regional<T> => ({ region: 'eu-west-1', result: ok(value) });
const euWestDenied = (action: string): Regional<never> => ({ region: 'eu-west-1', result: denied(action, 'eu-west-1') });

describe('account-access-analyzer-enabled', () => {
  checkAccountCases(analyzer, [
    { name: 'a region without an analyzer fails', snapshot: snapshotWith((s) => (s.accessAnalyzers[1] = euWest([]))), expected: fail('eu-west-1: No active IAM Access Analyzer in eu-west-1.') },
    { name: 'an unused-access analyzer does not count', snapshot: snapshotWith((s) => (s.accessAnalyzers[1] = euWest([{ name: 'unused', arn: 'arn', type: 'ACCOUNT_UNUSED_ACCESS', active: true }]))), expected: fail('eu-west-1: No active IAM Access Analyzer in eu-west-1.') },
    { name: 'an organization analyzer counts', snapshot: snapshotWith((s) => (s.accessAnalyzers[1] = euWest([{ name: 'org', arn: 'arn', type: 'ORGANIZATION', active: true }]))), expected: pass },
    { name: 'ListAnalyzers denied in one region: not evaluated there', snapshot: snapshotWith((s) => (s.accessAnalyzers[1] = euWestDenied('access-analyzer:ListAnalyzers'))), expected: notEvaluated('access-analyzer:ListAnalyzers eu-west-1') },
  ], it);
});

describe('account-guardduty-enabled', () => {
  checkAccountCases(guardDuty, [
    { name: 'no detector fails', snapshot: snapshotWith((s) => (s.guardDutyDetectors[1] = euWest([]))), expected: fail('eu-west-1: eu-west-1 has no GuardDuty detector.') },
    { name: 'a suspended detector fails', snapshot: snapshotWith((s) => (s.guardDutyDetectors[1] = euWest([{ id: 'd', enabled: false }]))), expected: fail('eu-west-1: eu-west-1 has a GuardDuty detector that is suspended.') },
    {
      name: 'a finding in one region and a denied call in the other: fail, with the gap listed',
      snapshot: snapshotWith((s) => {
        s.guardDutyDetectors[0] = { region: 'us-east-1', result: ok([]) };
        s.guardDutyDetectors[1] = euWestDenied('guardduty:ListDetectors');
      }),
      expected: { status: 'fail', findings: ['us-east-1: us-east-1 has no GuardDuty detector.'], unavailable: ['guardduty:ListDetectors eu-west-1'] },
    },
  ], it);
});

describe('account-config-recorder-enabled', () => {
  checkAccountCases(config, [
    { name: 'no recorder fails', snapshot: snapshotWith((s) => (s.configRecorders[1] = euWest([]))), expected: fail('eu-west-1: eu-west-1 has no AWS Config recorder.') },
    { name: 'a stopped recorder fails', snapshot: snapshotWith((s) => (s.configRecorders[1] = euWest([{ name: 'default', recording: false, allSupported: true }]))), expected: fail('eu-west-1: eu-west-1 has an AWS Config recorder that is not recording.') },
    { name: 'a recorder of some types only fails', snapshot: snapshotWith((s) => (s.configRecorders[1] = euWest([{ name: 'default', recording: true, allSupported: false }]))), expected: fail('eu-west-1: eu-west-1 has an AWS Config recorder that does not record all resource types.') },
    { name: 'DescribeConfigurationRecorders denied: not evaluated', snapshot: snapshotWith((s) => (s.configRecorders[1] = euWestDenied('config:DescribeConfigurationRecorders'))), expected: notEvaluated('config:DescribeConfigurationRecorders eu-west-1') },
  ], it);
});

describe('account-security-hub-enabled', () => {
  checkAccountCases(securityHub, [
    { name: 'a region without Security Hub fails', snapshot: snapshotWith((s) => (s.securityHub[1] = euWest(false))), expected: fail('eu-west-1: Security Hub is not enabled in eu-west-1.') },
    { name: 'DescribeHub denied: not evaluated', snapshot: snapshotWith((s) => (s.securityHub[1] = euWestDenied('securityhub:DescribeHub'))), expected: notEvaluated('securityhub:DescribeHub eu-west-1') },
  ], it);
});

describe('account-vpc-flow-logs-enabled', () => {
  checkAccountCases(flowLogs, [
    { name: 'a VPC without a flow log fails', snapshot: snapshotWith((s) => (s.flowLogs[1] = euWest([]))), expected: fail('vpc-0main: VPC vpc-0main in eu-west-1 has no active flow log.') },
    { name: 'a default VPC with a failed flow log fails', snapshot: snapshotWith((s) => ((s.vpcs[1] = euWest([{ id: 'vpc-0def', isDefault: true }])), (s.flowLogs[1] = euWest([{ id: 'fl', resourceId: 'vpc-0def', active: false }])))), expected: fail('vpc-0def: Default VPC vpc-0def in eu-west-1 has no active flow log.') },
    { name: 'a region without VPCs passes', snapshot: snapshotWith((s) => ((s.vpcs[1] = euWest([])), (s.flowLogs[1] = euWest([])))), expected: pass },
    { name: 'DescribeFlowLogs denied: not evaluated', snapshot: snapshotWith((s) => (s.flowLogs[1] = euWestDenied('ec2:DescribeFlowLogs'))), expected: notEvaluated('ec2:DescribeFlowLogs eu-west-1') },
  ], it);
});

describe('account-ebs-default-encryption', () => {
  checkAccountCases(ebs, [
    { name: 'off in one region fails', snapshot: snapshotWith((s) => (s.ebsEncryptionByDefault[1] = euWest(false))), expected: fail('eu-west-1: EBS encryption by default is off in eu-west-1.') },
    { name: 'GetEbsEncryptionByDefault denied: not evaluated', snapshot: snapshotWith((s) => (s.ebsEncryptionByDefault[1] = euWestDenied('ec2:GetEbsEncryptionByDefault'))), expected: notEvaluated('ec2:GetEbsEncryptionByDefault eu-west-1') },
  ], it);
});

describe('account-s3-public-access-block', () => {
  const block = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
  checkAccountCases(s3, [
    { name: 'no account block fails', snapshot: snapshotWith((s) => (s.s3PublicAccessBlock = ok(null))), expected: fail('111122223333: The account has no S3 Block Public Access settings: each bucket decides alone.') },
    { name: 'two settings off fail, named', snapshot: snapshotWith((s) => (s.s3PublicAccessBlock = ok({ ...block, ignorePublicAcls: false, restrictPublicBuckets: false }))), expected: fail("111122223333: The account's S3 Block Public Access leaves IgnorePublicAcls, RestrictPublicBuckets off.") },
    { name: 'GetAccountPublicAccessBlock denied: not evaluated', snapshot: snapshotWith((s) => (s.s3PublicAccessBlock = denied('s3:GetAccountPublicAccessBlock'))), expected: notEvaluated('s3:GetAccountPublicAccessBlock') },
  ], it);
});

describe('account-kms-key-rotation', () => {
  const key = { id: 'key-app', arn: 'arn:aws:kms:eu-west-1:111122223333:key/key-app', manager: 'CUSTOMER' as const, spec: 'SYMMETRIC_DEFAULT', state: 'Enabled' };
  checkAccountCases(kms, [
    { name: 'a customer key without rotation fails', snapshot: snapshotWith((s) => (s.kmsKeys[1] = euWest([{ ...key, rotation: ok(false) }]))), expected: fail('key-app: KMS key key-app in eu-west-1 does not rotate its key material.') },
    { name: 'an asymmetric key (rotation not asked) passes', snapshot: snapshotWith((s) => (s.kmsKeys[1] = euWest([{ ...key, spec: 'RSA_2048' }]))), expected: pass },
    { name: 'GetKeyRotationStatus denied for a key: not evaluated', snapshot: snapshotWith((s) => (s.kmsKeys[1] = euWest([{ ...key, rotation: denied('kms:GetKeyRotationStatus', 'eu-west-1') }]))), expected: notEvaluated('kms:GetKeyRotationStatus eu-west-1') },
  ], it);
});

describe('account-security-groups-no-public-admin-ports', () => {
  const group = (ingress: IngressRule[]) => snapshotWith((s) => (s.securityGroups[1] = euWest([{ id: 'sg-0admin', name: 'admin', vpcId: 'vpc-0main', ingress }])));
  checkAccountCases(securityGroups, [
    { name: 'SSH from 0.0.0.0/0 fails', snapshot: group([{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrs: ['0.0.0.0/0'] }]), expected: fail('sg-0admin: Security group sg-0admin (admin) in eu-west-1 opens SSH (22) from 0.0.0.0/0.') },
    { name: 'a port range over RDP from ::/0 fails', snapshot: group([{ protocol: 'tcp', fromPort: 3000, toPort: 4000, cidrs: ['::/0'] }]), expected: fail('sg-0admin: Security group sg-0admin (admin) in eu-west-1 opens RDP (3389) from ::/0.') },
    { name: 'all traffic from anywhere opens both', snapshot: group([{ protocol: '-1', fromPort: null, toPort: null, cidrs: ['0.0.0.0/0'] }]), expected: fail('sg-0admin: Security group sg-0admin (admin) in eu-west-1 opens SSH (22) from 0.0.0.0/0, RDP (3389) from 0.0.0.0/0.') },
    { name: 'UDP 22 from anywhere passes', snapshot: group([{ protocol: 'udp', fromPort: 22, toPort: 22, cidrs: ['0.0.0.0/0'] }]), expected: pass },
    { name: 'SSH from a private range passes', snapshot: group([{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrs: ['192.168.0.0/16'] }]), expected: pass },
    { name: 'DescribeSecurityGroups denied: not evaluated', snapshot: snapshotWith((s) => (s.securityGroups[1] = euWestDenied('ec2:DescribeSecurityGroups'))), expected: notEvaluated('ec2:DescribeSecurityGroups eu-west-1') },
  ], it);
});
