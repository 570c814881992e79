import type { Rule } from '../../server/src/engine/rule';
import ebsBlockDeviceEncryptionEnabled from './ebs-block-device-encryption-enabled';
import ebsCustomerManagedKey from './ebs-customer-managed-key';
import ebsVolumeEncryptionEnabled from './ebs-volume-encryption-enabled';
import rdsInstanceStorageEncrypted from './rds-instance-storage-encrypted';
import s3BucketEncryption from './s3-bucket-encryption';
import s3BucketKmsEncryption from './s3-bucket-kms-encryption';
import s3BucketPolicyRequiresTls from './s3-bucket-policy-requires-tls';
import s3BucketPublicAccessBlock from './s3-bucket-public-access-block';
import databaseBackupRetentionPeriod from './database-backup-retention-period';
import databaseDeletionProtectionEnabled from './database-deletion-protection-enabled';
import dynamodbTablePointInTimeRecoveryEnabled from './dynamodb-table-point-in-time-recovery-enabled';
import s3BucketVersioningEnabled from './s3-bucket-versioning-enabled';
import statefulResourceDeletionPolicy from './stateful-resource-deletion-policy';

/** The data protection rules, in any order: rules/index.ts sorts them. */
export const dataProtectionRules: readonly Rule[] = [
  ebsBlockDeviceEncryptionEnabled,
  ebsCustomerManagedKey,
  ebsVolumeEncryptionEnabled,
  rdsInstanceStorageEncrypted,
  s3BucketEncryption,
  s3BucketKmsEncryption,
  s3BucketPolicyRequiresTls,
  s3BucketPublicAccessBlock,
  databaseBackupRetentionPeriod,
  databaseDeletionProtectionEnabled,
  dynamodbTablePointInTimeRecoveryEnabled,
  s3BucketVersioningEnabled,
  statefulResourceDeletionPolicy,
];
