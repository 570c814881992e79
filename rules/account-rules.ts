import type { AccountRule } from '../server/src/engine/account';
import accountCloudtrailKmsEncryption from './data-protection/account-cloudtrail-kms-encryption';
import accountEbsDefaultEncryption from './data-protection/account-ebs-default-encryption';
import accountKmsKeyRotation from './data-protection/account-kms-key-rotation';
import accountS3PublicAccessBlock from './data-protection/account-s3-public-access-block';
import accountCloudtrailMultiRegionLogging from './detective-controls/account-cloudtrail-multi-region-logging';
import accountConfigRecorderEnabled from './detective-controls/account-config-recorder-enabled';
import accountGuarddutyEnabled from './detective-controls/account-guardduty-enabled';
import accountSecurityHubEnabled from './detective-controls/account-security-hub-enabled';
import accountVpcFlowLogsEnabled from './detective-controls/account-vpc-flow-logs-enabled';
import accountAccessAnalyzerEnabled from './identity-and-access-management/account-access-analyzer-enabled';
import accountAccessKeysRotated from './identity-and-access-management/account-access-keys-rotated';
import accountConsoleUsersMfaEnabled from './identity-and-access-management/account-console-users-mfa-enabled';
import accountCredentialsUnused from './identity-and-access-management/account-credentials-unused';
import accountPasswordPolicyComplexity from './identity-and-access-management/account-password-policy-complexity';
import accountPasswordPolicyMinLength from './identity-and-access-management/account-password-policy-min-length';
import accountPasswordPolicyReusePrevention from './identity-and-access-management/account-password-policy-reuse-prevention';
import accountPoliciesNoFullAdmin from './identity-and-access-management/account-policies-no-full-admin';
import accountRootMfaEnabled from './identity-and-access-management/account-root-mfa-enabled';
import accountRootNoAccessKeys from './identity-and-access-management/account-root-no-access-keys';
import accountRootNotUsedRecently from './identity-and-access-management/account-root-not-used-recently';
import accountServerCertificatesNotExpired from './identity-and-access-management/account-server-certificates-not-expired';
import accountUserSingleActiveAccessKey from './identity-and-access-management/account-user-single-active-access-key';
import accountUsersNoAttachedPolicies from './identity-and-access-management/account-users-no-attached-policies';
import accountCloudtrailLogFileValidation from './incident-response/account-cloudtrail-log-file-validation';
import accountSupportRoleExists from './incident-response/account-support-role-exists';
import accountSecurityGroupsNoPublicAdminPorts from './infrastructure-protection/account-security-groups-no-public-admin-ports';

/** Every account rule, sorted by id: checks of the live account's snapshot (`pillar posture`, the posture view). */
export const ACCOUNT_RULES: readonly AccountRule[] = [
  accountAccessAnalyzerEnabled,
  accountAccessKeysRotated,
  accountCloudtrailKmsEncryption,
  accountCloudtrailLogFileValidation,
  accountCloudtrailMultiRegionLogging,
  accountConfigRecorderEnabled,
  accountConsoleUsersMfaEnabled,
  accountCredentialsUnused,
  accountEbsDefaultEncryption,
  accountGuarddutyEnabled,
  accountKmsKeyRotation,
  accountPasswordPolicyComplexity,
  accountPasswordPolicyMinLength,
  accountPasswordPolicyReusePrevention,
  accountPoliciesNoFullAdmin,
  accountRootMfaEnabled,
  accountRootNoAccessKeys,
  accountRootNotUsedRecently,
  accountS3PublicAccessBlock,
  accountSecurityGroupsNoPublicAdminPorts,
  accountSecurityHubEnabled,
  accountServerCertificatesNotExpired,
  accountSupportRoleExists,
  accountUserSingleActiveAccessKey,
  accountUsersNoAttachedPolicies,
  accountVpcFlowLogsEnabled,
];
