import adminPolicies from '../../../rules/identity-and-access-management/iam-no-admin-managed-policies';
import userAttachment from '../../../rules/identity-and-access-management/iam-policy-attached-to-groups-or-roles';
import publicAccess from '../../../rules/identity-and-access-management/iam-resource-policy-no-public-access';
import servicePrincipal from '../../../rules/identity-and-access-management/iam-resource-policy-service-principal-source';
import crossAccount from '../../../rules/identity-and-access-management/iam-role-trust-cross-account-condition';
import trustEveryone from '../../../rules/identity-and-access-management/iam-role-trust-no-public-principal';
import oidc from '../../../rules/identity-and-access-management/iam-role-trust-oidc-subject';
import requiresTls from '../../../rules/data-protection/s3-bucket-policy-requires-tls';
import { testRule } from '../../helpers/rule-tester';
import { role } from './helpers';

const queuePolicy = (statement: string, before = '') =>
  `${before}Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  QueuePolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Queue]\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n${statement}`;

testRule(publicAccess, {
  valid: [
    { name: '* narrowed to the organization', code: queuePolicy('          - Effect: Allow\n            Principal: "*"\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn\n            Condition: { StringEquals: { aws:PrincipalOrgID: o-a1b2c3d4e5 } }\n') },
    { name: 'a named account', code: queuePolicy('          - Effect: Allow\n            Principal: { AWS: arn:aws:iam::111122223333:root }\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn\n') },
    { name: 'a Deny to everyone', code: queuePolicy('          - Effect: Deny\n            Principal: "*"\n            Action: sqs:*\n            Resource: !GetAtt Queue.Arn\n            Condition: { Bool: { aws:SecureTransport: "false" } }\n') },
    {
      // serverless-patterns public-nlb-or-alb-private-api-cfn: a private API open to "*" but denied outside its VPC endpoint.
      name: '* allowed, then denied unless the request comes through a VPC endpoint',
      code: 'Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: private\n      EndpointConfiguration:\n        Types:\n          - PRIVATE\n      Policy:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: "Allow"\n            Principal: "*"\n            Action:\n              - "execute-api:Invoke"\n            Resource: "execute-api:/*"\n          - Effect: "Deny"\n            Principal: "*"\n            Action:\n              - "execute-api:Invoke"\n            Resource: "execute-api:/*"\n            Condition:\n              StringNotEquals:\n                aws:sourceVpce: !Ref Endpoint\n',
    },
  ],
  invalid: [
    {
      name: 'Principal "*" in a queue policy',
      code: queuePolicy('          - Effect: Allow\n            Principal: "*"\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn\n'),
      findings: [{ range: '12:24-12:27', message: 'QueuePolicy (PolicyDocument) allows sqs:SendMessage to anyone, any AWS account and anonymous callers included, with no condition on their organization, account, network or source.' }],
      output: null,
    },
    {
      name: '{ AWS: "*" } from a parameter, with a negated condition that does not narrow',
      code: queuePolicy('          - Effect: Allow\n            Principal: { AWS: !Ref Who }\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn\n            Condition: { StringNotEquals: { aws:SourceVpce: vpce-1a2b3c4d } }\n', 'Parameters:\n  Who:\n    Type: String\n    Default: "*"\n'),
      findings: [{ range: '16:31-16:39', message: /anonymous callers included \(from the default of parameter Who\)/ }],
      output: null,
    },
    {
      name: 'a Deny outside the VPC endpoint that covers another action only',
      code: queuePolicy('          - Effect: Allow\n            Principal: "*"\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn\n          - Effect: Deny\n            Principal: "*"\n            Action: sqs:ReceiveMessage\n            Resource: !GetAtt Queue.Arn\n            Condition: { StringNotEquals: { aws:SourceVpce: vpce-1a2b3c4d } }\n'),
      findings: [{ range: '12:24-12:27', message: /^QueuePolicy \(PolicyDocument, statement 1\) allows sqs:SendMessage to anyone/ }],
      output: null,
    },
    {
      name: 'a Lambda permission for everyone',
      code: 'Resources:\n  Permission:\n    Type: AWS::Lambda::Permission\n    Properties:\n      FunctionName: my-function\n      Action: lambda:InvokeFunction\n      Principal: "*"\n',
      findings: [{ range: '7:18-7:21', message: 'Permission allows lambda:InvokeFunction to anyone, any AWS account and anonymous callers included, with no condition on their organization, account, network or source.' }],
      output: null,
    },
  ],
});

