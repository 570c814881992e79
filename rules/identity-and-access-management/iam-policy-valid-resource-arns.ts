import { resolveArnText } from '../../server/src/engine/iam/cloudformation-arns';
import { hasWildcard } from '../../server/src/engine/iam/patterns';
import { policyName, policyValues } from '../../server/src/engine/iam/statement';
import { policyRule } from '../lib/iam';

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** Valid ARNs that the service authorization reference does not list as resource types. */
const UNLISTED = [/^arn:[^:]+:cloudformation:[^:]*:aws:transform\//];
/** A part that is a wildcard or a deploy-time value: not checked. */
const open = (part: string) => hasWildcard(part) || part.includes('${');

export default policyRule(
  {
    id: 'iam-policy-valid-resource-arns',
    bestPractice: ['SEC03-BP02'],
    severity: 'error',
    title: 'Resources must be valid ARNs of the service they name',
    rationale:
      'A resource that is not an ARN, names an unknown partition or service, puts a Region or account where the service has none (S3 bucket ARNs have neither), or matches none of the service\'s ARN formats, matches no resource: the statement does nothing, and a `Deny` protects nothing.',
    remediation: 'Write the ARN in the format the service uses (the message shows it), or refer to the resource from the template (`!GetAtt Bucket.Arn`).',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html'],
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:us-east-1:123456789012:reports/*"}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}\n',
    },
  },
  (policy, context) => {
    if (policy.kind === 'trust' || policy.form === 'sam-template') return;
    const iam = context.iam;
    for (const statement of policy.statements) {
      for (const value of [...policyValues(statement.resource, context.evaluator), ...policyValues(statement.notResource, context.evaluator)]) {
        if (value.text === undefined || /^\*+$/.test(value.text)) continue;
        // API Gateway resource policies may write `execute-api:/stage/GET/path`, which API Gateway expands.
        if (policy.resource?.type === 'AWS::ApiGateway::RestApi' && value.text.startsWith('execute-api:/')) continue;
        const arn = resolveArnText(value.text, (id) => context.template?.resourcesById.get(id)?.type);
        const problem = arnProblem(arn);
        if (problem) {
          context.report({ at: value.node, message: `${policyName(policy)}: "${value.text}" ${problem}.` });
          continue;
        }
        const prefix = arnParts(arn)[2];
        if (!iam.available || prefix === undefined || open(prefix)) continue;
        const service = iam.service(prefix);
        if (!service) {
          const suggestion = iam.suggest(prefix, iam.services.map((s) => s.prefix));
          context.report({ at: value.node, message: `${policyName(policy)}: "${prefix}" in "${value.text}" is not an AWS service prefix${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.` });
          continue;
        }
        if (service.resourceTypes.length === 0 || iam.resourceTypesOfArn(arn).length > 0 || UNLISTED.some((pattern) => pattern.test(arn))) continue;
        const formats = service.resourceTypes.slice(0, 3).map((type) => `${type.name}: ${type.arnFormat}`);
        context.report({ at: value.node, message: `${policyName(policy)}: "${value.text}" matches no ARN format of ${service.name} (${formats.join('; ')}${service.resourceTypes.length > 3 ? '; …' : ''}).` });
      }
    }
  },
);

/** What is wrong with an ARN's shape, or undefined. */
function arnProblem(arn: string): string | undefined {
  const parts = arnParts(arn);
  // A whole ARN from a parameter or another resource (`${Topic.TopicArn}`) is not known here.
  if (parts[0].includes('${')) return undefined;
  if (parts[0] !== 'arn') return 'is not an ARN (arn:partition:service:region:account:resource) nor "*"';
  // `arn:aws:logs:*` is short, but its wildcard spans the remaining fields.
  if (parts.length < 6 && !hasWildcard(parts[parts.length - 1])) return 'is not a complete ARN: it needs arn:partition:service:region:account:resource';
  const [, partition = '', service = '', region = '', account = ''] = parts;
  if (!open(partition) && !PARTITIONS.has(partition)) return `names partition "${partition}", which is not an AWS partition (aws, aws-cn, aws-us-gov…)`;
  if (!open(service) && !/^[a-z0-9-]+$/.test(service)) return `names service "${service}", which is not a service prefix`;
  if (region !== '' && !open(region) && !REGION.test(region)) return `has "${region}" where the Region goes (us-east-1, or empty)`;
  if (account !== '' && !open(account) && !/^\d{12}$/.test(account) && account !== 'aws') return `has "${account}" where the 12-digit account id goes`;
  return undefined;
}

/** The fields of an ARN; `${...}` may hold colons (`${AWS::StackName}`), which do not split it. */
function arnParts(arn: string): string[] {
  return arn.replace(/\$\{[^}]*\}/g, (whole) => whole.replace(/:/g, '_')).split(':');
}
