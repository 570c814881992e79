import type { Rule } from '../../server/src/engine/rule';
import { knownText } from '../lib/at-rest';
import { checkProperty, mustBeTrue } from '../lib/properties';

/**
 * What a key's immutable settings are when left out. KMS rotates only symmetric encryption keys whose
 * material it generated: asymmetric, HMAC and imported-material keys are not reported, nor keys whose
 * settings are only known at deploy time.
 */
const ROTATABLE: ReadonlyArray<[key: string, value: string]> = [
  ['KeySpec', 'SYMMETRIC_DEFAULT'],
  ['KeyUsage', 'ENCRYPT_DECRYPT'],
  ['Origin', 'AWS_KMS'],
];

const rule: Rule = {
  meta: {
    id: 'kms-key-rotation-enabled',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01'],
    severity: 'warning',
    title: 'Symmetric KMS keys should rotate their key material',
    rationale:
      'A customer managed key often protects years of data. With automatic rotation KMS creates new key material every year (or on the period you choose) and keeps the old material to decrypt what it protected, so no single version of the key protects everything, nothing has to be re-encrypted, and applications need no change. Most compliance regimes expect it of long-lived keys.',
    remediation:
      'Set `EnableKeyRotation: true` (and `RotationPeriodInDays`, 90 to 2560, for a period other than a year). The change is made in place; the key\'s ARN, ID and policy stay the same. Rotation applies only to symmetric encryption keys with key material from KMS: for imported key material, rotate by hand with a new key.',
    docs: [
      'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#cfn-kms-key-enablekeyrotation',
    ],
    resourceTypes: ['AWS::KMS::Key'],
    equivalents: {
      checkov: ['CKV_AWS_7'],
      cfnNag: ['F19'],
      cfnLint: [],
      kics: ['1c07bfaf-663c-4f6f-b22b-8e2d481e4df5'],
      securityHub: ['KMS.4'],
      cis: ['3.6'],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  DataKey:
    Type: AWS::KMS::Key
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root" }
            Action: kms:*
            Resource: "*"
`,
      secure: `Resources:
  DataKey:
    Type: AWS::KMS::Key
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      EnableKeyRotation: true
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root" }
            Action: kms:*
            Resource: "*"
`,
    },
  },
  resource(resource, context) {
    const rotatable = ROTATABLE.every(([key, value]) => knownText(resource, key, context, value)?.toUpperCase() === value);
    if (!rotatable) return;
    checkProperty(resource, context, mustBeTrue('EnableKeyRotation', 'automatic key rotation'));
  },
};

export default rule;
