import type { RuleMeta } from '../../server/src/engine/api';
import type { Value } from '../../server/src/engine/evaluate';
import type { Resource } from '../../server/src/engine/model';
import type { ChangeValue, FixSpec, Rule, RuleContext } from '../../server/src/engine/rule';
import type { Node } from '../../server/src/engine/tree';
import { ownEncryption } from './at-rest';
import { valueFixes } from './fixes';
import { checkProperty, mustBeTrue, propertiesAt, type PropertyRequirement } from './properties';
import { explain, explainConditions } from './values';

/**
 * The encryption-at-rest family: "AWS::X must turn encryption at rest on" and, stricter and opt-in,
 * "AWS::X must name a customer managed KMS key". A rule file gives its metadata and, per resource
 * type, where the setting lives; the family reports each branch that falls short, with fixes that
 * follow the value's origin (parameter default, `!If` branch) through `checkProperty`.
 */

/** Where one resource type turns encryption at rest on. */
export interface AtRest {
  /** Path of the boolean under Properties: `Encrypted`, `SSESpecification.SSEEnabled`, `BlockDeviceMappings[].Ebs.Encrypted`. */
  readonly flag: string;
  /** Turning it on makes CloudFormation replace the resource: the fix says so and is not preferred. */
  readonly replaces?: boolean;
  /**
   * What an absent flag means, said in the message ("false", the default); `'secure'` where the
   * service now encrypts by default, so that only an explicit `false` is reported.
   */
  readonly absent?: string;
  /** Properties whose presence means the resource takes its encryption from elsewhere (a snapshot, a source, a global cluster). */
  readonly inherited?: readonly string[];
  /** Any other reason a resource needs no check (a mode that always encrypts). */
  readonly skip?: (resource: Resource, context: RuleContext) => boolean;
  /** Overrides the requirement's wording (`missingPhrase`, `insecurePhrase`, `what`). */
  readonly wording?: Partial<Pick<PropertyRequirement, 'what' | 'missingPhrase' | 'insecurePhrase'>>;
  /** Whether setting the flag alone would deploy (not on an engine version too old for encryption); no fix where it would not. */
  readonly fixable?: (resource: Resource) => boolean;
}

/** Where one resource type names its KMS key. */
export interface CustomerKey {
  /** Path of the key property under Properties: `KmsKeyId`, `BlockDeviceMappings[].Ebs.KmsKeyId`. */
  readonly key: string;
  /** The key used when none is named, for the message: "the AWS managed key aws/ebs". */
  readonly absent: string;
  readonly inherited?: readonly string[];
  readonly skip?: (resource: Resource, context: RuleContext) => boolean;
}

/** A rule's metadata without what the family fills in from its table of types. */
export type FamilyMeta = Omit<RuleMeta, 'resourceTypes' | 'fixable'>;

/** "Encryption at rest must be on" for each type in `types`; the fix sets the flag to true. */
export function encryptionAtRestRule(meta: FamilyMeta, types: Readonly<Record<string, AtRest>>): Rule {
  return {
    meta: { ...meta, resourceTypes: Object.keys(types), fixable: true },
    resource(resource, context) {
      const setting = types[resource.type];
      if (!setting || skipped(resource, context, setting)) return;
      const fix = setting.fixable?.(resource) === false ? undefined : { value: true, replaces: setting.replaces, preferred: !setting.replaces };
      const base: PropertyRequirement = { ...mustBeTrue(setting.flag, 'encryption at rest'), fix };
      const requirement: PropertyRequirement =
        setting.absent === 'secure' ? { ...base, whenMissing: 'secure' } : { ...base, defaultText: setting.absent ?? 'false' };
      checkProperty(resource, context, { ...requirement, ...setting.wording, appliesWhen: branchesToCheck(resource, context, setting) });
    },
  };
}

/**
 * "Encrypt with a customer managed KMS key" for each type in `types`: the key property must be set,
 * and not to an AWS managed key (`alias/aws/...`). No fix: which key to use is the user's choice.
 */
