import type { RuleMeta } from '../../server/src/engine/api';
import type { Candidate } from '../../server/src/engine/evaluate';
import type { Resource } from '../../server/src/engine/model';
import type { Change, ChangeValue, FixSpec, Rule, RuleContext } from '../../server/src/engine/rule';
import type { Node } from '../../server/src/engine/tree';
import { valueFixes, within } from './fixes';
import { propertiesAt } from './properties';
import { asBoolean, describeValue, explain, explainConditions } from './values';

/**
 * "The list of log types a resource exports must include X": RDS, DocumentDB and Neptune
 * `EnableCloudwatchLogsExports`, EKS `Logging.ClusterLogging.EnabledTypes`.
 */
export interface LogListRequirement {
  /** Dot-separated path of the list under Properties. */
  readonly path: string;
  /** For a list of maps (`- Type: api`), the key that names the log type. */
  readonly itemKey?: string;
  /** Log types the list must hold (compared case-insensitively); empty: any one will do. */
  readonly required: readonly string[];
  /** The phrase after the logical id in messages: "does not publish audit logs to CloudWatch Logs". */
  readonly phrase: string;
  /**
   * The types a fix writes into a list that has none, when `required` is empty; the fix adds the
   * missing `required` types otherwise. Undefined with nothing required: no fix (the user chooses).
   */
  readonly suggested?: readonly string[];
  /** A setting the engine needs before it writes the exported log at all, checked once the list is right. */
  readonly engineSetting?: EngineSetting;
}

/**
 * A database parameter that must be on for a log to be written (DocumentDB `audit_logs`, Neptune
 * `neptune_enable_audit_log`), read from the parameter group the resource names when the template
 * defines it, or from the default group when it names none.
 */
export interface EngineSetting {
  /** The property naming the parameter group: `DBClusterParameterGroupName`. */
  readonly property: string;
  /** The parameter group resource type: `AWS::DocDB::DBClusterParameterGroup`. */
  readonly groupType: string;
  readonly parameter: string;
  /** Whether a known value of the parameter turns the log on. */
  readonly on: (value: string) => boolean;
  /** The parameter's value in the default parameter group, said in messages: "disabled". */
  readonly defaultValue: string;
  /** The phrase after the logical id: "exports audit logs that are never written". */
  readonly phrase: string;
}

/**
 * Reports each branch of a resource whose log list lacks required types (or is empty), with a fix
 * that adds them unless `offerFixes` is false (the log would still not be written). Returns whether
 * it reported anything.
 */
export function checkLogList(resource: Resource, context: RuleContext, requirement: LogListRequirement, offerFixes = true): boolean {
  let reported = false;
  const wanted = offerFixes ? (requirement.required.length > 0 ? requirement.required : requirement.suggested) : undefined;
  const entries = (types: readonly string[]): ChangeValue[] => types.map((type) => (requirement.itemKey ? { [requirement.itemKey]: type } : type));
  const what = (missing: readonly string[]) => (requirement.required.length > 0 ? `lacks ${missing.map((type) => `"${type}"`).join(', ')}` : 'is empty');

  for (const at of propertiesAt(resource, requirement.path, context)) {
    if (!at.pair) {
      const fixes: FixSpec[] = wanted && at.insert ? [{ title: `Set ${at.label} to ${wanted.join(', ')}`, preferred: true, changes: [at.insert(entries(wanted))] }] : [];
      context.report({ at: at.anchor, message: `${resource.logicalId} ${requirement.phrase}: ${at.label} is not set${explainConditions(at.conditions)}.`, fixes });
      reported = true;
      continue;
    }
    const node = at.pair.value;
    const failing: { candidate: Candidate; missing: readonly string[]; change: Change | undefined }[] = [];
    for (const candidate of context.evaluator.candidates(node)) {
      const value = candidate.value;
      if (value.kind === 'noValue') {
        const change: Change | undefined = wanted && candidate.source && within(candidate.source, node) ? { kind: 'replace', node: candidate.source, value: entries(wanted) } : undefined;
        failing.push({ candidate, missing: requirement.required, change });
        continue;
      }
      const types = typesIn(value, requirement.itemKey, context);
      if (!types) continue;
      const missing = requirement.required.length > 0 ? requirement.required.filter((type) => !types.has(type.toLowerCase())) : types.size === 0 ? ['any'] : [];
      if (missing.length === 0) continue;
      const seq = value.kind === 'collection' && value.node.kind === 'seq' ? value.node : undefined;
      const added = offerFixes ? (requirement.required.length > 0 ? missing : requirement.suggested) : undefined;
      const change: Change | undefined =
        seq && added && within(seq, node) ? { kind: 'splice', seq, index: seq.items.length, deleteCount: 0, values: entries(added) } : undefined;
      failing.push({ candidate, missing, change });
    }
    if (failing.length === 0) continue;
    const first = failing[0];
    const conditions = [...at.conditions, ...first.candidate.conditions];
    const detail = first.candidate.value.kind === 'noValue' ? 'is not set' : what(first.missing);
    const changes = failing.map((f) => f.change);
    const fixes: FixSpec[] = offerFixes && changes.every((change): change is Change => change !== undefined)
      ? [{ title: requirement.required.length > 0 ? `Add ${[...new Set(failing.flatMap((f) => f.missing))].join(', ')} to ${at.label}` : `Set ${at.label} to ${wanted!.join(', ')}`, preferred: true, changes }]
      : [];
    context.report({ at: node, message: `${resource.logicalId} ${requirement.phrase}: ${at.label} ${detail}${explain({ ...first.candidate, conditions })}.`, fixes });
    reported = true;
  }
  return reported;
}

