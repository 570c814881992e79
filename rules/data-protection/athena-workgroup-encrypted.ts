import type { Resource } from '../../server/src/engine/model';
import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { absentBranches } from '../lib/encryption';
import { checkProperty } from '../lib/properties';
import { asBoolean } from '../lib/values';

const ENCRYPTION = 'WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration';

const rule: Rule = {
  meta: {
    id: 'athena-workgroup-encrypted',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02', 'SEC08-BP03'],
    severity: 'info',
    title: 'Athena workgroups should encrypt query results and enforce their settings',
    rationale:
      'Query results are copies of the data queried, written to S3 for every query. A workgroup that names an encryption option encrypts every result the way you chose (SSE-S3, or a KMS key whose policy limits who can read them), whatever the bucket\'s own setting; enforcing the workgroup configuration stops clients from sending results elsewhere or without it. S3 has encrypted new objects with SSE-S3 by default since January 2023, so this is about control, not about plain text on disk.',
    remediation:
      'Set `WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption` to `SSE_S3`, or `SSE_KMS`/`CSE_KMS` with `KmsKey`, and leave `EnforceWorkGroupConfiguration` unset or `true`. Both change in place; clients that set their own output location or encryption then use the workgroup\'s.',
    docs: [
      'https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html',
      'https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings-override.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-athena-workgroup-resultconfiguration.html',
    ],
    resourceTypes: ['AWS::Athena::WorkGroup'],
    equivalents: { checkov: ['CKV_AWS_82'], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: true,
    examples: {
      insecure: `Resources:
  Analysts:
    Type: AWS::Athena::WorkGroup
    Properties:
      Name: analysts
      WorkGroupConfiguration:
        EnforceWorkGroupConfiguration: false
        ResultConfiguration:
          OutputLocation: s3://example-athena-results/analysts/
`,
      secure: `Resources:
  Analysts:
    Type: AWS::Athena::WorkGroup
    Properties:
      Name: analysts
      WorkGroupConfiguration:
        EnforceWorkGroupConfiguration: true
        ResultConfiguration:
          OutputLocation: s3://example-athena-results/analysts/
          EncryptionConfiguration:
            EncryptionOption: SSE_S3
`,
    },
  },
  resource(resource, context) {
    // Results Athena manages itself are always encrypted, and a workgroup using them has no result location.
    if (!managedResults(resource, context)) {
      for (const branch of absentBranches(resource, ENCRYPTION, context)) {
        context.report({
          at: branch.at,
          message: `${resource.logicalId} does not choose how its query results are encrypted: ${ENCRYPTION} is not set${branch.explanation}.`,
          fixes: branch.fixes({ EncryptionOption: 'SSE_S3' }, 'Encrypt query results with S3 managed keys (SSE_S3)'),
        });
      }
    }
    checkProperty(resource, context, {
      path: 'WorkGroupConfiguration.EnforceWorkGroupConfiguration',
      what: 'the workgroup settings',
      secure: (value) => asBoolean(value) !== false,
      whenMissing: 'secure',
      fix: { value: true },
      insecurePhrase: 'lets clients override its result location and encryption',
    });
  },
};

/** Whether the workgroup turns on managed query results (`ManagedQueryResultsConfiguration.Enabled`) on some branch. */
function managedResults(resource: Resource, context: RuleContext): boolean {
  const pair = resource.properties?.byKey.get('WorkGroupConfiguration');
  if (!pair) return false;
  return context.evaluator.candidates(pair.value).some((c) => {
    if (c.value.kind !== 'collection' || c.value.node.kind !== 'map') return false;
    const managed = c.value.node.byKey.get('ManagedQueryResultsConfiguration')?.value;
    if (!managed || managed.kind !== 'map') return false;
    const enabled = managed.byKey.get('Enabled')?.value;
    return enabled !== undefined && context.evaluator.candidates(enabled).some((e) => asBoolean(e.value) === true);
  });
}

export default rule;
