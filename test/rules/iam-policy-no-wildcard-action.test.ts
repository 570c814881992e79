import rule from '../../rules/identity-and-access-management/iam-policy-no-wildcard-action';
import { testRule } from '../helpers/rule-tester';

const policy = (statement: string) => `Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n${statement}`;

testRule(rule, {
  valid: [
    { name: 'named actions', code: policy('          - Effect: Allow\n            Action: [s3:GetObject, s3:PutObject]\n            Resource: "*"\n') },
    { name: 'Deny of everything is fine', code: policy('          - Effect: Deny\n            Action: "*"\n            Resource: "*"\n') },
    { name: 'standalone policy with named actions', file: 'policy.json', code: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}]}' },
  ],
  invalid: [
    {
      name: 'Action "*" in a managed policy',
      code: policy('          - Effect: Allow\n            Action: "*"\n            Resource: "*"\n'),
      findings: [{ range: '9:21-9:24', message: 'Policy (PolicyDocument) allows every action of every service ("*").' }],
      output: null,
    },
    {
      name: '"*" inside a list, in a role inline policy',
      code: 'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] }\n      Policies:\n        - PolicyName: all\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action:\n                  - s3:GetObject\n                  - "*"\n                Resource: "*"\n',
      findings: [{ range: '13:21-13:24', message: 'Role (Policies[0].PolicyDocument) allows every action of every service ("*").' }],
      output: null,
    },
    {
      name: 'standalone policy file',
      file: 'admin.json',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}\n}\n',
      findings: [{ range: '3:46-3:49', message: 'This policy allows every action of every service ("*").' }],
      output: null,
    },
    {
      name: 'statement under a condition',
      code: policy('          - !If\n            - IsDev\n            - { Effect: Allow, Action: "*", Resource: "*" }\n            - !Ref AWS::NoValue\n'),
      findings: [{ range: '10:40-10:43' }],
      output: null,
    },
    {
      name: 'SAM function inline policy',
      code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      Policies:\n        - AWSLambdaBasicExecutionRole\n        - Statement:\n            - Effect: Allow\n              Action: "*"\n              Resource: "*"\n',
      findings: [{ range: '12:23-12:26', message: 'Fn (Policies[1]) allows every action of every service ("*").' }],
      output: null,
    },
  ],
});
