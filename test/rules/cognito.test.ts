import identityPool from '../../rules/identity-and-access-management/cognito-identity-pool-no-unauthenticated-access';
import userPoolMfa from '../../rules/identity-and-access-management/cognito-user-pool-mfa-enabled';
import { testRule } from '../helpers/rule-tester';

const pool = (properties: string) => `Resources:\n  Users:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolName: app\n${properties}`;

testRule(userPoolMfa, {
  valid: [
    { name: 'MFA required', code: pool('      MfaConfiguration: "ON"\n      EnabledMfas: [SOFTWARE_TOKEN_MFA]\n') },
    { name: 'MFA optional', code: pool('      MfaConfiguration: OPTIONAL\n      EnabledMfas: [SOFTWARE_TOKEN_MFA]\n') },
    { name: 'MFA from an import', code: pool('      MfaConfiguration: !ImportValue mfa-setting\n') },
  ],
  invalid: [
    {
      name: 'MFA not set: optional authenticator apps added',
      code: pool(''),
      findings: [{ range: '4:5-4:15', message: 'Users does not offer MFA: MfaConfiguration is not set and defaults to OFF.' }],
      output: pool('      MfaConfiguration: OPTIONAL\n      EnabledMfas:\n        - SOFTWARE_TOKEN_MFA\n'),
    },
    {
      name: 'MFA off, with SMS already configured',
      code: pool('      MfaConfiguration: "OFF"\n      EnabledMfas: [SMS_MFA]\n'),
      findings: [{ range: '6:25-6:30', message: 'Users turns off MFA: MfaConfiguration is "OFF".' }],
      output: pool('      MfaConfiguration: "OPTIONAL"\n      EnabledMfas: [SMS_MFA]\n'),
    },
    {
      name: 'MFA off in one branch',
      code: pool('      MfaConfiguration: !If [Strict, "ON", "OFF"]\n'),
      findings: [{ range: '6:25-6:50', message: 'Users turns off MFA: MfaConfiguration is "OFF" (when condition Strict is false).' }],
      output: pool('      MfaConfiguration: !If [Strict, "ON", "OPTIONAL"]\n      EnabledMfas:\n        - SOFTWARE_TOKEN_MFA\n'),
    },
    {
      name: 'no Properties at all, JSON',
      file: 't.json',
      code: '{"Resources": {"Users": {"Type": "AWS::Cognito::UserPool"}}}',
      findings: [{ range: '1:16-1:23' }],
      output: '{"Resources": {"Users": {"Type": "AWS::Cognito::UserPool", "Properties": {\n  "MfaConfiguration": "OPTIONAL",\n  "EnabledMfas": [\n    "SOFTWARE_TOKEN_MFA"\n  ]\n}}}}',
    },
  ],
});

const identities = (allow: string, attachment = '') => `Resources:\n  Identities:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: ${allow}\n${attachment}`;
const attach = (roles: string) => `  Roles:\n    Type: AWS::Cognito::IdentityPoolRoleAttachment\n    Properties:\n      IdentityPoolId: !Ref Identities\n      Roles:\n${roles}`;

testRule(identityPool, {
  valid: [
    { name: 'guests not allowed', code: identities('false') },
    { name: 'guests allowed, but the role attachment gives them no role', code: identities('true', attach('        authenticated: !GetAtt SignedIn.Arn\n')) },
  ],
  invalid: [
    {
      name: 'guests allowed',
      code: identities('true'),
      findings: [{ range: '5:39-5:43', message: 'Identities gives AWS credentials to anyone who asks: AllowUnauthenticatedIdentities is true.' }],
      output: identities('false'),
    },
    {
      name: 'guests allowed, with an unauthenticated role attached',
      code: identities('true', attach('        authenticated: !GetAtt SignedIn.Arn\n        unauthenticated: !GetAtt Guest.Arn\n')),
      findings: [{ range: '5:39-5:43' }],
      output: identities('false', attach('        authenticated: !GetAtt SignedIn.Arn\n        unauthenticated: !GetAtt Guest.Arn\n')),
    },
    {
      name: 'guests allowed by a parameter, JSON',
      file: 't.json',
      code: '{"Parameters": {"Guests": {"Type": "String", "Default": "true"}}, "Resources": {"Identities": {"Type": "AWS::Cognito::IdentityPool", "Properties": {"AllowUnauthenticatedIdentities": {"Ref": "Guests"}}}}}',
      findings: [{ range: '1:183-1:200', message: 'Identities gives AWS credentials to anyone who asks: AllowUnauthenticatedIdentities is true (from the default of parameter Guests).' }],
      output: '{"Parameters": {"Guests": {"Type": "String", "Default": "false"}}, "Resources": {"Identities": {"Type": "AWS::Cognito::IdentityPool", "Properties": {"AllowUnauthenticatedIdentities": {"Ref": "Guests"}}}}}',
    },
  ],
});
