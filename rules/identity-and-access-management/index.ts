import type { Rule } from '../../server/src/engine/rule';
import iamPolicyNoWildcardAction from './iam-policy-no-wildcard-action';
import apigatewayMethodAuthorizationRequired from './apigateway-method-authorization-required';
import apigatewayv2RouteAuthorizationRequired from './apigatewayv2-route-authorization-required';
import cognitoIdentityPoolNoUnauthenticatedAccess from './cognito-identity-pool-no-unauthenticated-access';
import cognitoUserPoolMfaEnabled from './cognito-user-pool-mfa-enabled';
import environmentVariableNoPlaintextSecret from './environment-variable-no-plaintext-secret';
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
  iamPolicyNoWildcardAction,
  apigatewayMethodAuthorizationRequired,
  apigatewayv2RouteAuthorizationRequired,
  cognitoIdentityPoolNoUnauthenticatedAccess,
  cognitoUserPoolMfaEnabled,
  environmentVariableNoPlaintextSecret,
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