export function customerManagedKeyRule(meta: FamilyMeta, types: Readonly<Record<string, CustomerKey>>): Rule {
  return {
    meta: { ...meta, resourceTypes: Object.keys(types), fixable: false },
    resource(resource, context) {
      const setting = types[resource.type];
      if (!setting || skipped(resource, context, setting)) return;
      checkProperty(resource, context, {
        appliesWhen: branchesToCheck(resource, context, setting),
        path: setting.key,
        what: 'a customer managed KMS key',
        secure: (value) => !isAwsManagedKey(value) && !(value.kind === 'known' && (value.value === null || value.value === '')),
        whenMissing: 'insecure',
        defaultText: setting.absent,
        missingPhrase: 'does not encrypt with a customer managed KMS key',
        insecurePhrase: 'encrypts with an AWS managed key, not a customer managed one',
      });
    },
  };
}

/** An AWS managed key named by alias (`alias/aws/s3`, or its ARN form), whose policy no one can change. */
export function isAwsManagedKey(value: Value): boolean {
  return value.kind === 'known' && typeof value.value === 'string' && /(^|:)alias\/aws\//.test(value.value);
}

type Inheriting = { inherited?: readonly string[]; skip?: (resource: Resource, context: RuleContext) => boolean };

function skipped(resource: Resource, context: RuleContext, setting: Inheriting): boolean {
  if (setting.inherited && ownEncryption(resource, setting.inherited, context) === false) return true;
  return setting.skip?.(resource, context) === true;
}

/** Where a source is set on some branches only, the branches to check (see ownEncryption). */
function branchesToCheck(resource: Resource, context: RuleContext, setting: Inheriting) {
  return (setting.inherited && ownEncryption(resource, setting.inherited, context)) || undefined;
}

/** A branch of a resource where a configuration block is absent: not written, or removed with `AWS::NoValue`. */
export interface AbsentBranch {
  /** Where to report it: the key of the map that lacks it, or the value that removes it. */
  readonly at: Node;
  /** " (when condition IsProd is false)", or "". */
  readonly explanation: string;
  /** Fixes that add `value` on this branch: `title` for an insertion; the value's own fixes on an `!If` branch. */
  fixes(value: ChangeValue, title: string, preferred?: boolean): FixSpec[];
}

/** Each branch of a resource where the property at `path` (no lists on the way) is absent. */
export function absentBranches(resource: Resource, path: string, context: RuleContext): AbsentBranch[] {
  const branches: AbsentBranch[] = [];
  for (const at of propertiesAt(resource, path, context)) {
    if (!at.pair) {
      const insert = at.insert;
      branches.push({ at: at.anchor, explanation: explainConditions(at.conditions), fixes: (value, title, preferred = true) => (insert ? [{ title, preferred, changes: [insert(value)] }] : []) });
      continue;
    }
    const node = at.pair.value;
    const removed = context.evaluator.candidates(node).filter((candidate) => candidate.value.kind === 'noValue');
    if (removed.length === 0) continue;
    const conditions = { ...removed[0], conditions: [...at.conditions, ...removed[0].conditions] };
    branches.push({ at: node, explanation: explain(conditions), fixes: (value, _title, preferred = true) => valueFixes(context, node, removed, value, { label: at.label, preferred }) });
  }
  return branches;
}

/** A configuration block that turns encryption on as a whole: `StreamEncryption`, `SSESpecification`. */
export interface EncryptionBlock {
  /** Path of the block under Properties (no lists on the way). */
  readonly path: string;
  /** What a fix inserts where the block is absent: the whole block, ready to deploy. */
  readonly value: ChangeValue;
  /** The title of that fix: "Encrypt with the AWS managed key alias/aws/kinesis". */
  readonly title: string;
  /** The message after the logical id: "does not encrypt its records at rest". */
  readonly missingPhrase: string;
}

/**
 * Where the block is absent, reports it with a fix that inserts it whole (a block has more than one
 * setting to write, so the flag's own insertion would leave it incomplete); where it is written,
 * `requirement` checks what it holds, on every branch.
 */
export function checkEncryptionBlock(resource: Resource, context: RuleContext, block: EncryptionBlock, requirement: PropertyRequirement): void {
  for (const at of propertiesAt(resource, block.path, context)) {
    if (at.pair) {
      checkProperty(resource, context, requirement);
      return;
    }
    context.report({
      at: at.anchor,
      message: `${resource.logicalId} ${block.missingPhrase}: ${at.label} is not set${explainConditions(at.conditions)}.`,
      fixes: at.insert ? [{ title: block.title, preferred: true, changes: [at.insert(block.value)] }] : [],
    });
  }
}
