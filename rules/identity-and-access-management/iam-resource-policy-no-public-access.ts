import { wildcardRegExp } from '../../server/src/engine/iam/patterns';
import { baseOperator, conditions, isEveryone, listNames, policyName, policyValues, principals } from '../../server/src/engine/iam/statement';
import type { PolicyDocument, Statement } from '../../server/src/engine/policies';
import type { RuleContext } from '../../server/src/engine/rule';
import type { Node } from '../../server/src/engine/tree';
import { allowStatements, hasConditionOn, policyRule } from '../lib/iam';
import { explain } from '../lib/values';

/** Condition keys that limit who can use a grant to "*" to an account, organization, network or source. */
export const NARROWING_KEYS = [
  'aws:SourceArn',
  'aws:SourceAccount',
  'aws:SourceOwner',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:PrincipalServiceName',
  'aws:SourceVpc',
  'aws:SourceVpce',
  'aws:SourceIp',
  'aws:VpcSourceIp',
  'aws:userid',
  'aws:username',
  'aws:ResourceAccount',
  'kms:CallerAccount',
  'kms:ViaService',
  's3:DataAccessPointAccount',
  's3:DataAccessPointArn',
  'lambda:FunctionUrlAuthType',
  'lambda:EventSourceToken',
];

export default policyRule(
  {
    id: 'iam-resource-policy-no-public-access',
    bestPractice: ['SEC03-BP07', 'SEC03-BP08'],
    severity: 'error',
    title: 'Resource policies must not allow everyone ("*") without a narrowing condition',
    rationale:
      'A resource policy that allows `Principal: "*"` (or `{"AWS": "*"}`) grants its actions to every AWS account and to anonymous callers. Unless a condition ties the grant to your organization, account, network or a source resource, the bucket, queue, topic, key or function is public.',
    remediation:
      'Name the principals (account or role ARNs), or keep `"*"` with a condition that narrows it: `aws:PrincipalOrgID` for your organization, `aws:SourceVpce` for a VPC endpoint, `aws:SourceArn`/`aws:SourceAccount` for a service acting for a resource.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous'],
    equivalents: {
      checkov: ['CKV_AWS_32', 'CKV_AWS_33'],
      cfnNag: ['F13', 'F16', 'F18', 'F21', 'F76'],
      kics: [
        '7772bb8c-c0f3-42d4-8e4e-f1b8939ad085',
        '1d6e16f1-5d8a-4379-bfb3-2dadd38ed5a7',
        'f6049677-ec4a-43af-8779-5190b6d03cba',
        'ae53ce91-42b5-46bf-a84f-9a13366a4f13',
        '9b6a3f5b-5fd6-40ee-9bc0-ed604911212d',
        '75be209d-1948-41f6-a8c8-e22dd0121134',
      ],
      securityHub: ['Lambda.1'],
    },
    examples: {
      insecure:
        'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  QueuePolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Queue]\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn\n',
      secure:
        'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  QueuePolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Queue]\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn\n            Condition:\n              StringEquals:\n                aws:PrincipalOrgID: o-a1b2c3d4e5\n',
    },
  },
  (policy, context) => {
    for (const statement of allowStatements(policy, context, ['resource'])) {
      const everyone = principals(statement.principal, context.evaluator).find(isEveryone);
      if (!everyone || hasConditionOn(statement, context, NARROWING_KEYS) || deniedOutsideNarrowing(policy, statement, context)) continue;
      const actions = policyValues(statement.action, context.evaluator).map((value) => value.text ?? '?');
      context.report({
        at: everyone.node,
        message: `${policyName(policy, statement)} allows ${actions.length > 0 ? listNames(actions) : 'its actions'} to anyone, any AWS account and anonymous callers included${explain(everyone.candidate)}, with no condition on their organization, account, network or source.`,
      });
    }
  },
);

/**
 * Whether another statement denies everyone the grant's actions on its resources unless a narrowing
 * key matches (`Deny` + `StringNotEquals: {aws:SourceVpce: ...}`): the pattern AWS documents for
 * private APIs, where the `Allow` to "*" is then limited to the endpoint.
 */
function deniedOutsideNarrowing(policy: PolicyDocument, allow: Statement, context: RuleContext): boolean {
  const texts = (node: Node | undefined) => policyValues(node, context.evaluator).map((value) => value.text);
  const covers = (patterns: (string | undefined)[], wanted: (string | undefined)[]) =>
    wanted.length > 0 && wanted.every((text) => text !== undefined && patterns.some((pattern) => pattern !== undefined && wildcardRegExp(pattern).test(text)));
  const narrowing = NARROWING_KEYS.map((key) => key.toLowerCase());
  return policy.statements.some(
    (deny) =>
      deny !== allow &&
      texts(deny.effect).every((effect) => effect === 'Deny') &&
      principals(deny.principal, context.evaluator).some(isEveryone) &&
      conditions(deny, context.evaluator).some((entry) => narrowing.includes(entry.key.toLowerCase()) && /Not/.test(baseOperator(entry.operator)) && !entry.values.every((value) => value.text === '*')) &&
      covers(texts(deny.action), texts(allow.action)) &&
      covers(texts(deny.resource), texts(allow.resource)),
  );
}
