import { policyName, policyValues } from '../../server/src/engine/iam/statement';
import { exclusiveStatements, STATEMENT_KEYS, type Statement } from '../../server/src/engine/policies';
import { getProperty, scalarString, type Node } from '../../server/src/engine/tree';
import { policyRule } from '../lib/iam';

const VERSIONS = new Set(['2012-10-17', '2008-10-17']);
const KNOWN_KEYS = new Set<string>(STATEMENT_KEYS);
const RESOURCE_REQUIRED = new Set(['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy', 'AWS::KMS::Key', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain']);

export default policyRule(
  {
    id: 'iam-policy-statement-valid',
    bestPractice: ['SEC03-BP02'],
    severity: 'error',
    title: 'Policy statements must be well formed',
    rationale:
      'IAM rejects a policy with an unknown element, an `Effect` other than `Allow` or `Deny`, a statement without actions, both `Action` and `NotAction`, or a repeated `Sid`; CloudFormation then fails the deployment (or, for some resource policies, the policy silently does not mean what it says). Catching it while typing saves a failed stack update.',
    remediation: 'Fix the element the message names: the element names are `Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`, `NotAction`, `Resource`, `NotResource` and `Condition`, each statement needs an `Effect` and actions, and `Sid`s must be unique.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html'],
    equivalents: { cfnLint: ['E3510', 'E3512', 'E3530'] },
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allowed", "Actions": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}\n',
    },
  },
  (policy, context) => {
    const name = policyName(policy);
    const report = (at: Node, message: string) => context.report({ at, message: `${name}: ${message}` });
    if (policy.unreadable) {
      report(policy.unreadable.node, `the policy string is not a valid JSON document (${policy.unreadable.message.replace(/\.$/, '')}).`);
      return;
    }
    if (policy.form !== 'document' && policy.form !== 'json-string') return;
    const version = policy.version && scalarString(policy.version);
    if (policy.version && version !== undefined && !VERSIONS.has(version)) report(policy.version, `Version "${version}" is not a policy language version; use "2012-10-17".`);
    const isBusPolicy = policy.resource?.type === 'AWS::Events::EventBusPolicy';
    const statementNode = getProperty(policy.node, 'Statement');
    if (!isBusPolicy && !statementNode) report(policy.node.pairs[0]?.key ?? policy.node, 'the policy has no Statement.');
    for (const item of statementNode?.kind === 'seq' ? statementNode.items : []) {
      if (item.kind === 'scalar' || item.kind === 'seq') report(item, 'each statement must be an object with Effect, Action and the other elements.');
    }
    // Identity policies need a Resource, and so do the resource policies whose resource is not implied.
    const needsResource = policy.kind === 'identity' || RESOURCE_REQUIRED.has(policy.resource?.type ?? '');
    const sids = new Map<string, Statement[]>();
    for (const statement of policy.statements) {
      if (!isBusPolicy) {
        for (const pair of statement.node.pairs) {
          const key = String(pair.key.value);
          if (KNOWN_KEYS.has(key)) continue;
          const suggestion = [...KNOWN_KEYS].find((known) => known.toLowerCase() === key.toLowerCase() || known.toLowerCase() === key.toLowerCase().replace(/s$/, ''));
          report(pair.key, `"${key}" is not a statement element${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`);
        }
      }
      const effectKey = statement.node.byKey.get('Effect')?.key;
      if (!statement.effect) report(statement.node.pairs[0]?.key ?? statement.node, 'the statement has no Effect (Allow or Deny).');
      else {
        for (const value of policyValues(statement.effect, context.evaluator)) {
          if (value.text !== undefined && value.text !== 'Allow' && value.text !== 'Deny') report(value.node, `Effect "${value.text}" is neither "Allow" nor "Deny" (the words are case-sensitive).`);
        }
      }
      if (!statement.action && !statement.notAction) report(effectKey ?? statement.node, 'the statement has neither Action nor NotAction.');
      for (const [a, b] of [['Action', 'NotAction'], ['Resource', 'NotResource'], ['Principal', 'NotPrincipal']] as const) {
        const second = statement.node.byKey.get(b);
        if (statement.node.byKey.has(a) && second) report(second.key, `the statement has both ${a} and ${b}; use one of them.`);
      }
      if (needsResource && !statement.resource && !statement.notResource) report(effectKey ?? statement.node, 'the statement has neither Resource nor NotResource.');
      const sid = scalarString(statement.sid);
      if (sid === undefined || sid === "" || !statement.sid) continue;
      // Statements in different branches of one `!If` never meet in the deployed policy.
      const others = sids.get(sid) ?? [];
      if (others.some((other) => !exclusiveStatements(other, statement))) report(statement.sid, `Sid "${sid}" is used by another statement of the policy; Sids must be unique.`);
      sids.set(sid, [...others, statement]);
      if (policy.kind === 'identity' && !/^[A-Za-z0-9]*$/.test(sid)) report(statement.sid, `Sid "${sid}" may hold only letters and digits in an identity policy.`);
    }
  },
);
