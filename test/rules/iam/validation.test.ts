import actionResourceMatch from '../../../rules/identity-and-access-management/iam-policy-action-resource-match';
import conditionKeysApply from '../../../rules/identity-and-access-management/iam-policy-condition-keys-apply';
import setOperators from '../../../rules/identity-and-access-management/iam-policy-condition-set-operators';
import elementsFitKind from '../../../rules/identity-and-access-management/iam-policy-elements-fit-kind';
import knownActions from '../../../rules/identity-and-access-management/iam-policy-known-actions';
import statementValid from '../../../rules/identity-and-access-management/iam-policy-statement-valid';
import validConditions from '../../../rules/identity-and-access-management/iam-policy-valid-conditions';
import validArns from '../../../rules/identity-and-access-management/iam-policy-valid-resource-arns';
import version from '../../../rules/identity-and-access-management/iam-policy-version-current';
import { testRule } from '../../helpers/rule-tester';
import { managedPolicy, policyJson, role } from './helpers';

const QUEUE = 'arn:aws:sqs:us-east-1:123456789012:jobs';

testRule(version, {
  valid: [
    { name: 'the current version', file: 'p.json', code: policyJson(`{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "${QUEUE}"}`) },
    { name: 'a permission resource has no document to version', code: 'Resources:\n  Permission:\n    Type: AWS::Lambda::Permission\n    Properties:\n      FunctionName: f\n      Action: lambda:InvokeFunction\n      Principal: sns.amazonaws.com\n      SourceArn: !Ref Topic\n' },
  ],
  invalid: [
    {
      name: 'no Version: one is added before Statement',
      file: 'p.json',
      code: `{"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "${QUEUE}"}]}\n`,
      findings: [{ range: '1:2-1:13', message: 'This policy has no Version, so IAM reads it with the 2008 policy language, where policy variables are plain text.' }],
      output: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "${QUEUE}"}]}\n`,
    },
    {
      name: 'the 2008 version in YAML, quotes kept',
      code: managedPolicy(`          - Effect: Allow\n            Action: sqs:SendMessage\n            Resource: ${QUEUE}\n`).replace('Version: "2012-10-17"', 'Version: "2008-10-17"'),
      findings: [{ range: '6:18-6:30', message: 'Policy (PolicyDocument) uses the 2008-10-17 policy language, where policy variables such as ${aws:username} are plain text.' }],
      output: managedPolicy(`          - Effect: Allow\n            Action: sqs:SendMessage\n            Resource: ${QUEUE}\n`),
    },
  ],
});

testRule(statementValid, {
  valid: [
    { name: 'a resource policy may repeat nothing and use spaces in Sids', code: 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  QueuePolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Queue]\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Sid: Allow the account\n            Effect: Allow\n            Principal: { AWS: !Ref AWS::AccountId }\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn\n' },
    {
      // widdix operations/terraform-state: the Statement list chosen by !If, the same Sid in each list.
      name: 'the same Sid in the two lists an !If chooses between',
      code: 'Conditions:\n  HasUsers: !Equals [!Ref AWS::Region, eu-west-1]\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  BucketPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement: !If\n        - HasUsers\n        - - Sid: AllowSSLRequestsOnly\n            Effect: Deny\n            Principal: "*"\n            Action: s3:*\n            Resource: !Sub "${Bucket.Arn}/*"\n            Condition: { Bool: { aws:SecureTransport: false } }\n        - - Sid: AllowSSLRequestsOnly\n            Effect: Deny\n            Principal: "*"\n            Action: s3:*\n            Resource: !Sub "${Bucket.Arn}/*"\n            Condition: { Bool: { aws:SecureTransport: false } }\n',
    },
    { name: 'an ECR repository policy has no Resource', code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryPolicyText:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: !Ref AWS::AccountId }\n            Action: ecr:BatchGetImage\n' },
  ],
  invalid: [
    {
      name: 'a misspelt element and Effect',
      file: 'p.json',
      code: policyJson(`{"Effect": "Allowed", "Actions": "sqs:SendMessage", "Resource": "${QUEUE}"}`),
      findings: [
        { range: '1:42-1:50', message: 'This policy: the statement has neither Action nor NotAction.' },
        { range: '1:52-1:61', message: 'This policy: Effect "Allowed" is neither "Allow" nor "Deny" (the words are case-sensitive).' },
        { range: '1:63-1:72', message: 'This policy: "Actions" is not a statement element (did you mean "Action"?).' },
      ],
      output: null,
    },
    {
      name: 'duplicate and invalid Sids, both Action and NotAction, a policy string that is not JSON',
      code: managedPolicy(`          - Sid: read-queue\n            Effect: Allow\n            Action: sqs:ReceiveMessage\n            NotAction: sqs:DeleteQueue\n            Resource: ${QUEUE}\n          - Sid: read-queue\n            Effect: Deny\n            Action: sqs:DeleteQueue\n            Resource: ${QUEUE}\n`) + '  Other:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: \'{"Version": "2012-10-17", "Statement": [\'\n',
      findings: [
        { range: '8:18-8:28', message: 'Policy (PolicyDocument): Sid "read-queue" may hold only letters and digits in an identity policy.' },
        { range: '11:13-11:22', message: 'Policy (PolicyDocument): the statement has both Action and NotAction; use one of them.' },
        { range: '13:18-13:28', message: 'Policy (PolicyDocument): Sid "read-queue" is used by another statement of the policy; Sids must be unique.' },
        { range: '13:18-13:28', message: 'Policy (PolicyDocument): Sid "read-queue" may hold only letters and digits in an identity policy.' },
        { range: '20:23-20:65', message: /^Other \(PolicyDocument\): the policy string is not a valid JSON document/ },
      ],
      output: null,
    },
  ],
});

testRule(elementsFitKind, {
  valid: [
    { name: 'a trust policy with a Principal and sts:AssumeRole', code: role('          - Effect: Allow\n            Principal: { Service: ec2.amazonaws.com }\n            Action: [sts:AssumeRole, sts:TagSession]\n') },
    { name: 'a standalone resource policy (it has a Principal)', file: 'p.json', code: policyJson(`{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sqs:SendMessage", "Resource": "${QUEUE}"}`) },
  ],
  invalid: [
    {
      name: 'a Principal in an identity policy',
      code: managedPolicy(`          - Effect: Allow\n            Principal: { AWS: "111122223333" }\n            Action: sqs:SendMessage\n            Resource: ${QUEUE}\n`),
      findings: [{ range: '9:13-9:22', message: 'Policy (PolicyDocument) is attached to a principal: its statements cannot name a Principal.' }],
      output: null,
    },
    {
      name: 'a trust policy without Principal, with a Resource and another action',
      code: role('          - Effect: Allow\n            Action: [sts:AssumeRole, s3:GetObject]\n            Resource: "*"\n'),
      findings: [
        { range: '8:13-8:19', message: 'Role (AssumeRolePolicyDocument) is a role trust policy: each statement must name a Principal.' },
        { range: '9:38-9:50', message: /can allow only sts:AssumeRole .*, not s3:GetObject\.$/ },
        { range: '10:13-10:21', message: 'Role (AssumeRolePolicyDocument) is a role trust policy: it applies to the role itself and cannot have a Resource.' },
      ],
      output: null,
    },
  ],
});

