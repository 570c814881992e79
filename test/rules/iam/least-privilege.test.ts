import credentials from '../../../rules/identity-and-access-management/iam-policy-no-credentials-exposure';
import escalation from '../../../rules/identity-and-access-management/iam-policy-no-privilege-escalation';
import sensitiveRead from '../../../rules/identity-and-access-management/iam-policy-no-sensitive-read-on-all-resources';
import serviceWildcard from '../../../rules/identity-and-access-management/iam-policy-no-service-wildcard-action';
import writeOnStar from '../../../rules/identity-and-access-management/iam-policy-no-wildcard-resource-for-write';
import passRoleStar from '../../../rules/identity-and-access-management/iam-policy-passrole-no-wildcard-resource';
import passedToService from '../../../rules/identity-and-access-management/iam-policy-passrole-passed-to-service';
import { testRule } from '../../helpers/rule-tester';
import { managedPolicy, policyJson } from './helpers';

/** What a queue ARN accepts of Amazon SQS's actions, in the catalog's order. */
const QUEUE_ACTIONS = ['sqs:AddPermission', 'sqs:CancelMessageMoveTask', 'sqs:ChangeMessageVisibility', 'sqs:CreateQueue', 'sqs:DeleteMessage', 'sqs:DeleteQueue', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ListDeadLetterSourceQueues', 'sqs:ListMessageMoveTasks', 'sqs:ListQueueTags', 'sqs:PurgeQueue', 'sqs:ReceiveMessage', 'sqs:RemovePermission', 'sqs:SendMessage', 'sqs:SetQueueAttributes', 'sqs:StartMessageMoveTask', 'sqs:TagQueue', 'sqs:UntagQueue'];

testRule(serviceWildcard, {
  valid: [
    { name: 'named actions', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:123456789012:jobs"}') },
    { name: 'a prefix wildcard is narrower than the service', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "sqs:Get*", "Resource": "arn:aws:sqs:us-east-1:123456789012:jobs"}') },
    {
      name: 'a key policy that gives kms:* to its own account delegates to IAM',
      code: 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" }\n            Action: kms:*\n            Resource: "*"\n',
    },
  ],
  invalid: [
    {
      name: 'sqs:* on a queue, narrowed to what the queue accepts (first choice)',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "Action": "sqs:*", "Resource": "arn:aws:sqs:us-east-1:123456789012:jobs"}'),
      findings: [{ range: '1:71-1:78', message: 'This policy allows all 20 actions of Amazon SQS ("sqs:*"), 3 permissions management and 8 write actions among them.' }],
      output: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [\n${QUEUE_ACTIONS.map((a) => `  "${a}"`).join(',\n')}\n], "Resource": "arn:aws:sqs:us-east-1:123456789012:jobs"}]}\n`,
    },
    {
      name: 'the wildcard in a YAML flow list, on a queue of the template: the list stays a flow list',
      code: `Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n${managedPolicy('          - Effect: Allow\n            Action: [sqs:*]\n            Resource: !GetAtt Queue.Arn\n').slice('Resources:\n'.length)}`,
      findings: [{ range: '11:22-11:27' }],
      output: `Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n${managedPolicy(`          - Effect: Allow\n            Action: [${QUEUE_ACTIONS.join(', ')}]\n            Resource: !GetAtt Queue.Arn\n`).slice('Resources:\n'.length)}`,
    },
  ],
});

testRule(writeOnStar, {
  valid: [
    { name: 'read actions on *', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": ["ec2:DescribeInstances", "xray:PutTraceSegments"], "Resource": "*"}') },
    { name: 'a condition scopes the grant', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "ec2:StopInstances", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "web"}}}') },
    { name: 'resource policies are about their own resource', code: 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  QueuePolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Queue]\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" }\n            Action: sqs:SendMessage\n            Resource: "*"\n' },
  ],
  invalid: [
    {
      name: 'sqs:SendMessage on * narrows to the template\'s queue',
      code: `Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n${managedPolicy('          - Effect: Allow\n            Action: sqs:SendMessage\n            Resource: "*" # for now\n').slice('Resources:\n'.length)}`,
      findings: [{ range: '12:23-12:26', message: 'Policy (PolicyDocument) allows sqs:SendMessage on every resource ("*"); it takes resource ARNs.' }],
      output: `Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n${managedPolicy('          - Effect: Allow\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn # for now\n').slice('Resources:\n'.length)}`,
    },
    {
      name: 'bucket and object actions narrow to the bucket and its objects',
      code: `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n${managedPolicy('          - Effect: Allow\n            Action: [s3:PutObject, s3:PutBucketTagging]\n            Resource: ["*"]\n').slice('Resources:\n'.length)}`,
      findings: [{ range: '12:24-12:27', message: 'Policy (PolicyDocument) allows s3:PutObject and s3:PutBucketTagging on every resource ("*"); they take resource ARNs.' }],
      output: `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n${managedPolicy('          - Effect: Allow\n            Action: [s3:PutObject, s3:PutBucketTagging]\n            Resource: [!GetAtt Bucket.Arn, !Sub "${Bucket.Arn}/*"]\n').slice('Resources:\n'.length)}`,
    },
    {
      name: '* from a parameter default: reported, not rewritten',
      code: managedPolicy('          - Effect: Allow\n            Action: sqs:DeleteQueue\n            Resource: !Ref Target\n', 'Parameters:\n  Target:\n    Type: String\n    Default: "*"\n'),
      findings: [{ range: '14:23-14:34', message: 'Policy (PolicyDocument) allows sqs:DeleteQueue on every resource ("*") (from the default of parameter Target); it takes resource ARNs.' }],
      output: null,
    },
  ],
});

testRule(passRoleStar, {
  valid: [{ name: 'PassRole on a named role', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app", "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}') }],
  invalid: [
    {
      name: 'PassRole on *',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}'),
      findings: [{ range: '1:99-1:102', message: 'This policy can pass every role of the account to a service (iam:PassRole on "*"), and act with that role\'s permissions.' }],
      output: null,
    },
    {
      name: 'iam:Pass* on arn:aws:iam::*:role/* is every role too',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "Action": "iam:Pass*", "Resource": "arn:*:*:*:*:*"}'),
      findings: [{ range: '1:96-1:111' }],
      output: null,
    },
  ],
});

const taskRole = 'Resources:\n  TaskRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { Service: ecs-tasks.amazonaws.com }\n            Action: sts:AssumeRole\n';
const deployer = (statement: string) => `${taskRole}  Deployer:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n${statement}`;

testRule(passedToService, {
  valid: [
    { name: 'with iam:PassedToService', code: deployer('          - Effect: Allow\n            Action: iam:PassRole\n            Resource: !GetAtt TaskRole.Arn\n            Condition: { StringEquals: { iam:PassedToService: ecs-tasks.amazonaws.com } }\n') },
  ],
  invalid: [
    {
      name: 'the fix names the service the passed role trusts, before Resource',
      code: deployer('          - Effect: Allow\n            Action: iam:PassRole\n            Resource: !GetAtt TaskRole.Arn\n'),
      findings: [{ range: '18:21-18:33', message: 'Deployer (PolicyDocument) can pass its roles to any service (iam:PassRole without an iam:PassedToService condition).' }],
      output: deployer('          - Effect: Allow\n            Action: iam:PassRole\n            Condition:\n              StringEquals:\n                iam:PassedToService: ecs-tasks.amazonaws.com\n            Resource: !GetAtt TaskRole.Arn\n'),
    },
    {
      name: 'a role outside the template: no service to name, no fix',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "Action": ["s3:GetObject", "iam:PassRole"], "Resource": "arn:aws:iam::123456789012:role/app"}'),
      findings: [{ range: '1:88-1:102' }],
      output: null,
    },
  ],
});

testRule(escalation, {
  valid: [
    { name: 'iam:PutRolePolicy on a named role', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "iam:PutRolePolicy", "Resource": "arn:aws:iam::123456789012:role/app"}') },
    { name: 'access keys for the caller only', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "arn:aws:iam::123456789012:user/${aws:username}"}') },
    { name: 'PassRole without a service that runs it', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction"], "Resource": "*"}') },
  ],
  invalid: [
    {
      name: 'iam:PutRolePolicy on *',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "Action": ["iam:PutRolePolicy", "iam:GetRole"], "Resource": "*"}'),
      findings: [{ range: '1:72-1:91', message: 'This policy can change its own permissions through iam:PutRolePolicy.' }],
      output: null,
    },
    {
      name: 'PassRole with CreateFunction and InvokeFunction, across statements and through wildcards',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}', '{"Effect": "Allow", "Action": ["lambda:Create*", "lambda:InvokeFunction"], "Resource": "arn:aws:lambda:*:123456789012:function:*"}'),
      findings: [
        { range: '1:71-1:85', message: 'This policy can create and invoke a Lambda function that runs with any role through iam:PassRole with lambda:CreateFunction (through "lambda:Create*") with lambda:InvokeFunction.' },
        { range: '1:71-1:85', message: 'This policy can create a Lambda function that runs with any role and have an event source trigger it through iam:PassRole with lambda:CreateFunction (through "lambda:Create*") with lambda:CreateEventSourceMapping (through "lambda:Create*").' },
      ],
      output: null,
    },
    {
      name: 'a !Sub ARN with a wildcard still reaches every user',
      code: managedPolicy('          - Effect: Allow\n            Action: iam:CreateLoginProfile\n            Resource: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:user/*"\n'),
      findings: [{ range: '9:21-9:43', message: 'Policy (PolicyDocument) can set a console password for other users and sign in as them through iam:CreateLoginProfile.' }],
      output: null,
    },
  ],
});

testRule(sensitiveRead, {
  valid: [
    { name: 'reading named objects', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}') },
    { name: 'listing is not reading', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "secretsmanager:ListSecrets", "Resource": "*"}') },
  ],
  invalid: [
    {
      name: 'secrets and parameters on *',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "ssm:GetParameter*"], "Resource": "*"}'),
      findings: [{ range: '1:139-1:142', message: 'This policy can read every AWS Secrets Manager and AWS Systems Manager resource of the account through secretsmanager:GetSecretValue, ssm:GetParameter, ssm:GetParameters and 1 more on "*".' }],
      output: null,
    },
    {
      name: 'kms:Decrypt on * narrows to the template\'s key',
      code: `Resources:\n  Key:\n    Type: AWS::KMS::Key\n${managedPolicy('          - Effect: Allow\n            Action: kms:Decrypt\n            Resource: "*"\n').slice('Resources:\n'.length)}`,
      findings: [{ range: '12:23-12:26' }],
      output: `Resources:\n  Key:\n    Type: AWS::KMS::Key\n${managedPolicy('          - Effect: Allow\n            Action: kms:Decrypt\n            Resource: !GetAtt Key.Arn\n').slice('Resources:\n'.length)}`,
    },
  ],
});

testRule(credentials, {
  valid: [
    { name: 'AssumeRole on named roles', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::123456789012:role/reporting"}') },
    { name: 'an action that can only be allowed on * is not reported', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}') },
  ],
  invalid: [
    {
      name: 'AssumeRole and CreateAccessKey on *',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "Action": ["sts:AssumeRole", "iam:CreateAccessKey"], "Resource": "*"}'),
      findings: [{ range: '1:126-1:129', message: 'This policy can obtain credentials for any resource of the account through sts:AssumeRole and iam:CreateAccessKey on "*".' }],
      output: null,
    },
  ],
});