/** Where a resource's parameter group (its own, or the default one) leaves the log switched off. */
interface EngineSettingProblem {
  readonly at: Node;
  readonly detail: string;
  readonly conditions: Candidate['conditions'];
}

function engineSettingProblems(resource: Resource, context: RuleContext, setting: EngineSetting): EngineSettingProblem[] {
  const problems: EngineSettingProblem[] = [];
  const named = resource.properties?.byKey.get(setting.property);
  const report = (at: Node, detail: string, conditions: Candidate['conditions'] = []) => problems.push({ at, detail, conditions });
  if (!named) {
    report(resource.properties ? resource.node.byKey.get('Properties')!.key : resource.key, `${setting.property} is not set, and the default parameter group has ${setting.parameter} ${setting.defaultValue}`);
    return problems;
  }
  const group = context.facts?.targetOf(named.value);
  if (!group) {
    // A default group named outright keeps the default; any other group lives outside the template.
    const name = context.evaluator.single(named.value);
    if (name?.kind === 'known' && /^default\./.test(String(name.value))) report(named.value, `${setting.property} names the default parameter group, which has ${setting.parameter} ${setting.defaultValue}`);
    return problems;
  }
  if (group.type !== setting.groupType) return problems;
  const parameters = group.properties?.byKey.get('Parameters')?.value;
  if (!parameters) return problems;
  for (const branch of context.evaluator.candidates(parameters)) {
    if (branch.value.kind !== 'collection' || branch.value.node.kind !== 'map') continue;
    const value = branch.value.node.byKey.get(setting.parameter);
    if (!value) {
      report(named.value, `its parameter group ${group.logicalId} does not set ${setting.parameter}, which defaults to ${setting.defaultValue}`, branch.conditions);
      continue;
    }
    const off = context.evaluator.candidates(value.value).find((c) => c.value.kind === 'known' && !setting.on(String(c.value.value)));
    if (off) report(named.value, `its parameter group ${group.logicalId} has ${setting.parameter} set to ${String((off.value as { value: unknown }).value)}${explain({ ...off, conditions: [...branch.conditions, ...off.conditions] })}`);
  }
  return problems;
}

/**
 * The log types a list names, lower-cased; undefined when it cannot be told (a value only known at
 * deploy time, in the list or as one of its items). A comma-separated string (a CommaDelimitedList
 * parameter's default) is a list too.
 */
function typesIn(value: Candidate['value'], itemKey: string | undefined, context: RuleContext): Set<string> | undefined {
  if (value.kind === 'known') {
    if (typeof value.value !== 'string' || itemKey) return undefined;
    return new Set(value.value.split(',').map((type) => type.trim().toLowerCase()).filter((type) => type !== ''));
  }
  if (value.kind !== 'collection' || value.node.kind !== 'seq') return undefined;
  const types = new Set<string>();
  for (const item of value.node.items) {
    for (const candidate of context.evaluator.candidates(item)) {
      if (candidate.value.kind === 'noValue') continue;
      const named = itemKey ? itemName(candidate.value, itemKey, context) : candidate.value;
      if (!named) return undefined;
      // An item under `!If` counts when it is there in any branch: the rule does not guess which branch deploys.
      if (named.kind === 'noValue') continue;
      if (named.kind !== 'known' || named.value === null) return undefined;
      types.add(String(named.value).toLowerCase());
    }
  }
  return types;
}