const topicPolicy = (statement: string) =>
  `Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n  TopicPolicy:\n    Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics: [!Ref Topic]\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n${statement}`;
const permission = (extra: string) => `Resources:\n  Permission:\n    Type: AWS::Lambda::Permission\n    Properties:\n      FunctionName: my-function\n      Action: lambda:InvokeFunction\n      Principal: s3.amazonaws.com\n${extra}`;

testRule(servicePrincipal, {
  valid: [
    { name: 'a permission with SourceAccount', code: permission('      SourceAccount: !Ref AWS::AccountId\n') },
    { name: 'a topic policy with aws:SourceArn', code: topicPolicy('          - Effect: Allow\n            Principal: { Service: events.amazonaws.com }\n            Action: sns:Publish\n            Resource: !Ref Topic\n            Condition: { ArnEquals: { aws:SourceArn: !Sub "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/nightly" } }\n') },
    { name: 'a trust policy is not a confused-deputy grant here', code: role('          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n') },
  ],
  invalid: [
    {
      name: 'a Lambda permission for S3 gets SourceAccount',
      code: permission(''),
      findings: [{ range: '7:18-7:34', message: 'Permission lets s3.amazonaws.com act for any AWS account: no aws:SourceAccount or aws:SourceArn condition says on whose behalf.' }],
      output: permission('      SourceAccount: !Ref AWS::AccountId\n'),
    },
    {
      name: 'a topic policy for EventBridge gets an aws:SourceAccount condition',
      code: topicPolicy('          - Effect: Allow\n            Principal: { Service: events.amazonaws.com }\n            Action: sns:Publish\n            Resource: !Ref Topic\n'),
      findings: [{ range: '12:35-12:55' }],
      output: topicPolicy('          - Effect: Allow\n            Principal: { Service: events.amazonaws.com }\n            Action: sns:Publish\n            Condition:\n              StringEquals:\n                aws:SourceAccount: !Ref AWS::AccountId\n            Resource: !Ref Topic\n'),
    },
  ],
});

testRule(trustEveryone, {
  valid: [
    { name: 'a service', code: role('          - Effect: Allow\n            Principal: { Service: ec2.amazonaws.com }\n            Action: sts:AssumeRole\n') },
    { name: 'everyone of the organization', code: role('          - Effect: Allow\n            Principal: { AWS: "*" }\n            Action: sts:AssumeRole\n            Condition: { StringEquals: { aws:PrincipalOrgID: o-a1b2c3d4e5 } }\n') },
  ],
  invalid: [
    {
      name: 'AWS "*" in a trust policy',
      code: role('          - Effect: Allow\n            Principal: { AWS: "*" }\n            Action: sts:AssumeRole\n'),
      findings: [{ range: '9:31-9:34', message: 'Role (AssumeRolePolicyDocument) lets any identity of any AWS account assume the role.' }],
      output: null,
    },
    {
      name: '"*" on one branch of !If',
      code: role('          - Effect: Allow\n            Principal: !If [Open, "*", { Service: ec2.amazonaws.com }]\n            Action: sts:AssumeRole\n'),
      findings: [{ range: '9:35-9:38' }],
      output: null,
    },
  ],
});

testRule(crossAccount, {
  valid: [
    { name: 'with an external id', code: role('          - Effect: Allow\n            Principal: { AWS: "111122223333" }\n            Action: sts:AssumeRole\n            Condition: { StringEquals: { sts:ExternalId: partner-7f3a } }\n') },
    { name: 'with MFA', code: role('          - Effect: Allow\n            Principal: { AWS: arn:aws:iam::111122223333:root }\n            Action: sts:AssumeRole\n            Condition: { Bool: { aws:MultiFactorAuthPresent: "true" } }\n') },
    { name: 'a named role of the other account', code: role('          - Effect: Allow\n            Principal: { AWS: arn:aws:iam::111122223333:role/deployer }\n            Action: sts:AssumeRole\n') },
  ],
  invalid: [
    {
      name: 'a whole account by id',
      code: role('          - Effect: Allow\n            Principal: { AWS: "111122223333" }\n            Action: sts:AssumeRole\n'),
      findings: [{ range: '9:31-9:45', message: 'Role (AssumeRolePolicyDocument) lets every identity of account 111122223333 assume the role, with no sts:ExternalId, MFA or principal condition.' }],
      output: null,
    },
    {
      name: 'a whole account from a !Sub with a parameter default',
      code: `Parameters:\n  Partner:\n    Type: String\n    Default: "111122223333"\n${role('          - Effect: Allow\n            Principal: { AWS: !Sub "arn:aws:iam::${Partner}:root" }\n            Action: sts:AssumeRole\n')}`,
      findings: [{ range: '13:31-13:66' }],
      output: null,
    },
  ],
});

