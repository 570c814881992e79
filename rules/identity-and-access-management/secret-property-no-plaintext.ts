import type { Resource } from '../../server/src/engine/model';
import type { FixSpec, Rule } from '../../server/src/engine/rule';
import { within } from '../lib/fixes';
import { SECRET_PROPERTIES } from '../lib/generated/cloudformation-spec';
import { isReferenceOrPlaceholder, isSecureDynamicReference, noEchoParameterFix, secretPlaces, storedSecrets, writtenTexts } from '../lib/secrets';
import { explain } from '../lib/values';

/** Services that can create the master password themselves and keep it in Secrets Manager, rotated. */
const MANAGED_PASSWORDS: Readonly<Record<string, { readonly property: string; readonly service: string }>> = {
  'AWS::RDS::DBInstance': { property: 'ManageMasterUserPassword', service: 'RDS' },
  'AWS::RDS::DBCluster': { property: 'ManageMasterUserPassword', service: 'RDS' },
  'AWS::DocDB::DBCluster': { property: 'ManageMasterUserPassword', service: 'DocumentDB' },
  'AWS::Redshift::Cluster': { property: 'ManageMasterPassword', service: 'Redshift' },
};

/** Types whose metadata may carry cfn-init credentials (`AWS::CloudFormation::Authentication`), and stores of secrets. */
const OTHER_TYPES = ['AWS::EC2::Instance', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::EC2::LaunchTemplate', 'AWS::SecretsManager::Secret', 'AWS::SSM::Parameter'];

const rule: Rule = {
  meta: {
    id: 'secret-property-no-plaintext',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP03'],
    severity: 'error',
    title: 'Passwords, tokens and keys must not be written in the template',
    rationale:
      'A template is copied into repositories, pipelines, change sets and the CloudFormation console, and every one of those places keeps the secrets written in it, readable by anyone who can read the template, for as long as its history lasts. Storing secrets securely means the template only names where a secret is kept, and the service that holds it controls, logs and rotates access.',
    remediation:
      'Keep the secret in AWS Secrets Manager (or as an SSM SecureString parameter) and write a dynamic reference in its place: `{{resolve:secretsmanager:my-db-secret:SecretString:password}}`. For RDS, Aurora, DocumentDB and Redshift master passwords, let the service create and rotate the password in Secrets Manager (`ManageMasterUserPassword: true`). A `NoEcho` parameter without a default keeps the value out of the template, but not out of whoever deploys it. Change any secret that was committed: it is in the repository history.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds',
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html',
    ],
    resourceTypes: [...Object.keys(SECRET_PROPERTIES), ...OTHER_TYPES.filter((type) => !(type in SECRET_PROPERTIES))],
    equivalents: {
      checkov: ['CKV_AWS_384'],
      cfnNag: ['F23', 'F31', 'F34', 'F35', 'F36', 'F37', 'F41', 'F42', 'F43', 'F44', 'F45', 'F46', 'F47', 'F48', 'F49', 'F50', 'F51', 'F52', 'F53', 'F54', 'F55', 'F56', 'F57', 'F58', 'F60', 'F61', 'F62', 'F63', 'F64', 'F65', 'F66', 'F67', 'F68', 'F69', 'F70', 'F71', 'F74', 'F75', 'W1'],
      cfnLint: ['W2501'],
      kics: [
        '3c3b7a58-b018-4d07-9444-d9ee7156e111',
        '71493c8b-3014-404c-9802-078b74496fb7',
        'dfb56e5d-ee68-446e-b32a-657b62befe69',
        '06b9f52a-8cd5-459b-bdc6-21a22521e1be',
        '6685d912-d81f-4cfa-95ad-e316ea31c989',
        'f988a17f-1139-46a3-8928-f27eafd8b024',
        '5f700072-b7ce-4e84-b3f3-497bf1c24a4d',
        '39423ce4-9011-46cd-b6b1-009edcd9385d',
        '06adef8c-c284-4de7-aad2-af43b07a8ca1',
        '9ecb6b21-18bc-4aa7-bd07-db20f1c746db',
      ],
      securityHub: [],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Source:
    Type: AWS::CodeBuild::SourceCredential
    Properties:
      AuthType: PERSONAL_ACCESS_TOKEN
      ServerType: GITHUB
      Token: 8f4e2c1a9b7d6e5f3a2b1c0d9e8f7a6b5c4d3e2f
`,
      secure: `Resources:
  Source:
    Type: AWS::CodeBuild::SourceCredential
    Properties:
      AuthType: PERSONAL_ACCESS_TOKEN
      ServerType: GITHUB
      Token: "{{resolve:secretsmanager:ci/github-token}}"
`,
    },
  },
  resource(resource, context) {
    for (const place of secretPlaces(resource, context)) {
      const texts = writtenTexts(place.value, context).filter((written) => /^\{\{resolve:ssm:/.test(written.text.trim()) || (!isSecureDynamicReference(written.text) && !isReferenceOrPlaceholder(written.text)));
      if (texts.length === 0) continue;
      const first = texts[0];
      const at = within(first.node, place.value) ? first.node : place.value;
      if (/^\{\{resolve:ssm:/.test(first.text.trim())) {
        context.report({ at, message: `${resource.logicalId} reads ${place.label} from a plain SSM String parameter${explain(first.candidate)}: use a SecureString (ssm-secure) or Secrets Manager.` });
        continue;
      }
      const fixes: FixSpec[] = [...managedPasswordFix(resource, place.label)];
      if (texts.length === 1 && at === first.node) fixes.push(...noEchoParameterFix(context, first.node, `${resource.logicalId} ${place.label.replace(/ \(.*\)$/, '')}`, `${place.label} of ${resource.logicalId}`));
      context.report({
        at,
        message: `${resource.logicalId} writes ${place.label} in plain text in the template${explain(first.candidate)}: keep it in Secrets Manager and use a dynamic reference.`,
        fixes,
      });
    }
    for (const stored of storedSecrets(resource, context)) {
      context.report({ at: stored.at, message: `${resource.logicalId} writes ${stored.what} in plain text in the template, in its ${stored.label}${explain(stored.candidate)}: ${stored.remedy}.` });
    }
  },
};

function managedPasswordFix(resource: Resource, label: string): FixSpec[] {
  const managed = MANAGED_PASSWORDS[resource.type];
  if (!managed || label !== 'MasterUserPassword' || !resource.properties) return [];
  return [
    {
      title: `Let ${managed.service} create the master password and keep it in Secrets Manager (${managed.property}: true)`,
      preferred: false,
      changes: [
        { kind: 'remove', map: resource.properties, key: 'MasterUserPassword' },
        { kind: 'set', map: resource.properties, key: managed.property, value: true },
      ],
    },
  ];
}

export default rule;
