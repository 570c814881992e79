import type { Resource } from '../../server/src/engine/model';
import type { Rule } from '../../server/src/engine/rule';
import { iamMeta } from '../lib/iam';
import { explain } from '../lib/values';

/** AWS managed policies that grant administration of the account, or of IAM (which is the same). */
const ELEVATED = new Map([
  ['AdministratorAccess', 'full access to every service'],
  ['PowerUserAccess', 'full access to every service but IAM and Organizations'],
  ['IAMFullAccess', 'full control of IAM, and so of every permission'],
]);

const HOLDERS = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::Serverless::Function', 'AWS::Serverless::StateMachine'];

const rule: Rule = {
  meta: iamMeta(
    {
      id: 'iam-no-admin-managed-policies',
      bestPractice: ['SEC03-BP02'],
      severity: 'error',
      title: 'Roles, users and groups must not have AdministratorAccess, PowerUserAccess or IAMFullAccess',
      rationale:
        'These AWS managed policies grant administration of the account (or of IAM, which amounts to the same). A workload role or user that holds one turns any bug, leaked key or compromised dependency into control of everything in the account.',
      remediation:
        'Attach a policy that lists what the workload does: a narrower AWS managed policy (`AmazonS3ReadOnlyAccess`…) or your own. Keep administrator access for a few roles that people assume with MFA.',
      docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
      equivalents: { cfnNag: ['W43', 'W44'], kics: ['a0ae0a4e-712b-4115-8112-51b9eeed9d69'] },
      examples: {
        insecure:
          'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/AdministratorAccess\n',
        secure:
          'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess\n',
      },
    },
    HOLDERS,
  ),
  resource(resource: Resource, context) {
    for (const reference of context.template?.managedPolicies ?? []) {
      if (reference.resource !== resource) continue;
      for (const candidate of context.evaluator.candidates(reference.node)) {
        const text = candidate.value.kind === 'known' ? String(candidate.value.value) : candidate.value.kind === 'symbolic' ? candidate.value.text : undefined;
        // An ARN of an AWS managed policy (`arn:${AWS::Partition}:iam::aws:policy/...`), or a SAM policy name.
        const arn = text?.replace(/\$\{AWS::Partition\}/g, 'aws');
        const name = arn && (/^arn:[^:]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1] ?? (resource.type.startsWith('AWS::Serverless::') ? arn : undefined));
        const grants = name ? ELEVATED.get(name) : undefined;
        if (!grants) continue;
        context.report({ at: reference.node, message: `${resource.logicalId} has the AWS managed policy ${name}${explain(candidate)}: ${grants}.` });
        break;
      }
    }
  },
};

export default rule;