const github = (condition: string) =>
  role(`          - Effect: Allow\n            Principal: { Federated: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com" }\n            Action: sts:AssumeRoleWithWebIdentity\n${condition}`);

testRule(oidc, {
  valid: [
    { name: 'GitHub with a sub condition', code: github('            Condition:\n              StringLike:\n                token.actions.githubusercontent.com:sub: repo:my-org/my-repo:*\n') },
    { name: 'Cognito with an aud condition', code: role('          - Effect: Allow\n            Principal: { Federated: cognito-identity.amazonaws.com }\n            Action: sts:AssumeRoleWithWebIdentity\n            Condition: { StringEquals: { cognito-identity.amazonaws.com:aud: us-east-1:12345678-1234-1234-1234-123456789012 } }\n') },
  ],
  invalid: [
    {
      name: 'GitHub with only the audience',
      code: github('            Condition:\n              StringEquals:\n                token.actions.githubusercontent.com:aud: sts.amazonaws.com\n'),
      findings: [{ range: '9:37-9:138', message: 'Role (AssumeRolePolicyDocument) lets anyone with a token from token.actions.githubusercontent.com assume the role: no condition on token.actions.githubusercontent.com:sub says whose token.' }],
      output: null,
    },
    {
      name: 'GitHub with a sub that matches every repository',
      code: github('            Condition:\n              StringLike:\n                token.actions.githubusercontent.com:sub: "repo:*"\n'),
      findings: [{ range: '9:37-9:138' }],
      output: null,
    },
  ],
});

const lambdaRole = (arns: string) => role('          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n', `      ManagedPolicyArns:\n${arns}`);

testRule(adminPolicies, {
  valid: [
    { name: 'a narrower AWS managed policy', code: lambdaRole('        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess\n') },
    { name: 'a customer policy named like an AWS one', code: lambdaRole('        - arn:aws:iam::123456789012:policy/AdministratorAccess\n') },
  ],
  invalid: [
    {
      name: 'AdministratorAccess by ARN, with !Sub',
      code: lambdaRole('        - !Sub arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess\n'),
      findings: [{ range: '12:11-12:73', message: 'Role has the AWS managed policy AdministratorAccess: full access to every service.' }],
      output: null,
    },
    {
      name: 'PowerUserAccess by name in SAM, on one branch',
      code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      Policies:\n        - !If [Dev, PowerUserAccess, AWSLambdaBasicExecutionRole]\n',
      findings: [{ range: '9:21-9:36', message: 'Fn has the AWS managed policy PowerUserAccess: full access to every service but IAM and Organizations.' }],
      output: null,
    },
  ],
});

testRule(userAttachment, {
  valid: [
    { name: 'a group with a policy', code: 'Resources:\n  Admins:\n    Type: AWS::IAM::Group\n    Properties:\n      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n' },
    { name: 'a user in a group, with no policy of its own', code: 'Resources:\n  Alice:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: [admins]\n      ManagedPolicyArns: []\n' },
  ],
  invalid: [
    {
      name: 'a user with managed policies',
      code: 'Resources:\n  Alice:\n    Type: AWS::IAM::User\n    Properties:\n      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n',
      findings: [{ range: '5:7-5:24', message: 'Alice is a user with its own managed policies; give them to a group it belongs to.' }],
      output: null,
    },
    {
      name: 'a managed policy attached to users',
      code: 'Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      Users: [!Ref Alice]\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - { Effect: Allow, Action: s3:ListAllMyBuckets, Resource: "*" }\n',
      findings: [{ range: '5:7-5:12', message: 'Policy is attached to users directly; attach it to a group they belong to.' }],
      output: null,
    },
  ],
});

