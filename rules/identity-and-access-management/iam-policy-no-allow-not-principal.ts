import { policyName } from '../../server/src/engine/iam/statement';
import { allowStatements, policyRule } from '../lib/iam';

export default policyRule(
  {
    id: 'iam-policy-no-allow-not-principal',
    bestPractice: ['SEC03-BP07'],
    severity: 'error',
    title: 'Resource and trust policies must not allow with NotPrincipal',
    rationale:
      '`Effect: Allow` with `NotPrincipal` grants access to every principal except the ones listed: anonymous users and every other AWS account included. It makes the resource public while reading like a restriction.',
    remediation: 'Name who is allowed with `Principal`, narrowed by conditions such as `aws:PrincipalOrgID` where needed. `NotPrincipal` belongs only in `Deny` statements.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html'],
    equivalents: { cfnNag: ['F6', 'F7', 'F8', 'F9'] },
    examples: {
      insecure:
        'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n  TopicPolicy:\n    Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics: [!Ref Topic]\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            NotPrincipal: { AWS: arn:aws:iam::111122223333:root }\n            Action: sns:Publish\n            Resource: !Ref Topic\n',
      secure:
        'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: alias/aws/sns\n  TopicPolicy:\n    Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics: [!Ref Topic]\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" }\n            Action: sns:Publish\n            Resource: !Ref Topic\n',
    },
  },
  (policy, context) => {
    for (const statement of allowStatements(policy, context)) {
      const pair = statement.node.byKey.get('NotPrincipal');
      if (pair) context.report({ at: pair.key, message: `${policyName(policy, statement)} allows every principal except the ones under NotPrincipal: anonymous users and every other account included.` });
    }
  },
);
