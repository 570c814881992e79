import type { Rule } from '../../server/src/engine/rule';
import eksClusterEndpointNotPublic from './eks-cluster-endpoint-not-public';
import ec2SecurityGroupNoPublicAdminIngress from './ec2-security-group-no-public-admin-ingress';
import dmsReplicationInstanceNotPubliclyAccessible from './dms-replication-instance-not-publicly-accessible';
import mqBrokerNotPubliclyAccessible from './mq-broker-not-publicly-accessible';
import mskClusterNotPubliclyAccessible from './msk-cluster-not-publicly-accessible';
import redshiftClusterNotPubliclyAccessible from './redshift-cluster-not-publicly-accessible';
import opensearchDomainInVpc from './opensearch-domain-in-vpc';
import rdsInstanceNotPubliclyAccessible from './rds-instance-not-publicly-accessible';

/** The infrastructure protection rules, in any order: rules/index.ts sorts them. */
export const infrastructureProtectionRules: readonly Rule[] = [
  ec2SecurityGroupNoPublicAdminIngress,
  rdsInstanceNotPubliclyAccessible,
  eksClusterEndpointNotPublic,
  opensearchDomainInVpc,
  redshiftClusterNotPubliclyAccessible,
  mskClusterNotPubliclyAccessible,
  mqBrokerNotPubliclyAccessible,
  dmsReplicationInstanceNotPubliclyAccessible,
];