testRule(knownActions, {
  valid: [
    { name: 'real actions, wildcards that match, deploy-time values', code: managedPolicy(`          - Effect: Allow\n            Action: [s3:GetObject, "S3:list*", "*Object*", !Sub "\${Service}:Describe*"]\n            Resource: "*"\n`, 'Parameters:\n  Service:\n    Type: String\n') },
  ],
  invalid: [
    {
      name: 'a misspelt action, an unknown prefix, a wildcard that matches nothing, a missing prefix (JSON)',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "Action": ["s3:GetObjects", "s4:GetObject", "sqs:Gett*", "GetObject"], "Resource": "*"}'),
      findings: [
        { range: '1:72-1:87', message: 'This policy: Amazon S3 has no action "GetObjects" (did you mean "s3:GetObject"?).' },
        { range: '1:89-1:103', message: 'This policy: "s4" is not an AWS service prefix (did you mean "s3"?).' },
        { range: '1:105-1:116', message: 'This policy: "sqs:Gett*" matches no action of Amazon SQS.' },
        { range: '1:118-1:129', message: 'This policy: "GetObject" is not an action; actions are written service:Action (s3:GetObject).' },
      ],
      output: null,
    },
    {
      name: 'a misspelt action in one branch of !If',
      code: managedPolicy('          - Effect: Allow\n            Action: !If [Prod, sqs:SendMessage, sqs:SendMesage]\n            Resource: "*"\n'),
      findings: [{ range: '9:49-9:63', message: 'Policy (PolicyDocument): Amazon SQS has no action "SendMesage" (did you mean "sqs:SendMessage"?).' }],
      output: null,
    },
  ],
});