const bucket = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Condition: Prod\n';
const denyHttp = (bucketId: string) =>
  `          - Sid: DenyInsecureTransport\n            Effect: Deny\n            Principal: "*"\n            Action: s3:*\n            Resource:\n              - !GetAtt ${bucketId}.Arn\n              - !Sub "\${${bucketId}.Arn}/*"\n            Condition:\n              Bool:\n                aws:SecureTransport: "false"\n`;
const bucketPolicy = (statements: string) => `${bucket}  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n${statements}`;
const ownRead = '          - Effect: Allow\n            Principal: { AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" }\n            Action: s3:GetObject\n            Resource: !Sub "${Bucket.Arn}/*"\n';

const JSON_POLICY = (appended: string) =>
  '{\n  "Resources": {\n    "Bucket": {"Type": "AWS::S3::Bucket"},\n    "Policy": {\n      "Type": "AWS::S3::BucketPolicy",\n      "Properties": {\n        "Bucket": {"Ref": "Bucket"},\n        "PolicyDocument": {\n          "Version": "2012-10-17",\n          "Statement": [\n' +
  '            {"Effect": "Allow", "Principal": {"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}}, "Action": "s3:GetObject", "Resource": {"Fn::Sub": "${Bucket.Arn}/*"}}' +
  `${appended}\n          ]\n        }\n      }\n    }\n  }\n}\n`;

testRule(requiresTls, {
  valid: [
    { name: 'a policy that denies plain HTTP', code: bucketPolicy(ownRead + denyHttp('Bucket')) },
    { name: 'a policy written with an intrinsic Pillar cannot read', code: `${bucket}  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument: !ImportValue shared-policy\n` },
    {
      // widdix operations/terraform-state: the whole Statement list chosen by !If, each list denying plain HTTP.
      name: 'Statement lists chosen by !If, each with the deny',
      code: `Conditions:\n  HasUsers: !Equals [!Ref AWS::Region, eu-west-1]\n${bucket}  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument:\n        Statement: !If\n        - HasUsers\n        - - Effect: Deny\n            NotAction: s3:GetObject\n            Resource: !Sub '\${Bucket.Arn}/*'\n            NotPrincipal:\n              AWS: arn:aws:iam::111122223333:root\n          - Sid: AllowSSLRequestsOnly\n            Effect: Deny\n            Principal: '*'\n            Action: 's3:*'\n            Resource:\n            - !GetAtt 'Bucket.Arn'\n            - !Sub '\${Bucket.Arn}/*'\n            Condition:\n              Bool:\n                'aws:SecureTransport': false\n        - - Sid: AllowSSLRequestsOnly\n            Effect: Deny\n            Principal: '*'\n            Action: 's3:*'\n            Resource:\n            - !GetAtt 'Bucket.Arn'\n            - !Sub '\${Bucket.Arn}/*'\n            Condition:\n              Bool:\n                'aws:SecureTransport': false\n`,
    },
  ],
  invalid: [
    {
      name: 'no bucket policy: one is created before the bucket, under its condition',
      code: bucket,
      findings: [{ range: '2:3-2:9', message: 'Bucket has no bucket policy, so S3 accepts its requests over plain HTTP.' }],
      output: `Resources:\n  BucketPolicy:\n    Type: AWS::S3::BucketPolicy\n    Condition: Prod\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument:\n        Version: 2012-10-17\n        Statement:\n${denyHttp('Bucket')}${bucket.slice('Resources:\n'.length)}`,
    },
    {
      name: 'a policy without the deny gets the statement appended',
      code: bucketPolicy(ownRead),
      findings: [{ range: '11:9-11:18', message: 'The bucket policy Policy of Bucket does not deny requests made without TLS (aws:SecureTransport false).' }],
      output: bucketPolicy(ownRead + denyHttp('Bucket')),
    },
    {
      name: 'JSON: the statement is appended in the file\'s layout',
      file: 't.json',
      code: JSON_POLICY(''),
      findings: [{ range: '10:11-10:22' }],
      output: JSON_POLICY(
        ',\n            {\n              "Sid": "DenyInsecureTransport",\n              "Effect": "Deny",\n              "Principal": "*",\n              "Action": "s3:*",\n              "Resource": [\n                {"Fn::GetAtt": ["Bucket", "Arn"]},\n                {"Fn::Sub": "${Bucket.Arn}/*"}\n              ],\n              "Condition": {\n                "Bool": {\n                  "aws:SecureTransport": "false"\n                }\n              }\n            }',
      ),
    },
  ],
});
