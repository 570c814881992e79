import type { Span } from '../api';
import type { Evaluator } from '../evaluate';
import type { Model } from '../model';
import type { IamCatalog, IamConditionKey } from './catalog';
import { locatePolicyPlace } from './locate';
import { statementActions } from './statement';

export interface IamCompletion {
  readonly label: string;
  readonly kind: 'service' | 'action' | 'operator' | 'key';
  /** Access level, service name or key type. */
  readonly detail: string;
  readonly documentation?: string;
  /** What replaces `span`. */
  readonly insertText: string;
  /** The text already typed (inside quotes, if any) that the completion replaces. */
  readonly span: Span;
}

const OPERATORS = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
];

/**
 * Completion inside a policy: in `Action`/`NotAction`, the service prefixes, then (after `s3:`)
 * the service's actions with their access level; in `Condition`, the operators, then the keys
 * that apply to the statement's actions (and the global keys).
 */
export function iamCompletions(model: Model | undefined, text: string, offset: number, catalog: IamCatalog, evaluator: Evaluator): IamCompletion[] {
  const place = locatePolicyPlace(model, offset);
  if (!place || !catalog.available) return [];
  // What was typed: the scalar's content, without its opening quote, up to the cursor.
  const raw = text.slice(place.node.span.start, place.node.span.end);
  const quoted = raw.startsWith('"') || raw.startsWith("'");
  const start = place.node.span.start + (quoted ? 1 : 0);
  const end = quoted && raw.length > 1 && raw.endsWith(raw[0]) ? place.node.span.end - 1 : place.node.span.end;
  if (offset < start || offset > end) return [];
  const typed = text.slice(start, offset);
  const span = { start, end };
  switch (place.element) {
    case 'action':
    case 'notAction': {
      const colon = typed.indexOf(':');
      if (colon < 0) {
        return catalog.services.map((service) => ({ label: service.prefix, kind: 'service', detail: service.name, insertText: `${service.prefix}:`, span }));
      }
      const service = catalog.service(typed.slice(0, colon));
      return (service?.actions ?? []).map((action) => ({ label: action.id, kind: 'action', detail: action.accessLevel, documentation: action.description, insertText: action.id, span }));
    }
    case 'conditionOperator': {
      const prefixed = ['', 'ForAllValues:', 'ForAnyValue:'].flatMap((prefix) => OPERATORS.filter((o) => o !== 'Null' || !prefix).map((o) => prefix + o));
      const all = [...prefixed, ...OPERATORS.filter((o) => o !== 'Null').map((o) => `${o}IfExists`)];
      return all.map((operator) => ({ label: operator, kind: 'operator', detail: 'condition operator', insertText: operator, span }));
    }
    case 'conditionKey': {
      const keys = new Map<string, IamConditionKey>();
      for (const action of place.statement.action || place.statement.notAction ? statementActions(place.statement, evaluator, catalog) : []) {
        for (const key of action.conditionKeys) keys.set(key.name, key);
        for (const { type } of action.resourceTypes) for (const key of type.conditionKeys) keys.set(key.name, key);
      }
      for (const key of catalog.globalKeys) if (!keys.has(key.name)) keys.set(key.name, key);
      return [...keys.values()].map((key) => ({ label: key.name, kind: 'key', detail: key.type || 'condition key', documentation: key.description, insertText: key.name, span }));
    }
    default:
      return [];
  }
}
