import type { RuleMeta, Span } from './api';
import type { Evaluator } from './evaluate';
import type { IamCatalog } from './iam/catalog';
import type { Resource, Template } from './model';
import type { PolicyDocument } from './policies';
import type { MapNode, Node } from './tree';

/** The contract between the engine and the rules: what a rule is, sees, reports and fixes. */

/** A change to the template, described on model nodes; the engine turns it into text edits. */
export type Change =
  /** Sets `key` in `map` to `value`: replaces the existing value, or inserts the key. */
  | { readonly kind: 'set'; readonly map: MapNode; readonly key: string; readonly value: unknown }
  /** Replaces a node with `value`. */
  | { readonly kind: 'replace'; readonly node: Node; readonly value: unknown };

export interface FixSpec {
  readonly title: string;
  /** The safest fix for its finding: the one fix-all applies. */
  readonly preferred: boolean;
  readonly changes: readonly Change[];
}

export interface Report {
  /** The narrowest node at fault: the offending value, or the key of the map that lacks a property. */
  readonly at: Node | Span;
  readonly message: string;
  readonly fixes?: readonly FixSpec[];
}

export interface RuleContext {
  /** The template being analyzed, or undefined for a standalone policy file. */
  readonly template: Template | undefined;
  readonly evaluator: Evaluator;
  /** The IAM catalog (actions, resource types, condition keys), loaded on first use. */
  readonly iam: IamCatalog;
  report(report: Report): void;
}

/**
 * A rule: metadata plus pure checks. The engine walks the model once and calls `resource` for
 * every resource whose type is in `meta.resourceTypes`, and `policy` for every IAM policy
 * document when `meta.resourceTypes` includes 'policy'.
 */
export interface Rule {
  readonly meta: RuleMeta;
  resource?(resource: Resource, context: RuleContext): void;
  policy?(policy: PolicyDocument, context: RuleContext): void;
}