function itemName(value: Candidate['value'], itemKey: string, context: RuleContext): Candidate['value'] | undefined {
  if (value.kind !== 'collection' || value.node.kind !== 'map') return undefined;
  const name = value.node.byKey.get(itemKey)?.value;
  const single = name && context.evaluator.single(name);
  return single ?? undefined;
}

/** A rule made of one log list requirement per resource; undefined skips a resource. */
export function logListRule(meta: RuleMeta, requirement: LogListRequirement | ((resource: Resource, context: RuleContext) => LogListRequirement | undefined)): Rule {
  return {
    meta,
    resource(resource, context) {
      const chosen = typeof requirement === 'function' ? requirement(resource, context) : requirement;
      if (!chosen) return;
      // Exporting a log the engine never writes fixes nothing: no list fix while the setting is off.
      const problems = chosen.engineSetting ? engineSettingProblems(resource, context, chosen.engineSetting) : [];
      if (checkLogList(resource, context, chosen, problems.length === 0)) return;
      for (const problem of problems) {
        context.report({ at: problem.at, message: `${resource.logicalId} ${chosen.engineSetting!.phrase}: ${problem.detail}${explainConditions(problem.conditions)}.` });
      }
    },
  };
}

/**
 * OpenSearch and Elasticsearch domains publish each log type through `LogPublishingOptions.<TYPE>`
 * (a log group and `Enabled`). Reports each type that is absent or not enabled; the fix sets
 * `Enabled: true` only where the type already names its log group.
 */
export function checkLogPublishing(resource: Resource, context: RuleContext, types: readonly string[], phrase: (type: string) => string): void {
  for (const type of types) {
    for (const at of propertiesAt(resource, `LogPublishingOptions.${type}`, context)) {
      const report = (node: Node, detail: string, conditions: Candidate['conditions'], fixes: FixSpec[] = []) =>
        context.report({ at: node, message: `${resource.logicalId} ${phrase(type)}: ${detail}${explainConditions(conditions)}.`, fixes });
      if (!at.pair) {
        report(at.anchor, `LogPublishingOptions has no ${type}`, at.conditions);
        continue;
      }
      for (const branch of context.evaluator.candidates(at.pair.value)) {
        const conditions = [...at.conditions, ...branch.conditions];
        if (branch.value.kind === 'noValue') report(at.pair.value, `LogPublishingOptions has no ${type}`, conditions);
        if (branch.value.kind !== 'collection' || branch.value.node.kind !== 'map') continue;
        const options = branch.value.node;
        const label = `LogPublishingOptions.${type}.Enabled`;
        // With its log group named, turning the type on is all that is missing.
        const named = options.byKey.has('CloudWatchLogsLogGroupArn');
        const enabled = options.byKey.get('Enabled');
        if (!enabled) {
          const fixes: FixSpec[] = named ? [{ title: `Set ${label} to true`, preferred: true, changes: [{ kind: 'set', map: options, key: 'Enabled', value: true }] }] : [];
          report(options.pairs[0]?.key ?? at.pair.key, `${label} is not set and defaults to false`, conditions, fixes);
          continue;
        }
        const insecure = context.evaluator.candidates(enabled.value).filter((c) => c.value.kind === 'noValue' || asBoolean(c.value) === false);
        if (insecure.length === 0) continue;
        const first = insecure[0];
        context.report({
          at: enabled.value,
          message: `${resource.logicalId} ${phrase(type)}: ${label} ${describeValue(first.value)}${explain({ ...first, conditions: [...conditions, ...first.conditions] })}.`,
          fixes: named ? valueFixes(context, enabled.value, insecure, true, { label }) : [],
        });
      }
    }
  }
}

/** The node of a resource's property at a dot-separated path, when every step is written as a map. */
export function nodeAt(resource: Resource, path: string): Node | undefined {
  let node: Node | undefined = resource.properties;
  for (const key of path.split('.')) node = node?.kind === 'map' ? node.byKey.get(key)?.value : undefined;
  return node;
}
