import type { Resource } from '../../server/src/engine/model';
import type { RuleContext } from '../../server/src/engine/rule';
import { conditionalBranches, type Node, type Pair } from '../../server/src/engine/tree';
import { TAGGABLE_TYPES } from './generated/cloudformation-spec';
import { samGlobal } from './sam';
import { asText, textOf } from './values';

/** Where a resource type takes tags: the property, and its shape (a Key/Value list, a map, or an Auto Scaling list). */
export interface TagProperty {
  readonly property: string;
  readonly shape: 'standard' | 'map' | 'asg';
}

let byType: Map<string, TagProperty> | undefined;

/** How a type takes tags, from the resource specification; undefined for types that take none. */
export function tagPropertyOf(type: string): TagProperty | undefined {
  if (!byType) {
    byType = new Map();
    for (const [key, types] of Object.entries(TAGGABLE_TYPES)) {
      const [property, shape] = key.split(' ') as [string, TagProperty['shape']];
      // Names were written without `AWS::`; others (`Alexa::ASK::Skill`) keep their vendor.
      for (const name of types.split(' ')) byType.set(name.split('::').length === 3 ? name : `AWS::${name}`, { property, shape });
    }
  }
  return byType.get(type);
}

/** The SAM `Globals` section whose `Tags` apply to each serverless type. */
const SAM_GLOBALS: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
};

/** One tag written on a resource, in some `!If` branch: its key, and the node of its value. */
export interface TagEntry {
  readonly key: string;
  readonly value: Node;
}

/** The tags a template gives a resource: in its tag property and, for SAM types, in `Globals`. */
export interface ResourceTags {
  readonly tagging: TagProperty;
  /** The tag property, when the resource writes one. */
  readonly pair: Pair | undefined;
  /** Every tag with a value, from every branch; undefined when the tags are only known at deploy time. */
  readonly entries: readonly TagEntry[] | undefined;
}

/** The tags of a resource; undefined for a type that takes none. Stack tags, applied at deploy time, are not seen. */
export function resourceTags(resource: Resource, context: RuleContext): ResourceTags | undefined {
  const tagging = tagPropertyOf(resource.type);
  if (!tagging) return undefined;
  const pair = resource.properties?.byKey.get(tagging.property);
  const globals = SAM_GLOBALS[resource.type] && samGlobal(context.template, SAM_GLOBALS[resource.type], 'Tags');
  const entries: TagEntry[] = [];
  for (const node of [pair?.value, globals]) {
    if (!node) continue;
    const found = tagEntries(node, tagging.shape === 'map', context);
    if (!found) return { tagging, pair, entries: undefined };
    entries.push(...found);
  }
  return { tagging, pair, entries };
}

/** The tags with a value, in every branch; undefined when the list or map is only known at deploy time. */
function tagEntries(node: Node, map: boolean, context: RuleContext): TagEntry[] | undefined {
  const entries: TagEntry[] = [];
  for (const branch of conditionalBranches(node)) {
    if (branch.kind === 'intrinsic') {
      if (context.evaluator.candidates(branch).every((candidate) => candidate.value.kind === 'noValue')) continue;
      return undefined;
    }
    if (map && branch.kind === 'map') {
      for (const tag of branch.pairs) if (hasValue(tag.value, context)) entries.push({ key: String(tag.key.value), value: tag.value });
    } else if (!map && branch.kind === 'seq') {
      for (const item of branch.items.flatMap(conditionalBranches)) {
        if (item.kind !== 'map') continue;
        const key = textOf(item.byKey.get('Key')?.value, context.evaluator);
        const value = item.byKey.get('Value')?.value;
        if (key !== undefined && value && hasValue(value, context)) entries.push({ key, value });
      }
    }
  }
  return entries;
}

/** A tag value counts unless it is known to be empty. */
function hasValue(node: Node, context: RuleContext): boolean {
  return context.evaluator.candidates(node).some((candidate) => asText(candidate.value)?.trim() !== '');
}