testRule(validArns, {
  valid: [
    { name: 'ARNs, wildcards, references and policy variables', code: managedPolicy('          - Effect: Allow\n            Action: s3:GetObject\n            Resource:\n              - arn:aws:s3:::reports/*\n              - !Sub "${Bucket.Arn}/*"\n              - !Sub "arn:${AWS::Partition}:s3:::home/${!aws:username}/*"\n              - arn:aws:logs:*\n', 'Parameters:\n  Bucket:\n    Type: String\n') },
  ],
  invalid: [
    {
      name: 'not an ARN, a wrong partition, a Region where S3 has none, a bad account',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["reports/*", "arn:amazon:s3:::reports/*", "arn:aws:s3:us-east-1::reports/*", "arn:aws:sqs:us-east-1:1234:jobs"]}'),
      findings: [
        { range: '1:100-1:111', message: 'This policy: "reports/*" is not an ARN (arn:partition:service:region:account:resource) nor "*".' },
        { range: '1:113-1:140', message: 'This policy: "arn:amazon:s3:::reports/*" names partition "amazon", which is not an AWS partition (aws, aws-cn, aws-us-gov…).' },
        { range: '1:142-1:175', message: /^This policy: "arn:aws:s3:us-east-1::reports\/\*" matches no ARN format of Amazon S3 \(/ },
        { range: '1:177-1:210', message: 'This policy: "arn:aws:sqs:us-east-1:1234:jobs" has "1234" where the 12-digit account id goes.' },
      ],
      output: null,
    },
  ],
});

testRule(actionResourceMatch, {
  valid: [
    { name: 'object actions on objects, bucket actions on the bucket', code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n' + managedPolicy('          - Effect: Allow\n            Action: [s3:GetObject, s3:ListBucket]\n            Resource: [!GetAtt Bucket.Arn, !Sub "${Bucket.Arn}/*"]\n').slice('Resources:\n'.length) },
    { name: 'an action without resource types on *', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "ec2:DescribeInstances", "Resource": "*"}') },
    {
      // aws-cfn-templates community/codestar/python-webservice-lambda: the documented grant on the transforms a change set uses.
      name: 'cloudformation:CreateChangeSet on transform ARNs',
      code: managedPolicy('          - Effect: Allow\n            Action:\n              - cloudformation:CreateChangeSet\n            Resource:\n              - arn:aws:cloudformation:us-west-2:aws:transform/Serverless-2016-10-31\n              - arn:aws:cloudformation:us-west-2:aws:transform/CodeStar\n'),
    },
  ],
  invalid: [
    {
      name: 's3:GetObject on the bucket ARN of the template',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n' + managedPolicy('          - Effect: Allow\n            Action: s3:GetObject\n            Resource: !GetAtt Bucket.Arn\n').slice('Resources:\n'.length),
      findings: [{ range: '11:21-11:33', message: /^Policy \(PolicyDocument\): s3:GetObject cannot apply to \$\{Bucket\.Arn\}; it takes accesspointobject \(.*\) and object \(arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}\)\.$/ }],
      output: null,
    },
    {
      name: 'an action that takes no ARN, on a named resource; and a resource no action uses',
      file: 'p.json',
      code: policyJson(`{"Effect": "Allow", "Action": "ec2:DescribeInstances", "Resource": "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"}`, `{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": ["${QUEUE}", "arn:aws:sqs:us-east-1:123456789012:other", "arn:aws:s3:::reports/*"]}`),
      findings: [
        { range: '1:71-1:94', message: 'This policy: ec2:DescribeInstances takes no resource ARN, so it applies only with Resource "*", not to arn:aws:ec2:us-east-1:123456789012:instance/i-0abc.' },
        { range: '1:312-1:336', message: 'This policy: no action of the statement applies to arn:aws:s3:::reports/*; it grants nothing there.' },
      ],
      output: null,
    },
  ],
});

