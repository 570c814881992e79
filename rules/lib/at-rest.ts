import type { RuleMeta } from '../../server/src/engine/api';
import type { Candidate, Value } from '../../server/src/engine/evaluate';
import type { Resource } from '../../server/src/engine/model';
import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { checkProperty, mustBeTrue, type PropertyRequirement } from './properties';
import { asBoolean, asText } from './values';

/** `alias/aws/sns`, or its ARN: a key AWS manages, whose policy the account cannot change. */
const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

/**
 * A property that must name a customer managed KMS key (`KmsKeyId`, `KmsKeyArn`): absent, empty, or
 * an `alias/aws/...` key is reported. No fix: the key, and its policy, are the user's to choose.
 * `serviceDefault` says what the service uses without it: "the AWS managed key aws/secretsmanager".
 */
export function customerManagedKey(path: string, serviceDefault: string): PropertyRequirement {
  return {
    path,
    what: 'a customer managed KMS key',
    secure: (value) => {
      const text = value.kind === 'known' ? asText(value) : undefined;
      return value.kind !== 'known' || (text !== undefined && text !== '' && !AWS_MANAGED_ALIAS.test(text));
    },
    whenMissing: 'insecure',
    defaultText: serviceDefault,
    missingPhrase: 'does not use a customer managed KMS key',
    insecurePhrase: 'does not use a customer managed KMS key',
  };
}

/**
 * A boolean that must not be true (`EncryptionDisabled`): the message says that encryption is turned
 * off, and the fix writes false.
 */
export function encryptionNotDisabled(path: string, what: string, fix: PropertyRequirement['fix'] = { value: false }): PropertyRequirement {
  return { path, what, secure: (value) => asBoolean(value) !== true, whenMissing: 'secure', fix, insecurePhrase: `turns off ${what}` };
}

/**
 * The single known text of a property of the resource, or `fallback` when it is absent; undefined
 * when it is only known at deploy time or has several possible values (then nothing is assumed).
 */
export function knownText(resource: Resource, key: string, context: RuleContext, fallback?: string): string | undefined {
  const pair = resource.properties?.byKey.get(key);
  if (!pair) return fallback;
  const candidates = context.evaluator.candidates(pair.value);
  const texts = new Set(candidates.map((candidate) => (candidate.value.kind === 'noValue' ? fallback : textValue(candidate.value))));
  return texts.size === 1 ? [...texts][0] : undefined;
}

function textValue(value: Value): string | undefined {
  return value.kind === 'known' ? asText(value) : undefined;
}

/** The conditions of one branch of a template: `IsProd is false`. */
type Conditions = Candidate['conditions'];

/**
 * Whether a resource's own encryption setting counts, for one that can take its encryption from a
 * source named by one of `keys` (a snapshot, another cluster, a global database): false when a source
 * is set on every branch; undefined when none is written; otherwise a test of a branch's conditions,
 * true where the branch may have no source (`SnapshotIdentifier: !If [Restore, !Ref Snapshot, !Ref AWS::NoValue]`
 * leaves the branches where Restore may be false to be checked).
 */
export function ownEncryption(resource: Resource, keys: readonly string[], context: RuleContext): false | ((conditions: Conditions) => boolean) | undefined {
  const unsetBranches: Candidate[][] = [];
  for (const key of keys) {
    const pair = resource.properties?.byKey.get(key);
    if (!pair) continue;
    const unset = context.evaluator.candidates(pair.value).filter((candidate) => candidate.value.kind === 'noValue');
    if (unset.length === 0) return false;
    unsetBranches.push(unset);
  }
  if (unsetBranches.length === 0) return undefined;
  // Each source must be removable on a branch that none of the given conditions contradicts.
  const compatible = (branch: Candidate, conditions: Conditions) => branch.conditions.every((c) => !conditions.some((o) => o.name === c.name && o.value !== c.value));
  return (conditions) => unsetBranches.every((unset) => unset.some((branch) => compatible(branch, conditions)));
}

/**
 * A rule that a database cluster encrypts its storage, except for clusters restored from a snapshot or
 * another cluster, which take their encryption from the source. The fix replaces the cluster.
 */
export function clusterStorageEncryptedRule(meta: RuleMeta, restoredFrom: readonly string[]): Rule {
  return {
    meta,
    resource(resource, context) {
      const own = ownEncryption(resource, restoredFrom, context);
      if (own === false) return;
      checkProperty(resource, context, { ...mustBeTrue('StorageEncrypted', 'storage encryption', { value: true, replaces: true, preferred: false }), appliesWhen: own });
    },
  };
}
