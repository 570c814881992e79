import type { Rule } from '../server/src/engine/rule';
import cloudtrailMultiRegionEnabled from './detective-controls/cloudtrail-multi-region-enabled';
import ebsVolumeEncryptionEnabled from './data-protection/ebs-volume-encryption-enabled';
import rdsInstanceStorageEncrypted from './data-protection/rds-instance-storage-encrypted';
import s3BucketPublicAccessBlock from './data-protection/s3-bucket-public-access-block';
import iamPolicyNoWildcardAction from './identity-and-access-management/iam-policy-no-wildcard-action';
import cloudtrailLogFileValidationEnabled from './incident-response/cloudtrail-log-file-validation-enabled';
import ec2SecurityGroupNoPublicAdminIngress from './infrastructure-protection/ec2-security-group-no-public-admin-ingress';

/** Every rule, sorted by id. Ids are unique and stable forever. */
export const RULES: readonly Rule[] = [
  cloudtrailLogFileValidationEnabled,
  cloudtrailMultiRegionEnabled,
  ebsVolumeEncryptionEnabled,
  ec2SecurityGroupNoPublicAdminIngress,
  iamPolicyNoWildcardAction,
  rdsInstanceStorageEncrypted,
  s3BucketPublicAccessBlock,
];
