import type { Template } from './model';
import { getProperty, scalarString, type MapNode, type Node, type SeqNode } from './tree';

/**
 * What a node may evaluate to when the stack is deployed. An intrinsic can give several
 * candidates (`!If` gives both branches, `!Ref Param` its default and allowed values); an
 * unknown value never raises a finding by itself.
 */
export type Value =
  | { readonly kind: 'known'; readonly value: string | number | boolean | null }
  | { readonly kind: 'collection'; readonly node: MapNode | SeqNode }
  /** A value only known at deploy time, kept symbolically: "the Arn of Bucket", `${AWS::Region}`. */
  | { readonly kind: 'symbolic'; readonly text: string; readonly resource?: string; readonly attribute?: string }
  | { readonly kind: 'noValue' }
  | { readonly kind: 'unknown' };

export interface Candidate {
  readonly value: Value;
  /** The conditions this candidate depends on, e.g. `IsProd is false`. */
  readonly conditions: readonly { readonly name: string; readonly value: boolean }[];
  /** Where the value came from, when not written in place: `the default of parameter Encrypt`. */
  readonly origin: string | undefined;
  /**
   * The node that holds the value in the text, where a fix can change it: the literal itself, a
   * branch of `!If`, a parameter's Default or AllowedValues item, a mapping's value. Undefined for
   * values composed at deploy time (`!Sub`, `!Join`) and symbolic ones.
   */
  readonly source: Node | undefined;
  /** The parameter the value comes from: its default, or one of its allowed values. */
  readonly parameter?: { readonly name: string; readonly role: 'default' | 'allowed' };
}

const UNKNOWN: Value = { kind: 'unknown' };
const MAX_DEPTH = 16;
const MAX_CANDIDATES = 32;

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix',
]);

export class Evaluator {
  constructor(private readonly template: Template | undefined) {}

  candidates(node: Node, depth = 0): Candidate[] {
    if (depth > MAX_DEPTH) return [plain(UNKNOWN)];
    switch (node.kind) {
      case 'scalar':
        return [{ ...plain({ kind: 'known', value: node.value }), source: node }];
      case 'map':
      case 'seq':
        return [{ ...plain({ kind: 'collection', node }), source: node }];
      case 'intrinsic':
        // `!Ref AWS::NoValue` is written where it stands: a fix can replace it with a value.
        return this.intrinsic(node.name, node.argument, depth + 1)
          .slice(0, MAX_CANDIDATES)
          .map((c) => (c.value.kind === 'noValue' && !c.source ? { ...c, source: node } : c));
    }
  }

  /** The single value of a node when all its candidates agree, else undefined. */
  single(node: Node): Value | undefined {
    const all = this.candidates(node);
    return all.length === 1 ? all[0].value : undefined;
  }

