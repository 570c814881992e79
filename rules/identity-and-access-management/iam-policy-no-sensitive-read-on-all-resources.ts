import { listNames, policyName } from '../../server/src/engine/iam/statement';
import { allowStatements, everyResourceValues, namedActionValues, policyRule } from '../lib/iam';
import { narrowResourceFixes } from '../lib/iam-fixes';
import { explain } from '../lib/values';

/** Actions that return stored data or secrets: on every resource, a path for data exfiltration. */
const SENSITIVE_READS = new Set([
  's3:GetObject',
  's3:GetObjectVersion',
  'secretsmanager:GetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'kms:Decrypt',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'rds-data:ExecuteStatement',
]);

export default policyRule(
  {
    id: 'iam-policy-no-sensitive-read-on-all-resources',
    bestPractice: ['SEC03-BP02', 'SEC08-BP04'],
    severity: 'warning',
    title: 'Reading objects, secrets, parameters or decrypting should be limited to named resources',
    rationale:
      '`s3:GetObject`, `secretsmanager:GetSecretValue`, `ssm:GetParameter*` or `kms:Decrypt` on `Resource: "*"` lets the principal read every object, secret and parameter of the account, and decrypt with every key that trusts the account: one leaked credential then exposes all of the data, not just what the workload uses.',
    remediation: 'Name the buckets, secrets, parameters, tables and keys the workload reads (`!Sub "${Bucket.Arn}/*"`, `!Ref Secret`), or scope the statement with a condition.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege', 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples.html'],
    equivalents: { checkov: ['CKV_AWS_108'] },
    fixable: true,
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:us-east-1:123456789012:secret:app-db-AbCdEf"}]}\n',
    },
  },
  (policy, context) => {
    for (const statement of allowStatements(policy, context, ['identity'])) {
      if (statement.condition) continue;
      const everything = everyResourceValues(statement, context.evaluator);
      if (everything.length === 0) continue;
      const reads = [...new Set(namedActionValues(statement, context).flatMap((value) => value.actions))].filter((action) => SENSITIVE_READS.has(action.id));
      if (reads.length === 0) continue;
      for (const value of everything) {
        context.report({
          at: value.node,
          message: `${policyName(policy, statement)} can read every ${listNames([...new Set(reads.map((action) => action.service.name))])} resource of the account through ${listNames(reads.map((a) => a.id))} on "${value.text}"${explain(value.candidate)}.`,
          fixes: narrowResourceFixes(policy, statement, value, reads, context),
        });
      }
    }
  },
);
