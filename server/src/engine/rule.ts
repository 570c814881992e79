import type { RuleMeta, Span } from './api';
import type { Evaluator } from './evaluate';
import type { TemplateFacts } from './facts';
import type { IamCatalog } from './iam/catalog';
import type { Resource, Template } from './model';
import type { PolicyDocument } from './policies';
import type { MapNode, Node, SeqNode } from './tree';

/** The contract between the engine and the rules: what a rule is, sees, reports and fixes. */

/**
 * A value a change writes: JSON-like data (strings, numbers, booleans, null, arrays, plain objects)
 * and intrinsic function calls, rendered in the file's own format and layout.
 */
export type ChangeValue = unknown;

/** An intrinsic function call in a change's value: `!Ref Queue` in YAML, `{"Ref": "Queue"}` in JSON. */
export class Intrinsic {
  constructor(
    /** Long-form name: `Ref`, `Fn::GetAtt`, `Fn::Sub`, … */
    readonly name: string,
    readonly argument: ChangeValue,
  ) {}
}

export const intrinsic = {
  ref: (name: string) => new Intrinsic('Ref', name),
  getAtt: (resource: string, attribute: string) => new Intrinsic('Fn::GetAtt', [resource, attribute]),
  sub: (text: string) => new Intrinsic('Fn::Sub', text),
};

/** A change to the template, described on model nodes; the engine turns it into minimal text edits. */
export type Change =
  /**
   * Sets `key` in `map` to `value`: replaces the existing value, or inserts the key after the last
   * one, or before the first of the keys in `before` that the map holds (`Parameters` goes before
   * `Mappings`, `Conditions` and `Resources`).
   */
  | { readonly kind: 'set'; readonly map: MapNode; readonly key: string; readonly value: ChangeValue; readonly before?: readonly string[] }
  /** Replaces a node (a value, or a key) with `value`. */
  | { readonly kind: 'replace'; readonly node: Node; readonly value: ChangeValue }
  /** Removes `key` and its value from `map`. */
  | { readonly kind: 'remove'; readonly map: MapNode; readonly key: string }
  /**
   * Replaces `deleteCount` items of `seq` from `index` with `values`, as Array.prototype.splice does:
   * one item by several, an item removed (`values: []`), items appended (`index: seq.items.length`).
   */
  | { readonly kind: 'splice'; readonly seq: SeqNode; readonly index: number; readonly deleteCount: number; readonly values: readonly ChangeValue[] };

export interface FixSpec {
  readonly title: string;
  /** The safest fix for its finding: the one fix-all applies. */
  readonly preferred: boolean;
  /** True when deploying the change makes CloudFormation replace the resource (a new volume, a new database). */
  readonly replaces?: boolean;
  readonly changes: readonly Change[];
}

export interface Report {
  /** The narrowest node at fault: the offending value, or the key of the map that lacks a property. */
  readonly at: Node | Span;
  readonly message: string;
  /**
   * The fixes, or a function that builds them: it is called only for a finding that is kept (not
   * suppressed, not beyond maxDiagnostics), so fixes that take work to build cost nothing otherwise.
   */
  readonly fixes?: readonly FixSpec[] | (() => readonly FixSpec[]);
}

export interface RuleContext {
  /** The template being analyzed, or undefined for a standalone policy file. */
  readonly template: Template | undefined;
  readonly evaluator: Evaluator;
  /** What resources of the template say about each other; undefined for a standalone policy file. */
  readonly facts: TemplateFacts | undefined;
  /** The rule's options: its defaults, overridden by configuration. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The IAM catalog (actions, resource types, condition keys), loaded on first use. */
  readonly iam: IamCatalog;
  report(report: Report): void;
}

/**
 * A rule: metadata plus pure checks. The engine walks the model once and calls `resource` for
 * every resource whose type is in `meta.resourceTypes` (every resource for '*'), `policy` for every IAM policy document
 * when they include 'policy', and `template` once per template when they include 'template'.
 */
export interface Rule {
  readonly meta: RuleMeta;
  resource?(resource: Resource, context: RuleContext): void;
  policy?(policy: PolicyDocument, context: RuleContext): void;
  template?(template: Template, context: RuleContext): void;
}
