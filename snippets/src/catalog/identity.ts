/** Roles, policies, and the standalone policy document. */
import { POLICY_VERSION, ref, type SnippetSource, sub, THIS_ACCOUNT } from '../define';


export const identity: SnippetSource[] = [
  {
    prefix: 'pillar-iam-role',
    name: 'IAM role for an AWS service, with a scoped trust policy',
    description:
      'An IAM role that only the AWS service you choose may assume, and only on behalf of this account (aws:SourceAccount, against the confused deputy), with one-hour sessions and an inline policy that reads one prefix of one bucket: least privilege, no wildcards, no managed admin policies.',
    context: 'resources',
    body: {
      '${1:ServiceRole}': {
        Type: 'AWS::IAM::Role',
        Properties: {
          Description: '${2:Reads the reports of one bucket}',
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: POLICY_VERSION,
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: '${3|ecs-tasks,lambda,states,events,scheduler|}.amazonaws.com' },
                Action: 'sts:AssumeRole',
                Condition: { StringEquals: { 'aws:SourceAccount': THIS_ACCOUNT } },
              },
            ],
          },
          Policies: [
            {
              PolicyName: '${4:read-reports}',
              PolicyDocument: {
                Version: POLICY_VERSION,
                Statement: [
                  { Sid: 'ListOnePrefix', Effect: 'Allow', Action: 's3:ListBucket', Resource: sub('arn:\\${AWS::Partition}:s3:::${5:reports-bucket}'), Condition: { StringLike: { 's3:prefix': '${6:reports}/*' } } },
                  { Sid: 'ReadOnePrefix', Effect: 'Allow', Action: 's3:GetObject', Resource: sub('arn:\\${AWS::Partition}:s3:::$5/$6/*') },
                ],
              },
            },
          ],
        },
      },
    },
  },
  {
    prefix: 'pillar-iam-role-cross-account',
    name: 'IAM role for another account, with an external ID',
    description:
      'An IAM role that principals of one other account may assume only with the external ID you agreed on with them (against the confused deputy); sessions last one hour, and the inline policy only reads one prefix of one bucket.',
    context: 'resources',
    body: {
      '${1:CrossAccountRole}': {
        Type: 'AWS::IAM::Role',
        Properties: {
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: POLICY_VERSION,
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: sub('arn:\\${AWS::Partition}:iam::${2:111122223333}:root') },
                Action: 'sts:AssumeRole',
                Condition: { StringEquals: { 'sts:ExternalId': '${3:agreed-external-id}' } },
              },
            ],
          },
          Policies: [
            {
              PolicyName: '${4:read-shared-reports}',
              PolicyDocument: {
                Version: POLICY_VERSION,
                Statement: [
                  { Sid: 'ListOnePrefix', Effect: 'Allow', Action: 's3:ListBucket', Resource: sub('arn:\\${AWS::Partition}:s3:::${5:shared-bucket}'), Condition: { StringLike: { 's3:prefix': '${6:shared}/*' } } },
                  { Sid: 'ReadOnePrefix', Effect: 'Allow', Action: 's3:GetObject', Resource: sub('arn:\\${AWS::Partition}:s3:::$5/$6/*') },
                ],
              },
            },
          ],
        },
      },
    },
  },
  {
    prefix: 'pillar-iam-role-github-oidc',
    name: 'IAM role for GitHub Actions (OIDC), limited to one repository and branch',
    description:
      'An IAM role that GitHub Actions assumes with OpenID Connect instead of stored access keys, only for workflows of one repository running on one branch (the token\'s sub and aud are checked); sessions last one hour and the inline policy only uploads to one prefix of one artifacts bucket. Expects the account\'s GitHub OIDC provider (token.actions.githubusercontent.com).',
    context: 'resources',
    body: {
      '${1:GitHubDeployRole}': {
        Type: 'AWS::IAM::Role',
        Properties: {
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: POLICY_VERSION,
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Federated: sub('arn:\\${AWS::Partition}:iam::\\${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com') },
                Action: 'sts:AssumeRoleWithWebIdentity',
                Condition: {
                  StringEquals: {
                    'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                    'token.actions.githubusercontent.com:sub': 'repo:${2:my-org}/${3:my-repo}:ref:refs/heads/${4:main}',
                  },
                },
              },
            ],
          },
          Policies: [
            {
              PolicyName: 'upload-artifacts',
              PolicyDocument: {
                Version: POLICY_VERSION,
                Statement: [{ Sid: 'UploadArtifacts', Effect: 'Allow', Action: 's3:PutObject', Resource: sub('arn:\\${AWS::Partition}:s3:::${5:artifacts-bucket}/$3/*') }],
              },
            },
          ],
        },
      },
    },
  },
  {
    prefix: 'pillar-iam-managed-policy',
    name: 'IAM managed policy, least privilege, attached to a role',
    description:
      'A customer managed policy attached to a role (never to users): it lists one prefix of one bucket and reads the objects under it, and nothing else. Expects ServiceRole (pillar-iam-role).',
    context: 'resources',
    assumes: { ServiceRole: 'pillar-iam-role' },
    body: {
      '${1:ReadReportsPolicy}': {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          Description: '${2:Reads the reports prefix of the reports bucket}',
          Roles: [ref('${3:ServiceRole}')],
          PolicyDocument: {
            Version: POLICY_VERSION,
            Statement: [
              { Sid: 'ListOnePrefix', Effect: 'Allow', Action: 's3:ListBucket', Resource: sub('arn:\\${AWS::Partition}:s3:::${4:reports-bucket}'), Condition: { StringLike: { 's3:prefix': '${5:reports}/*' } } },
              { Sid: 'ReadOnePrefix', Effect: 'Allow', Action: 's3:GetObject', Resource: sub('arn:\\${AWS::Partition}:s3:::$4/$5/*') },
            ],
          },
        },
      },
    },
  },
  {
    prefix: 'pillar-iam-policy',
    name: 'IAM policy document, least privilege',
    description:
      'A standalone IAM policy document (for aws iam create-policy, or a policy file in your repository): it lists and reads one prefix of one bucket, and decrypts with one KMS key only when S3 asks on the caller\'s behalf (kms:ViaService). Named actions and resources only, no wildcard actions.',
    context: 'policy',
    body: {
      Version: POLICY_VERSION,
      Statement: [
        { Sid: 'ListOnePrefix', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::${1:reports-bucket}', Condition: { StringLike: { 's3:prefix': '${2:reports}/*' } } },
        { Sid: 'ReadOnePrefix', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::$1/$2/*' },
        {
          Sid: 'DecryptThroughS3Only',
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: 'arn:aws:kms:${3:us-east-1}:${4:111122223333}:key/${5:1234abcd-12ab-34cd-56ef-1234567890ab}',
          Condition: { StringEquals: { 'kms:ViaService': 's3.$3.amazonaws.com' } },
        },
      ],
    },
  },
];
