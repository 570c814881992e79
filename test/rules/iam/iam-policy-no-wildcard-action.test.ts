import rule from '../../../rules/identity-and-access-management/iam-policy-no-wildcard-action';
import { testRule } from '../../helpers/rule-tester';
import { managedPolicy, policyJson } from './helpers';

const SQS_ACTIONS = ['sqs:AddPermission', 'sqs:CancelMessageMoveTask', 'sqs:ChangeMessageVisibility', 'sqs:CreateQueue', 'sqs:DeleteMessage', 'sqs:DeleteQueue', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ListDeadLetterSourceQueues', 'sqs:ListMessageMoveTasks', 'sqs:ListQueueTags', 'sqs:PurgeQueue', 'sqs:ReceiveMessage', 'sqs:RemovePermission', 'sqs:SendMessage', 'sqs:SetQueueAttributes', 'sqs:StartMessageMoveTask', 'sqs:TagQueue', 'sqs:UntagQueue'];

testRule(rule, {
  valid: [
    { name: 'named actions', code: managedPolicy('          - Effect: Allow\n            Action: [s3:GetObject, s3:PutObject]\n            Resource: "*"\n') },
    { name: 'Deny of everything is fine', code: managedPolicy('          - Effect: Deny\n            Action: "*"\n            Resource: "*"\n') },
    { name: 'standalone policy with named actions', file: 'policy.json', code: policyJson('{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}') },
    { name: 'a parameter whose only value is a named action', code: managedPolicy('          - Effect: Allow\n            Action: !Ref Act\n            Resource: "*"\n', 'Parameters:\n  Act:\n    Type: String\n    Default: s3:GetObject\n') },
  ],
  invalid: [
    {
      name: 'Action "*" in a managed policy, on "*": nothing to narrow to',
      code: managedPolicy('          - Effect: Allow\n            Action: "*"\n            Resource: "*"\n'),
      findings: [{ range: '9:21-9:24', message: 'Policy (PolicyDocument) allows every action of every service ("*").' }],
      output: null,
    },
    {
      name: '"*" on a queue narrows to the actions the queue accepts (JSON)',
      file: 'policy.json',
      code: policyJson('{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:sqs:us-east-1:123456789012:jobs"}'),
      findings: [{ range: '1:71-1:74', message: 'This policy allows every action of every service ("*").' }],
      output: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [\n${SQS_ACTIONS.map((a) => `  "${a}"`).join(',\n')}\n], "Resource": "arn:aws:sqs:us-east-1:123456789012:jobs"}]}\n`,
    },
    {
      name: '"*" inside a list of a YAML statement: the item is replaced by the list',
      code: managedPolicy('          - Effect: Allow\n            Action:\n              - sqs:SendMessage # producer\n              - "*"\n            Resource: arn:aws:sqs:us-east-1:123456789012:jobs\n'),
      findings: [{ range: '11:17-11:20' }],
      output: managedPolicy(`          - Effect: Allow\n            Action:\n              - sqs:SendMessage # producer\n${SQS_ACTIONS.map((a) => `              - ${a}\n`).join('')}            Resource: arn:aws:sqs:us-east-1:123456789012:jobs\n`),
    },
    {
      name: '"*" from the default of a parameter',
      code: managedPolicy('          - Effect: Allow\n            Action: !Ref Act\n            Resource: "*"\n', 'Parameters:\n  Act:\n    Type: String\n    Default: "*"\n'),
      findings: [{ range: '13:21-13:29', message: 'Policy (PolicyDocument) allows every action of every service ("*") (from the default of parameter Act).' }],
      output: null,
    },
    {
      name: 'statement under a condition',
      code: managedPolicy('          - !If\n            - IsDev\n            - { Effect: Allow, Action: "*", Resource: "*" }\n            - !Ref AWS::NoValue\n'),
      findings: [{ range: '10:40-10:43' }],
      output: null,
    },
    {
      name: 'SAM function inline policy',
      code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      Policies:\n        - AWSLambdaBasicExecutionRole\n        - Statement:\n            - Effect: Allow\n              Action: "*:*"\n              Resource: "*"\n',
      findings: [{ range: '12:23-12:28', message: 'Fn (Policies[1]) allows every action of every service ("*:*").' }],
      output: null,
    },
    {
      name: 'a policy written as a JSON string is reported inside the string',
      code: 'Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: \'{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}\'\n',
      findings: [{ range: '5:94-5:97' }],
      output: null,
    },
    {
      name: '!Sub of a JSON string in a literal block',
      code: 'Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: !Sub |\n        {"Version": "2012-10-17",\n         "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:${AWS::Partition}:s3:::b/*"}]}\n',
      findings: [{ range: '7:54-7:57' }],
      output: null,
    },
  ],
});
