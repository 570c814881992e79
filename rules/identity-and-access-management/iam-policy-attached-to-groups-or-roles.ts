import type { Rule } from '../../server/src/engine/rule';
import { getProperty } from '../../server/src/engine/tree';
import { iamMeta } from '../lib/iam';

const rule: Rule = {
  meta: iamMeta(
    {
      id: 'iam-policy-attached-to-groups-or-roles',
      bestPractice: ['SEC02-BP06', 'SEC03-BP02'],
      severity: 'warning',
      title: 'Policies should be attached to groups or roles, not to users',
      rationale:
        'Permissions given to each user one by one drift apart and outlive the job that needed them; nobody can tell who can do what. Groups and roles give people the same reviewed permissions, and remove them in one place.',
      remediation: 'Attach the policy to a group and add the user to it, or let the user assume a role. Better still, give people access through IAM Identity Center instead of IAM users.',
      docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2'],
      equivalents: {
        checkov: ['CKV_AWS_40'],
        cfnNag: ['F10', 'F11', 'F12'],
        kics: ['edc95c10-7366-4f30-9b4b-f995c84eceb5', '0e5872b4-19a0-4165-8b2f-56d9e14b909f', 'e4239438-e639-44aa-adb8-866e400e3ade'],
        securityHub: ['IAM.2'],
        cis: ['1.15'],
      },
      examples: {
        insecure: 'Resources:\n  Deployer:\n    Type: AWS::IAM::User\n    Properties:\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess\n',
        secure: 'Resources:\n  Deployers:\n    Type: AWS::IAM::Group\n    Properties:\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess\n  Deployer:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: [!Ref Deployers]\n',
      },
    },
    ['AWS::IAM::User', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::UserPolicy'],
  ),
  resource(resource, context) {
    const properties = resource.properties;
    if (resource.type === 'AWS::IAM::User') {
      for (const property of ['Policies', 'ManagedPolicyArns']) {
        const pair = properties?.byKey.get(property);
        const empty = pair?.value.kind === 'seq' && pair.value.items.length === 0;
        if (pair && !empty) context.report({ at: pair.key, message: `${resource.logicalId} is a user with its own ${property === 'Policies' ? 'inline policies' : 'managed policies'}; give them to a group it belongs to.` });
      }
      return;
    }
    if (resource.type === 'AWS::IAM::UserPolicy') {
      context.report({ at: resource.typeNode ?? resource.key, message: `${resource.logicalId} attaches an inline policy to a user; attach it to a group instead.` });
      return;
    }
    const users = properties?.byKey.get('Users');
    const listed = getProperty(properties, 'Users');
    if (users && !(listed?.kind === 'seq' && listed.items.length === 0)) context.report({ at: users.key, message: `${resource.logicalId} is attached to users directly; attach it to a group they belong to.` });
  },
};

export default rule;
