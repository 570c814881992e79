import type { Rule } from '../../server/src/engine/rule';
import ec2Imdsv2Required from './ec2-imdsv2-required';
import ec2NetworkAclNoPublicAdminIngress from './ec2-network-acl-no-public-admin-ingress';
import ec2SecurityGroupNoBroadIngressCidr from './ec2-security-group-no-broad-ingress-cidr';
import ec2SecurityGroupNoPublicAdminIngress from './ec2-security-group-no-public-admin-ingress';
import ec2SecurityGroupNoPublicDatabaseIngress from './ec2-security-group-no-public-database-ingress';
import ec2SecurityGroupNoPublicIngress from './ec2-security-group-no-public-ingress';
import ec2SecurityGroupNoUnrestrictedEgress from './ec2-security-group-no-unrestricted-egress';
import eksClusterEndpointNotPublic from './eks-cluster-endpoint-not-public';
import ecsTaskDefinitionNoPrivilegedContainers from './ecs-task-definition-no-privileged-containers';
import ecsTaskDefinitionNoHostNetwork from './ecs-task-definition-no-host-network';
import ecsTaskDefinitionNonRootUser from './ecs-task-definition-non-root-user';
import ecsTaskDefinitionReadOnlyRootFilesystem from './ecs-task-definition-read-only-root-filesystem';
import ecrRepositoryScanOnPush from './ecr-repository-scan-on-push';
import ecrRepositoryImmutableTags from './ecr-repository-immutable-tags';
import lambdaFunctionInVpc from './lambda-function-in-vpc';
import dmsReplicationInstanceNotPubliclyAccessible from './dms-replication-instance-not-publicly-accessible';
import mqBrokerNotPubliclyAccessible from './mq-broker-not-publicly-accessible';
import mskClusterNotPubliclyAccessible from './msk-cluster-not-publicly-accessible';
import redshiftClusterNotPubliclyAccessible from './redshift-cluster-not-publicly-accessible';
import opensearchDomainInVpc from './opensearch-domain-in-vpc';
import rdsInstanceNotPubliclyAccessible from './rds-instance-not-publicly-accessible';
import sagemakerNotebookNoDirectInternet from './sagemaker-notebook-no-direct-internet';
import ec2InstanceNoPublicIp from './ec2-instance-no-public-ip';
import ec2SubnetNoAutoAssignPublicIp from './ec2-subnet-no-auto-assign-public-ip';
import albDropsInvalidHeaderFields from './alb-drops-invalid-header-fields';
import cloudfrontDistributionWebAcl from './cloudfront-distribution-web-acl';
import wafWebAclHasRules from './waf-web-acl-has-rules';
import apigatewayStageWebAcl from './apigateway-stage-web-acl';

/** The infrastructure protection rules, in any order: rules/index.ts sorts them. */
export const infrastructureProtectionRules: readonly Rule[] = [
  ec2Imdsv2Required,
  ec2NetworkAclNoPublicAdminIngress,
  ec2SecurityGroupNoBroadIngressCidr,
  ec2SecurityGroupNoPublicAdminIngress,
  ec2SecurityGroupNoPublicDatabaseIngress,
  ec2SecurityGroupNoPublicIngress,
  ec2SecurityGroupNoUnrestrictedEgress,
  rdsInstanceNotPubliclyAccessible,
  lambdaFunctionInVpc,
  ecrRepositoryImmutableTags,
  ecrRepositoryScanOnPush,
  ecsTaskDefinitionReadOnlyRootFilesystem,
  ecsTaskDefinitionNonRootUser,
  ecsTaskDefinitionNoHostNetwork,
  ecsTaskDefinitionNoPrivilegedContainers,
  eksClusterEndpointNotPublic,
  opensearchDomainInVpc,
  redshiftClusterNotPubliclyAccessible,
  mskClusterNotPubliclyAccessible,
  mqBrokerNotPubliclyAccessible,
  dmsReplicationInstanceNotPubliclyAccessible,
  sagemakerNotebookNoDirectInternet,
  ec2InstanceNoPublicIp,
  ec2SubnetNoAutoAssignPublicIp,
  albDropsInvalidHeaderFields,
  cloudfrontDistributionWebAcl,
  wafWebAclHasRules,
  apigatewayStageWebAcl,
];
