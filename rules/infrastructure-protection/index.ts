import type { Rule } from '../../server/src/engine/rule';
import ec2Imdsv2Required from './ec2-imdsv2-required';
import ec2NetworkAclNoPublicAdminIngress from './ec2-network-acl-no-public-admin-ingress';
import ec2SecurityGroupNoBroadIngressCidr from './ec2-security-group-no-broad-ingress-cidr';
import ec2SecurityGroupNoPublicAdminIngress from './ec2-security-group-no-public-admin-ingress';
import ec2SecurityGroupNoPublicDatabaseIngress from './ec2-security-group-no-public-database-ingress';
import ec2SecurityGroupNoPublicIngress from './ec2-security-group-no-public-ingress';
import ec2SecurityGroupNoUnrestrictedEgress from './ec2-security-group-no-unrestricted-egress';

/** The infrastructure protection rules, in any order: rules/index.ts sorts them. */
export const infrastructureProtectionRules: readonly Rule[] = [
  ec2Imdsv2Required,
  ec2NetworkAclNoPublicAdminIngress,
  ec2SecurityGroupNoBroadIngressCidr,
  ec2SecurityGroupNoPublicAdminIngress,
  ec2SecurityGroupNoPublicDatabaseIngress,
  ec2SecurityGroupNoPublicIngress,
  ec2SecurityGroupNoUnrestrictedEgress,
];
