import type { Rule } from '../../server/src/engine/rule';
import { asText } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 'iam-user-no-access-key',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP02', 'SEC02-BP05'],
    severity: 'warning',
    title: 'Templates should not create access keys for IAM users',
    rationale:
      'An access key is a long-term credential: it works from anywhere until someone deletes it, and it tends to end up in configuration files, CI variables and laptops. A key created by a template also passes through the template\'s outputs or another resource to reach whoever uses it. Workloads on AWS should use roles, which hand out temporary credentials that expire on their own.',
    remediation:
      'Give the workload an IAM role instead: an instance profile, a Lambda execution role, an ECS task role, IAM Roles Anywhere for servers outside AWS, or OIDC federation for CI systems such as GitHub Actions. If a key is unavoidable, keep its secret in Secrets Manager (never in Outputs), rotate it, and scope the user to the minimum.',
    docs: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-accesskey.html',
    ],
    resourceTypes: ['AWS::IAM::AccessKey'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: false,
    examples: {
      insecure: `Resources:
  Deployer:
    Type: AWS::IAM::User
  DeployerKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref Deployer
`,
      secure: `Resources:
  DeployerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: codebuild.amazonaws.com }
            Action: sts:AssumeRole
`,
    },
  },
  resource(resource, context) {
    // An inactive key cannot be used.
    const status = resource.properties?.byKey.get('Status')?.value;
    if (status && context.evaluator.candidates(status).every((candidate) => asText(candidate.value)?.toLowerCase() === 'inactive')) return;
    const secretUses = (context.facts?.referencesTo(resource.logicalId) ?? []).filter((reference) => reference.attribute === 'SecretAccessKey');
    const exposed = secretUses.some((reference) => !reference.from) ? ', and shows its secret in the stack\'s Outputs' : '';
    context.report({
      at: resource.key,
      message: `${resource.logicalId} creates a long-term access key${exposed}: give the workload an IAM role and temporary credentials instead.`,
    });
  },
};

export default rule;
