import type { Change, Rule } from '../../server/src/engine/rule';
import { missingPropertyAnchor, setResourceProperty } from '../lib/properties';
import { valueFixes } from '../lib/fixes';
import { asText, explain } from '../lib/values';

/** Optional MFA with authenticator apps: users can turn it on, nobody is locked out, and no SMS configuration is needed. */
const OPTIONAL_TOTP = { MfaConfiguration: 'OPTIONAL', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] };

const rule: Rule = {
  meta: {
    id: 'cognito-user-pool-mfa-enabled',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP01'],
    severity: 'warning',
    title: 'Cognito user pools should offer multi-factor authentication',
    rationale:
      'Passwords are reused, phished and guessed. With MFA turned off in a user pool, one leaked password is all it takes to sign in as a user of your application. Strong sign-in asks for a second factor that an attacker does not have.',
    remediation:
      'Set `MfaConfiguration: ON` (required for every user; only possible when the pool is created) or `OPTIONAL` (users can add a factor), with `EnabledMfas: [SOFTWARE_TOKEN_MFA]` for authenticator apps (SMS needs an `SmsConfiguration`). Consider adaptive authentication with threat protection to ask for MFA when a sign-in looks risky.',
    docs: [
      'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpool.html#cfn-cognito-userpool-mfaconfiguration',
    ],
    resourceTypes: ['AWS::Cognito::UserPool'],
    equivalents: { checkov: [], cfnNag: ['F78'], cfnLint: [], kics: ['74a18d1a-cf02-4a31-8791-ed0967ad7fdc'], securityHub: [], cis: [] },
    fixable: true,
    examples: {
      insecure: `Resources:
  Users:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: customers
      MfaConfiguration: "OFF"
`,
      secure: `Resources:
  Users:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: customers
      MfaConfiguration: "ON"
      EnabledMfas: [SOFTWARE_TOKEN_MFA]
`,
    },
  },
  resource(resource, context) {
    const properties = resource.properties;
    const pair = properties?.byKey.get('MfaConfiguration');
    // Authenticator apps need no further configuration; a pool that names its factors keeps them.
    const needsFactors = !properties?.byKey.has('EnabledMfas');
    if (!pair) {
      const settings = needsFactors ? OPTIONAL_TOTP : { MfaConfiguration: 'OPTIONAL' };
      const changes: Change[] = properties
        ? Object.entries(settings).map(([key, value]) => ({ kind: 'set', map: properties, key, value }))
        : [{ kind: 'set', map: resource.node, key: 'Properties', value: settings }];
      context.report({
        at: missingPropertyAnchor(resource),
        message: `${resource.logicalId} does not offer MFA: MfaConfiguration is not set and defaults to OFF.`,
        fixes: [{ title: 'Offer optional MFA with authenticator apps', preferred: true, changes }],
      });
      return;
    }
    const off = context.evaluator.candidates(pair.value).filter((candidate) => asText(candidate.value)?.toUpperCase() === 'OFF');
    if (off.length === 0) return;
    const fixes = valueFixes(context, pair.value, off, 'OPTIONAL', { label: 'MfaConfiguration' });
    const withFactors = needsFactors && properties ? fixes.map((fix) => ({ ...fix, changes: [...fix.changes, setResourceProperty(resource, 'EnabledMfas', OPTIONAL_TOTP.EnabledMfas)] })) : fixes;
    context.report({ at: pair.value, message: `${resource.logicalId} turns off MFA: MfaConfiguration is "OFF"${explain(off[0])}.`, fixes: withFactors });
  },
};

export default rule;
