import type { Rule } from '../../server/src/engine/rule';
import apigatewayMethodAuthorizationRequired from './apigateway-method-authorization-required';
import apigatewayv2RouteAuthorizationRequired from './apigatewayv2-route-authorization-required';
import cognitoIdentityPoolNoUnauthenticatedAccess from './cognito-identity-pool-no-unauthenticated-access';
import cognitoUserPoolMfaEnabled from './cognito-user-pool-mfa-enabled';
import environmentVariableNoPlaintextSecret from './environment-variable-no-plaintext-secret';
import iamNoAdminManagedPolicies from './iam-no-admin-managed-policies';
import iamPolicyActionResourceMatch from './iam-policy-action-resource-match';
import iamPolicyAttachedToGroupsOrRoles from './iam-policy-attached-to-groups-or-roles';
import iamPolicyConditionKeysApply from './iam-policy-condition-keys-apply';
import iamPolicyConditionSetOperators from './iam-policy-condition-set-operators';
import iamPolicyElementsFitKind from './iam-policy-elements-fit-kind';
import iamPolicyKnownActions from './iam-policy-known-actions';
import iamPolicyNoAllowNotAction from './iam-policy-no-allow-not-action';
import iamPolicyNoAllowNotPrincipal from './iam-policy-no-allow-not-principal';
import iamPolicyNoAllowNotResource from './iam-policy-no-allow-not-resource';
import iamPolicyNoCredentialsExposure from './iam-policy-no-credentials-exposure';
import iamPolicyNoPrivilegeEscalation from './iam-policy-no-privilege-escalation';
import iamPolicyNoSensitiveReadOnAllResources from './iam-policy-no-sensitive-read-on-all-resources';
import iamPolicyNoServiceWildcardAction from './iam-policy-no-service-wildcard-action';
import iamPolicyNoWildcardAction from './iam-policy-no-wildcard-action';
import iamPolicyNoWildcardResourceForWrite from './iam-policy-no-wildcard-resource-for-write';
import iamPolicyPassroleNoWildcardResource from './iam-policy-passrole-no-wildcard-resource';
import iamPolicyPassrolePassedToService from './iam-policy-passrole-passed-to-service';
import iamPolicyStatementValid from './iam-policy-statement-valid';
import iamPolicyValidConditions from './iam-policy-valid-conditions';
import iamPolicyValidResourceArns from './iam-policy-valid-resource-arns';
import iamPolicyVersionCurrent from './iam-policy-version-current';
import iamResourcePolicyNoPublicAccess from './iam-resource-policy-no-public-access';
import iamResourcePolicyServicePrincipalSource from './iam-resource-policy-service-principal-source';
import iamRoleTrustCrossAccountCondition from './iam-role-trust-cross-account-condition';
import iamRoleTrustNoPublicPrincipal from './iam-role-trust-no-public-principal';
import iamRoleTrustOidcSubject from './iam-role-trust-oidc-subject';
import iamUserNoAccessKey from './iam-user-no-access-key';
import iamUserNoConsolePassword from './iam-user-no-console-password';
import lambdaFunctionUrlAuthRequired from './lambda-function-url-auth-required';
import rdsIamDatabaseAuthenticationEnabled from './rds-iam-database-authentication-enabled';
import secretParameterNoDefault from './secret-parameter-no-default';
import secretParameterNoEcho from './secret-parameter-no-echo';
import secretPropertyNoPlaintext from './secret-property-no-plaintext';
import secretsmanagerSecretRotationEnabled from './secretsmanager-secret-rotation-enabled';
import userDataNoPlaintextSecret from './user-data-no-plaintext-secret';

/** The identity and access management rules, in any order: rules/index.ts sorts them. */
export const identityAndAccessManagementRules: readonly Rule[] = [
  apigatewayMethodAuthorizationRequired,
  apigatewayv2RouteAuthorizationRequired,
  cognitoIdentityPoolNoUnauthenticatedAccess,
  cognitoUserPoolMfaEnabled,
  environmentVariableNoPlaintextSecret,
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
  iamUserNoAccessKey,
  iamUserNoConsolePassword,
  lambdaFunctionUrlAuthRequired,
  rdsIamDatabaseAuthenticationEnabled,
  secretParameterNoDefault,
  secretParameterNoEcho,
  secretPropertyNoPlaintext,
  secretsmanagerSecretRotationEnabled,
  userDataNoPlaintextSecret,
];
