import type { Rule } from '../../server/src/engine/rule';
import apigatewayStageAccessLogging from './apigateway-stage-access-logging';
import apigatewayStageExecutionLogging from './apigateway-stage-execution-logging';
import apigatewayStageXrayTracing from './apigateway-stage-xray-tracing';
import cloudfrontDistributionLoggingEnabled from './cloudfront-distribution-logging-enabled';
import cloudtrailCloudwatchLogsEnabled from './cloudtrail-cloudwatch-logs-enabled';
import cloudtrailKmsEncryptionEnabled from './cloudtrail-kms-encryption-enabled';
import cloudtrailLoggingEnabled from './cloudtrail-logging-enabled';
import cloudtrailMultiRegionEnabled from './cloudtrail-multi-region-enabled';
import configRecorderAllResources from './config-recorder-all-resources';
import documentdbAuditLogsEnabled from './documentdb-audit-logs-enabled';
import eksClusterControlPlaneLogging from './eks-cluster-control-plane-logging';
import guarddutyDetectorEnabled from './guardduty-detector-enabled';
import guarddutyDetectorFeatures from './guardduty-detector-features';
import logGroupRetentionPeriod from './log-group-retention-period';
import mqBrokerAuditLoggingEnabled from './mq-broker-audit-logging-enabled';
import mskClusterBrokerLoggingEnabled from './msk-cluster-broker-logging-enabled';
import neptuneAuditLogsEnabled from './neptune-audit-logs-enabled';
import redshiftClusterAuditLoggingEnabled from './redshift-cluster-audit-logging-enabled';
import securityHubEnabled from './security-hub-enabled';
import elbAccessLogsEnabled from './elb-access-logs-enabled';
import s3BucketAccessLoggingEnabled from './s3-bucket-access-logging-enabled';
import vpcFlowLogsEnabled from './vpc-flow-logs-enabled';
import opensearchAuditLogsEnabled from './opensearch-audit-logs-enabled';
import opensearchSlowLogsEnabled from './opensearch-slow-logs-enabled';
import rdsEnhancedMonitoringEnabled from './rds-enhanced-monitoring-enabled';
import rdsLogExportsEnabled from './rds-log-exports-enabled';

/** The detective controls rules, in any order: rules/index.ts sorts them. */
export const detectiveControlsRules: readonly Rule[] = [
  apigatewayStageAccessLogging,
  apigatewayStageExecutionLogging,
  apigatewayStageXrayTracing,
  cloudfrontDistributionLoggingEnabled,
  cloudtrailCloudwatchLogsEnabled,
  cloudtrailKmsEncryptionEnabled,
  cloudtrailLoggingEnabled,
  cloudtrailMultiRegionEnabled,
  configRecorderAllResources,
  documentdbAuditLogsEnabled,
  eksClusterControlPlaneLogging,
  guarddutyDetectorEnabled,
  guarddutyDetectorFeatures,
  logGroupRetentionPeriod,
  mqBrokerAuditLoggingEnabled,
  elbAccessLogsEnabled,
  mskClusterBrokerLoggingEnabled,
  neptuneAuditLogsEnabled,
  opensearchAuditLogsEnabled,
  opensearchSlowLogsEnabled,
  rdsEnhancedMonitoringEnabled,
  rdsLogExportsEnabled,
  redshiftClusterAuditLoggingEnabled,
  securityHubEnabled,
  s3BucketAccessLoggingEnabled,
  vpcFlowLogsEnabled,
];
