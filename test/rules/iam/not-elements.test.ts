import notAction from '../../../rules/identity-and-access-management/iam-policy-no-allow-not-action';
import notPrincipal from '../../../rules/identity-and-access-management/iam-policy-no-allow-not-principal';
import notResource from '../../../rules/identity-and-access-management/iam-policy-no-allow-not-resource';
import { testRule } from '../../helpers/rule-tester';
import { managedPolicy, policyJson } from './helpers';

const QUEUE = 'arn:aws:sqs:us-east-1:123456789012:jobs';
const KEPT = ['sqs:AddPermission', 'sqs:CancelMessageMoveTask', 'sqs:ChangeMessageVisibility', 'sqs:CreateQueue', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ListDeadLetterSourceQueues', 'sqs:ListMessageMoveTasks', 'sqs:ListQueueTags', 'sqs:ReceiveMessage', 'sqs:RemovePermission', 'sqs:SendMessage', 'sqs:SetQueueAttributes', 'sqs:StartMessageMoveTask', 'sqs:TagQueue', 'sqs:UntagQueue'];

testRule(notAction, {
  valid: [
    { name: 'Deny with NotAction is the usual guardrail', file: 'p.json', code: policyJson('{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"}') },
    { name: 'Allow with Action', file: 'p.json', code: policyJson(`{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "${QUEUE}"}`) },
  ],
  invalid: [
    {
      name: 'Allow with NotAction on every resource: no list to offer',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}'),
      findings: [{ range: '1:61-1:72', message: /^This policy allows \d+ actions of every service except iam:\*, including the ones AWS adds later\.$/ }],
      output: null,
    },
    {
      name: 'Allow with NotAction on a queue becomes the Action list it means there',
      file: 'p.json',
      code: policyJson(`{"Effect": "Allow", "NotAction": ["sqs:DeleteQueue", "sqs:Purge*"], "Resource": "${QUEUE}"}`),
      findings: [{ range: '1:61-1:72' }],
      output: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [\n${KEPT.map((a) => `  "${a}"`).join(',\n')}\n], "Resource": "${QUEUE}"}]}\n`,
    },
    {
      name: 'an Allow on one branch of !If',
      code: managedPolicy('          - Effect: !If [Open, Allow, Deny]\n            NotAction: iam:*\n            Resource: "*"\n'),
      findings: [{ range: '9:13-9:22' }],
      output: null,
    },
  ],
});

testRule(notResource, {
  valid: [{ name: 'Deny with NotResource', file: 'p.json', code: policyJson('{"Effect": "Deny", "Action": "s3:DeleteObject", "NotResource": "arn:aws:s3:::scratch/*"}') }],
  invalid: [
    {
      name: 'Allow with NotResource',
      file: 'p.json',
      code: policyJson('{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secrets/*"}'),
      findings: [{ range: '1:87-1:100', message: 'This policy allows its actions on every resource except the ones listed under NotResource, including resources created later.' }],
      output: null,
    },
  ],
});

const topicPolicy = (statement: string) =>
  `Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n  TopicPolicy:\n    Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics: [!Ref Topic]\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n${statement}`;

testRule(notPrincipal, {
  valid: [
    { name: 'Deny with NotPrincipal', code: topicPolicy('          - Effect: Deny\n            NotPrincipal: { AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" }\n            Action: sns:Publish\n            Resource: !Ref Topic\n') },
  ],
  invalid: [
    {
      name: 'Allow with NotPrincipal in a topic policy',
      code: topicPolicy('          - Effect: Allow\n            NotPrincipal: { AWS: arn:aws:iam::111122223333:root }\n            Action: sns:Publish\n            Resource: !Ref Topic\n'),
      findings: [{ range: '12:13-12:25', message: 'TopicPolicy (PolicyDocument) allows every principal except the ones under NotPrincipal: anonymous users and every other account included.' }],
      output: null,
    },
  ],
});