  private intrinsic(name: string, argument: Node, depth: number): Candidate[] {
    switch (name) {
      case 'Ref':
        return this.ref(scalarString(argument), depth);
      case 'Fn::If':
        return this.conditional(argument, depth);
      case 'Fn::GetAtt':
        return [plain(this.getAtt(argument))];
      case 'Fn::Sub': {
        // `!Sub "${Name}"` is `!Ref Name`, `!Sub "${Name.Attr}"` is `!GetAtt`: each keeps what it can be.
        const whole = argument.kind === 'scalar' ? /^\$\{([^}!][^}]*)\}$/.exec(String(argument.value)) : null;
        if (!whole) return [plain(this.sub(argument, depth))];
        const dot = whole[1].indexOf('.');
        return dot > 0 ? [plain(resourceAttribute(whole[1].slice(0, dot), whole[1].slice(dot + 1)))] : this.ref(whole[1], depth);
      }
      case 'Fn::Join':
        return [plain(this.join(argument, depth))];
      case 'Fn::Select':
        return this.select(argument, depth);
      case 'Fn::FindInMap':
        return this.findInMap(argument, depth);
      default:
        return [plain(UNKNOWN)];
    }
  }

  private ref(name: string | undefined, depth: number): Candidate[] {
    if (name === undefined) return [plain(UNKNOWN)];
    if (name === 'AWS::NoValue') return [plain({ kind: 'noValue' })];
    if (PSEUDO_PARAMETERS.has(name)) return [plain({ kind: 'symbolic', text: `\${${name}}` })];
    const parameter = this.template?.parameters.get(name);
    if (parameter) {
      // The default comes first: it is what a stack gets when nobody chooses.
      const choices: Candidate[] = parameter.default
        ? this.candidates(parameter.default, depth).map((c) => ({ ...c, origin: `the default of parameter ${name}`, parameter: { name, role: 'default' as const } }))
        : [];
      const defaultValue = scalarString(parameter.default);
      for (const allowed of parameter.allowedValues) {
        if (defaultValue !== undefined && scalarString(allowed) === defaultValue) continue;
        for (const c of this.candidates(allowed, depth)) choices.push({ ...c, origin: `an allowed value of parameter ${name}`, parameter: { name, role: 'allowed' } });
      }
      return choices.length > 0 ? choices : [plain(UNKNOWN)];
    }
    if (this.template?.resourcesById.has(name)) return [plain({ kind: 'symbolic', text: `\${${name}}`, resource: name })];
    return [plain(UNKNOWN)];
  }

  private conditional(argument: Node, depth: number): Candidate[] {
    if (argument.kind !== 'seq' || argument.items.length !== 3) return [plain(UNKNOWN)];
    const condition = scalarString(argument.items[0]);
    if (condition === undefined) return [plain(UNKNOWN)];
    const branch = (node: Node, value: boolean) =>
      this.candidates(node, depth)
        // A parameter's value that makes the condition choose the other branch never reaches this one
        // (`!If [HasKey, !Ref Key, !Ref AWS::NoValue]` with `HasKey: !Not [!Equals [!Ref Key, ""]]`).
        .filter((c) => !c.parameter || c.value.kind !== 'known' || this.conditionWith(condition, c.parameter.name, String(c.value.value), depth) !== !value)
        .map((c) => ({ ...c, conditions: [{ name: condition, value }, ...c.conditions] }));
    return [...branch(argument.items[1], true), ...branch(argument.items[2], false)];
  }

  /** A named condition's value when one parameter takes a given value; undefined when it depends on anything else. */
  private conditionWith(name: string | undefined, parameter: string, text: string, depth: number): boolean | undefined {
    const node = name === undefined ? undefined : this.template?.conditions.get(name);
    return node && this.conditionNodeWith(node, parameter, text, depth + 1);
  }

  private conditionNodeWith(node: Node, parameter: string, text: string, depth: number): boolean | undefined {
    if (depth > MAX_DEPTH || node.kind !== 'intrinsic') return undefined;
    const items = node.argument.kind === 'seq' ? node.argument.items : [];
    const operand = (item: Node) =>
      item.kind === 'scalar' ? String(item.value) : item.kind === 'intrinsic' && item.name === 'Ref' && scalarString(item.argument) === parameter ? text : undefined;
    const parts = () => items.map((item) => this.conditionNodeWith(item, parameter, text, depth + 1));
    switch (node.name) {
      case 'Fn::Equals': {
        const [a, b] = items.length === 2 ? items.map(operand) : [];
        return a === undefined || b === undefined ? undefined : a === b;
      }
      case 'Fn::Not': {
        const inner = items.length === 1 ? this.conditionNodeWith(items[0], parameter, text, depth + 1) : undefined;
        return inner === undefined ? undefined : !inner;
      }
      case 'Fn::And': {
        const values = parts();
        return values.includes(false) ? false : values.length > 0 && values.every((v) => v === true) ? true : undefined;
      }
      case 'Fn::Or': {
        const values = parts();
        return values.includes(true) ? true : values.length > 0 && values.every((v) => v === false) ? false : undefined;
      }
      case 'Condition':
        return this.conditionWith(scalarString(node.argument), parameter, text, depth);
      default:
        return undefined;
    }
  }

  private getAtt(argument: Node): Value {
    let resource: string | undefined;
    let attribute: string | undefined;
    if (argument.kind === 'scalar') {
      const text = String(argument.value);
      const dot = text.indexOf('.');
      if (dot > 0) [resource, attribute] = [text.slice(0, dot), text.slice(dot + 1)];
    } else if (argument.kind === 'seq' && argument.items.length === 2) {
      resource = scalarString(argument.items[0]);
      attribute = scalarString(argument.items[1]);
    }
    return resource && attribute ? resourceAttribute(resource, attribute) : UNKNOWN;
  }

  /** Substitutes what is known; the rest stays as `${Name}` in a symbolic string. */
  private sub(argument: Node, depth: number): Value {
    const template = argument.kind === 'seq' ? argument.items[0] : argument;
    const variables = argument.kind === 'seq' ? argument.items[1] : undefined;
    const text = scalarString(template);
    if (text === undefined) return UNKNOWN;
    let symbolic = false;
    const result = text.replace(/\$\{([^}!][^}]*)\}/g, (whole, name: string) => {
      const local = getProperty(variables, name);
      const value = local ? this.single(local) : this.singleOf(this.ref(name, depth));
      if (value?.kind === 'known' && value.value !== null) return String(value.value);
      symbolic = true;
      if (value?.kind === 'symbolic') return value.text;
      return whole;
    });
    return symbolic ? { kind: 'symbolic', text: result } : { kind: 'known', value: result.replace(/\$\{!/g, '${') };
  }

  private join(argument: Node, depth: number): Value {
    if (argument.kind !== 'seq' || argument.items.length !== 2) return UNKNOWN;
    const delimiter = scalarString(argument.items[0]) ?? '';
    const list = argument.items[1];
    if (list.kind !== 'seq') return UNKNOWN;
    const parts: string[] = [];
    let symbolic = false;
    for (const item of list.items) {
      const value = this.singleOf(this.candidates(item, depth));
      if (value?.kind === 'known' && value.value !== null) parts.push(String(value.value));
      else if (value?.kind === 'symbolic') {
        parts.push(value.text);
        symbolic = true;
      } else return UNKNOWN;
    }
    return symbolic ? { kind: 'symbolic', text: parts.join(delimiter) } : { kind: 'known', value: parts.join(delimiter) };
  }

  private select(argument: Node, depth: number): Candidate[] {
    if (argument.kind !== 'seq' || argument.items.length !== 2) return [plain(UNKNOWN)];
    const index = Number(scalarString(argument.items[0]));
    const list = argument.items[1];
    if (!Number.isInteger(index) || list.kind !== 'seq' || !list.items[index]) return [plain(UNKNOWN)];
    return this.candidates(list.items[index], depth);
  }

  private findInMap(argument: Node, depth: number): Candidate[] {
    if (argument.kind !== 'seq' || argument.items.length < 3) return [plain(UNKNOWN)];
    const mapName = this.singleOf(this.candidates(argument.items[0], depth));
    if (mapName?.kind !== 'known') return [plain(UNKNOWN)];
    const mapping = getProperty(this.template?.mappings, String(mapName.value));
    const results: Candidate[] = [];
    for (const top of this.candidates(argument.items[1], depth)) {
      for (const second of this.candidates(argument.items[2], depth)) {
        if (top.value.kind !== 'known' || second.value.kind !== 'known') return [plain(UNKNOWN)];
        const value = getProperty(getProperty(mapping, String(top.value.value)), String(second.value.value));
        if (!value) continue;
        const conditions = [...top.conditions, ...second.conditions];
        for (const c of this.candidates(value, depth)) results.push({ ...c, conditions: [...conditions, ...c.conditions], origin: top.origin ?? second.origin ?? c.origin });
      }
    }
    return results.length > 0 ? results : [plain(UNKNOWN)];
  }

  private singleOf(candidates: Candidate[]): Value | undefined {
    return candidates.length === 1 ? candidates[0].value : undefined;
  }
}

/** `${Resource.Attribute}`: known at deploy time only. */
function resourceAttribute(resource: string, name: string): Value {
  return { kind: 'symbolic', text: `\${${resource}.${name}}`, resource, attribute: name };
}

function plain(value: Value): Candidate {
  return { value, conditions: [], origin: undefined, source: undefined };
}