testRule(validConditions, {
  valid: [
    { name: 'known operators and keys, provider claims, tag keys', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "*", "Condition": {"StringEqualsIfExists": {"aws:ResourceTag/team": "web"}, "ForAnyValue:StringLike": {"aws:TagKeys": "team*"}, "Null": {"aws:RequestTag/team": "false"}, "DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}}') },
  ],
  invalid: [
    {
      name: 'an unknown operator, a misspelt key, Null with a non-boolean, a date operator on a string key',
      file: 'p.json',
      code: policyJson('{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"StringEqual": {"aws:SourceVpce": "vpce-1"}, "Bool": {"aws:SecureTransports": "false"}, "Null": {"aws:SourceIp": "yes"}, "DateGreaterThan": {"aws:SourceAccount": "2024-01-01"}}}'),
      findings: [
        { range: '1:109-1:122', message: 'This policy: "StringEqual" is not a condition operator (did you mean "StringEquals"?).' },
        { range: '1:163-1:185', message: 'This policy: "aws:SecureTransports" is not a condition key (did you mean "aws:SecureTransport"?); the condition never matches.' },
        { range: '1:222-1:227', message: 'This policy: Null takes true (the key is absent) or false (it is present), not "yes".' },
        { range: '1:230-1:247', message: 'This policy: DateGreaterThan compares a date, but aws:SourceAccount is of type String.' },
      ],
      output: null,
    },
  ],
});

testRule(conditionKeysApply, {
  valid: [
    { name: 's3:prefix with s3:ListBucket', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::reports", "Condition": {"StringLike": {"s3:prefix": "2024/*"}}}') },
    { name: 'global keys apply to every action', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}') },
  ],
  invalid: [
    {
      name: 's3:prefix with s3:GetObject',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*", "Condition": {"StringLike": {"s3:prefix": "2024/*"}}}'),
      findings: [{ range: '1:154-1:165', message: 'This policy: s3:prefix is not set in requests for s3:GetObject, so this condition never matches.' }],
      output: null,
    },
  ],
});

testRule(setOperators, {
  valid: [
    { name: 'ForAllValues on a multi-valued key with a Null check', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}, "Null": {"aws:TagKeys": "false"}}}') },
    { name: 'Bool for MFA in an Allow', file: 'p.json', code: policyJson('{"Effect": "Allow", "Action": "ec2:StopInstances", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}') },
  ],
  invalid: [
    {
      name: 'ForAllValues on a single-valued key',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}'),
      findings: [{ range: '1:122-1:149', message: 'This policy: aws:RequestedRegion has a single value, but ForAllValues compares sets of values (and matches requests without the key); use StringEquals.' }],
      output: null,
    },
    {
      name: 'ForAllValues without a Null check, BoolIfExists for MFA',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": "team"}, "BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}}}'),
      findings: [
        { range: '1:120-1:147', message: 'This policy: ForAllValues also matches a request without aws:TagKeys; add a Null condition with aws:TagKeys: false.' },
        { range: '1:174-1:188', message: 'This policy: BoolIfExists also allows requests made with long-term access keys, which carry no aws:MultiFactorAuthPresent; use Bool.' },
      ],
      output: null,
    },
  ],
});
