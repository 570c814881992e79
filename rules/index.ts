import type { Rule } from '../server/src/engine/rule';
import ebsVolumeEncryptionEnabled from './data-protection/ebs-volume-encryption-enabled';
import rdsInstanceStorageEncrypted from './data-protection/rds-instance-storage-encrypted';
import s3BucketPolicyRequiresTls from './data-protection/s3-bucket-policy-requires-tls';
import s3BucketPublicAccessBlock from './data-protection/s3-bucket-public-access-block';
import cloudtrailMultiRegionEnabled from './detective-controls/cloudtrail-multi-region-enabled';
import iamNoAdminManagedPolicies from './identity-and-access-management/iam-no-admin-managed-policies';
import iamPolicyActionResourceMatch from './identity-and-access-management/iam-policy-action-resource-match';
import iamPolicyAttachedToGroupsOrRoles from './identity-and-access-management/iam-policy-attached-to-groups-or-roles';
import iamPolicyConditionKeysApply from './identity-and-access-management/iam-policy-condition-keys-apply';
import iamPolicyConditionSetOperators from './identity-and-access-management/iam-policy-condition-set-operators';
import iamPolicyElementsFitKind from './identity-and-access-management/iam-policy-elements-fit-kind';
import iamPolicyKnownActions from './identity-and-access-management/iam-policy-known-actions';
import iamPolicyNoAllowNotAction from './identity-and-access-management/iam-policy-no-allow-not-action';
import iamPolicyNoAllowNotPrincipal from './identity-and-access-management/iam-policy-no-allow-not-principal';
import iamPolicyNoAllowNotResource from './identity-and-access-management/iam-policy-no-allow-not-resource';
import iamPolicyNoCredentialsExposure from './identity-and-access-management/iam-policy-no-credentials-exposure';
import iamPolicyNoPrivilegeEscalation from './identity-and-access-management/iam-policy-no-privilege-escalation';
import iamPolicyNoSensitiveReadOnAllResources from './identity-and-access-management/iam-policy-no-sensitive-read-on-all-resources';
import iamPolicyNoServiceWildcardAction from './identity-and-access-management/iam-policy-no-service-wildcard-action';
import iamPolicyNoWildcardAction from './identity-and-access-management/iam-policy-no-wildcard-action';
import iamPolicyNoWildcardResourceForWrite from './identity-and-access-management/iam-policy-no-wildcard-resource-for-write';
import iamPolicyPassroleNoWildcardResource from './identity-and-access-management/iam-policy-passrole-no-wildcard-resource';
import iamPolicyPassrolePassedToService from './identity-and-access-management/iam-policy-passrole-passed-to-service';
import iamPolicyStatementValid from './identity-and-access-management/iam-policy-statement-valid';
import iamPolicyValidConditions from './identity-and-access-management/iam-policy-valid-conditions';
import iamPolicyValidResourceArns from './identity-and-access-management/iam-policy-valid-resource-arns';
import iamPolicyVersionCurrent from './identity-and-access-management/iam-policy-version-current';
import iamResourcePolicyNoPublicAccess from './identity-and-access-management/iam-resource-policy-no-public-access';
import iamResourcePolicyServicePrincipalSource from './identity-and-access-management/iam-resource-policy-service-principal-source';
import iamRoleTrustCrossAccountCondition from './identity-and-access-management/iam-role-trust-cross-account-condition';
import iamRoleTrustNoPublicPrincipal from './identity-and-access-management/iam-role-trust-no-public-principal';
import iamRoleTrustOidcSubject from './identity-and-access-management/iam-role-trust-oidc-subject';
import cloudtrailLogFileValidationEnabled from './incident-response/cloudtrail-log-file-validation-enabled';
import ec2SecurityGroupNoPublicAdminIngress from './infrastructure-protection/ec2-security-group-no-public-admin-ingress';

/** Every rule, sorted by id. Ids are unique and stable forever. */
export const RULES: readonly Rule[] = [
  cloudtrailLogFileValidationEnabled,
  cloudtrailMultiRegionEnabled,
  ebsVolumeEncryptionEnabled,
  ec2SecurityGroupNoPublicAdminIngress,
  iamNoAdminManagedPolicies,
  iamPolicyActionResourceMatch,
  iamPolicyAttachedToGroupsOrRoles,
  iamPolicyConditionKeysApply,
  iamPolicyConditionSetOperators,
  iamPolicyElementsFitKind,
  iamPolicyKnownActions,
  iamPolicyNoAllowNotAction,
  iamPolicyNoAllowNotPrincipal,
  iamPolicyNoAllowNotResource,
  iamPolicyNoCredentialsExposure,
  iamPolicyNoPrivilegeEscalation,
  iamPolicyNoSensitiveReadOnAllResources,
  iamPolicyNoServiceWildcardAction,
  iamPolicyNoWildcardAction,
  iamPolicyNoWildcardResourceForWrite,
  iamPolicyPassroleNoWildcardResource,
  iamPolicyPassrolePassedToService,
  iamPolicyStatementValid,
  iamPolicyValidConditions,
  iamPolicyValidResourceArns,
  iamPolicyVersionCurrent,
  iamResourcePolicyNoPublicAccess,
  iamResourcePolicyServicePrincipalSource,
  iamRoleTrustCrossAccountCondition,
  iamRoleTrustNoPublicPrincipal,
  iamRoleTrustOidcSubject,
  rdsInstanceStorageEncrypted,
  s3BucketPolicyRequiresTls,
  s3BucketPublicAccessBlock,
];
