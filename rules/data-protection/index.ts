import type { Rule } from '../../server/src/engine/rule';
import efsFileSystemEncrypted from './efs-file-system-encrypted';
import ebsBlockDeviceEncryptionEnabled from './ebs-block-device-encryption-enabled';
import ebsCustomerManagedKey from './ebs-customer-managed-key';
import ebsVolumeEncryptionEnabled from './ebs-volume-encryption-enabled';
import rdsClusterStorageEncrypted from './rds-cluster-storage-encrypted';
import rdsInstanceStorageEncrypted from './rds-instance-storage-encrypted';
import redshiftClusterEncrypted from './redshift-cluster-encrypted';
import s3BucketEncryption from './s3-bucket-encryption';
import s3BucketKmsEncryption from './s3-bucket-kms-encryption';
import s3BucketNoPublicAcl from './s3-bucket-no-public-acl';
import s3BucketPolicyRequiresTls from './s3-bucket-policy-requires-tls';
import s3BucketPublicAccessBlock from './s3-bucket-public-access-block';
import daxClusterEncrypted from './dax-cluster-encrypted';
import databaseBackupRetentionPeriod from './database-backup-retention-period';
import databaseDeletionProtectionEnabled from './database-deletion-protection-enabled';
import dynamodbTableKmsEncryption from './dynamodb-table-kms-encryption';
import dynamodbTablePointInTimeRecoveryEnabled from './dynamodb-table-point-in-time-recovery-enabled';
import s3BucketVersioningEnabled from './s3-bucket-versioning-enabled';
import snsTopicEncrypted from './sns-topic-encrypted';
import sqsQueueEncrypted from './sqs-queue-encrypted';
import statefulResourceDeletionPolicy from './stateful-resource-deletion-policy';
import opensearchDomainEncryptedAtRest from './opensearch-domain-encrypted-at-rest';
import opensearchDomainNodeToNodeEncryption from './opensearch-domain-node-to-node-encryption';
import opensearchDomainHttpsRequired from './opensearch-domain-https-required';
import kinesisStreamEncrypted from './kinesis-stream-encrypted';
import firehoseDeliveryStreamEncrypted from './firehose-delivery-stream-encrypted';
import cloudwatchLogGroupKmsKey from './cloudwatch-log-group-kms-key';
import secretsmanagerSecretKmsKey from './secretsmanager-secret-kms-key';
import backupVaultKmsKey from './backup-vault-kms-key';
import codebuildProjectKmsKey from './codebuild-project-kms-key';
import mskClusterKmsKey from './msk-cluster-kms-key';
import mqBrokerKmsKey from './mq-broker-kms-key';
import ecrRepositoryKmsEncryption from './ecr-repository-kms-encryption';
import kmsKeyRotationEnabled from './kms-key-rotation-enabled';
import lambdaEnvironmentKmsKey from './lambda-environment-kms-key';
import sagemakerStorageKmsKey from './sagemaker-storage-kms-key';
import neptuneClusterStorageEncrypted from './neptune-cluster-storage-encrypted';
import docdbClusterStorageEncrypted from './docdb-cluster-storage-encrypted';
import docdbClusterParameterGroupTlsEnabled from './docdb-cluster-parameter-group-tls-enabled';
import elasticacheReplicationGroupEncryptedAtRest from './elasticache-replication-group-encrypted-at-rest';
import elasticacheReplicationGroupEncryptedInTransit from './elasticache-replication-group-encrypted-in-transit';
import elasticacheReplicationGroupAuthToken from './elasticache-replication-group-auth-token';
import mskClusterEncryptedInTransit from './msk-cluster-encrypted-in-transit';
import eksClusterSecretsEncryption from './eks-cluster-secrets-encryption';
import apigatewayStageCacheEncrypted from './apigateway-stage-cache-encrypted';
import athenaWorkgroupEncrypted from './athena-workgroup-encrypted';
import codebuildProjectArtifactsEncrypted from './codebuild-project-artifacts-encrypted';
import dataStoreClassificationTag from './data-store-classification-tag';
import elbHttpListenerRedirectsToHttps from './elb-http-listener-redirects-to-https';
import elbListenerTls12Policy from './elb-listener-tls12-policy';
import elbClassicListenerHttps from './elb-classic-listener-https';
import cloudfrontViewerHttpsOnly from './cloudfront-viewer-https-only';
import cloudfrontViewerTls12Policy from './cloudfront-viewer-tls12-policy';
import cloudfrontOriginHttpsOnly from './cloudfront-origin-https-only';
import cloudfrontOriginTls12 from './cloudfront-origin-tls12';
import apigatewayDomainTls12 from './apigateway-domain-tls12';

/** The data protection rules, in any order: rules/index.ts sorts them. */
export const dataProtectionRules: readonly Rule[] = [
  efsFileSystemEncrypted,
  ebsBlockDeviceEncryptionEnabled,
  ebsCustomerManagedKey,
  ebsVolumeEncryptionEnabled,
  rdsClusterStorageEncrypted,
  rdsInstanceStorageEncrypted,
  redshiftClusterEncrypted,
  s3BucketEncryption,
  s3BucketKmsEncryption,
  s3BucketNoPublicAcl,
  s3BucketPolicyRequiresTls,
  s3BucketPublicAccessBlock,
  daxClusterEncrypted,
  databaseBackupRetentionPeriod,
  databaseDeletionProtectionEnabled,
  dynamodbTableKmsEncryption,
  dynamodbTablePointInTimeRecoveryEnabled,
  s3BucketVersioningEnabled,
  snsTopicEncrypted,
  sqsQueueEncrypted,
  statefulResourceDeletionPolicy,
  opensearchDomainEncryptedAtRest,
  opensearchDomainNodeToNodeEncryption,
  opensearchDomainHttpsRequired,
  kinesisStreamEncrypted,
  firehoseDeliveryStreamEncrypted,
  cloudwatchLogGroupKmsKey,
  secretsmanagerSecretKmsKey,
  backupVaultKmsKey,
  codebuildProjectKmsKey,
  mskClusterKmsKey,
  mqBrokerKmsKey,
  ecrRepositoryKmsEncryption,
  kmsKeyRotationEnabled,
  lambdaEnvironmentKmsKey,
  sagemakerStorageKmsKey,
  neptuneClusterStorageEncrypted,
  docdbClusterStorageEncrypted,
  docdbClusterParameterGroupTlsEnabled,
  elasticacheReplicationGroupEncryptedAtRest,
  elasticacheReplicationGroupEncryptedInTransit,
  elasticacheReplicationGroupAuthToken,
  mskClusterEncryptedInTransit,
  eksClusterSecretsEncryption,
  apigatewayStageCacheEncrypted,
  athenaWorkgroupEncrypted,
  codebuildProjectArtifactsEncrypted,
  dataStoreClassificationTag,
  elbHttpListenerRedirectsToHttps,
  elbListenerTls12Policy,
  elbClassicListenerHttps,
  cloudfrontViewerHttpsOnly,
  cloudfrontViewerTls12Policy,
  cloudfrontOriginHttpsOnly,
  cloudfrontOriginTls12,
  apigatewayDomainTls12,
];
