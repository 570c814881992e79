import type { CST } from 'yaml';
import type { Equivalents, RuleMeta, Span } from './api';
import type { Template } from './model';
import type { ParsedText } from './parse';
import type { LineIndex } from './positions';
import { getProperty, scalarString, type MapNode, type Node } from './tree';

/** Something the user or another tool's configuration marks as accepted. */
interface Suppression {
  readonly ruleId: string;
  /** Lines it covers (inline comments); undefined means the whole resource or template. */
  readonly lines?: ReadonlySet<number>;
  readonly resource?: string;
}

export interface SuppressionProblem {
  readonly span: Span;
  readonly message: string;
}

export interface Suppressions {
  isSuppressed(ruleId: string, line: number, resource: string | null): boolean;
  readonly problems: readonly SuppressionProblem[];
}

const INLINE_MARKER = 'pillar:ignore';
const CHECKOV_MARKER = 'checkov:skip=';

/** Whether the text may hold suppression comments; without them the CST (read for comments only) is not needed. */
export function mayHoldSuppressionComments(text: string): boolean {
  return text.includes(INLINE_MARKER) || text.includes(CHECKOV_MARKER);
}

/**
 * Reads suppressions from inline comments (`# pillar:ignore rule-id -- reason`, `# checkov:skip=ID:reason`)
 * and from Metadata (ours, cfn_nag's rules_to_suppress, cfn-lint's ignore_checks, checkov's skip),
 * mapping other tools' ids to our rules through each rule's `equivalents`.
 */
export function collectSuppressions(parsed: ParsedText, template: Template | undefined, rules: readonly RuleMeta[], lines: LineIndex): Suppressions {
  const resolver = IdResolver.of(rules);
  const found: Suppression[] = [];
  const problems: SuppressionProblem[] = [];

  if (mayHoldSuppressionComments(parsed.text)) {
    const resourceByKeyLine = new Map<number, string>();
    for (const resource of template?.resources ?? []) resourceByKeyLine.set(lines.positionAt(resource.key.span.start).line, resource.logicalId);
    for (const comment of comments(parsed.cst)) {
      const parsedComment = parseComment(comment.source);
      if (!parsedComment) continue;
      const span = { start: comment.offset, end: comment.offset + comment.source.length };
      const line = lines.positionAt(comment.offset).line;
      const ownLine = parsed.text.slice(lines.lineStart(line), comment.offset).trim() === '';
      const target = ownLine ? line + 1 : line;
      const ruleIds = parsedComment.ours ? parsedComment.ids.filter((id) => resolver.known(id)) : parsedComment.ids.flatMap((id) => resolver.fromTool('checkov', id));
      const invalid = parsedComment.ours && (!parsedComment.reason || ruleIds.length !== parsedComment.ids.length);
      if (invalid) {
        problems.push({ span, message: invalidMessage(parsedComment.ids.filter((id) => !resolver.known(id))) });
        continue;
      }
      const resource = ownLine ? resourceByKeyLine.get(target) : undefined;
      for (const ruleId of ruleIds) found.push(resource ? { ruleId, resource } : { ruleId, lines: new Set([target]) });
    }
  }

  if (template) {
    for (const ruleId of metadataSuppressions(template.metadata, resolver, problems)) found.push({ ruleId });
    for (const resource of template.resources) {
      for (const ruleId of metadataSuppressions(resource.metadata, resolver, problems)) found.push({ ruleId, resource: resource.logicalId });
    }
  }

  return {
    problems,
    isSuppressed(ruleId, line, resource) {
      return found.some((s) => s.ruleId === ruleId && (s.lines ? s.lines.has(line) : s.resource === undefined || s.resource === resource));
    },
  };
}

function invalidMessage(unknownIds: string[]): string {
  if (unknownIds.length > 0) return `Suppression names no Pillar rule: ${unknownIds.join(', ')}. It is not applied.`;
  return `Suppression gives no reason; write "# ${INLINE_MARKER} <rule-id> -- <why this is safe>". It is not applied.`;
}

function parseComment(source: string): { ours: boolean; ids: string[]; reason: string } | undefined {
  const body = source.replace(/^#\s*/, '');
  if (body.startsWith(INLINE_MARKER)) {
    const rest = body.slice(INLINE_MARKER.length);
    const separator = rest.indexOf('--');
    const idsText = separator >= 0 ? rest.slice(0, separator) : rest;
    const reason = separator >= 0 ? rest.slice(separator + 2).trim() : '';
    const ids = idsText.split(/[\s,]+/).filter(Boolean);
    return ids.length > 0 ? { ours: true, ids, reason } : undefined;
  }
  if (body.startsWith(CHECKOV_MARKER)) {
    const [id, ...reason] = body.slice(CHECKOV_MARKER.length).split(':');
    return { ours: false, ids: [id.trim()], reason: reason.join(':').trim() };
  }
  return undefined;
}

function metadataSuppressions(metadata: MapNode | undefined, resolver: IdResolver, problems: SuppressionProblem[]): string[] {
  if (!metadata) return [];
  const ids: string[] = [];
  for (const entry of listOf(getProperty(getProperty(metadata, 'pillar'), 'suppress'))) {
    const id = scalarString(getProperty(entry, 'rule'));
    const reason = scalarString(getProperty(entry, 'reason'))?.trim();
    if (id && resolver.known(id) && reason) ids.push(id);
    else problems.push({ span: entry.span, message: invalidMessage(id && !resolver.known(id) ? [id] : []) });
  }
  for (const entry of listOf(getProperty(getProperty(metadata, 'cfn_nag'), 'rules_to_suppress'))) {
    ids.push(...resolver.fromTool('cfnNag', scalarString(getProperty(entry, 'id'))));
  }
  for (const entry of listOf(getProperty(getProperty(getProperty(metadata, 'cfn-lint'), 'config'), 'ignore_checks'))) {
    ids.push(...resolver.fromTool('cfnLint', scalarString(entry)));
  }
  for (const entry of listOf(getProperty(getProperty(metadata, 'checkov'), 'skip'))) {
    ids.push(...resolver.fromTool('checkov', scalarString(getProperty(entry, 'id'))));
  }
  return ids;
}

function listOf(node: Node | undefined): Node[] {
  return node?.kind === 'seq' ? [...node.items] : [];
}

class IdResolver {
  /**
   * One resolver per rule list (the engine passes the same list for every document): building it
   * walks every rule's equivalents, which cost ~5% of a whole analysis when done per document.
   */
  private static readonly cache = new WeakMap<readonly RuleMeta[], IdResolver>();

  static of(rules: readonly RuleMeta[]): IdResolver {
    let resolver = IdResolver.cache.get(rules);
    if (!resolver) IdResolver.cache.set(rules, (resolver = new IdResolver(rules)));
    return resolver;
  }

  private readonly ours: Set<string>;
  private readonly byTool = new Map<string, string[]>();

  private constructor(rules: readonly RuleMeta[]) {
    this.ours = new Set(rules.map((rule) => rule.id));
    for (const rule of rules) {
      for (const [tool, ids] of Object.entries(rule.equivalents) as [keyof Equivalents, readonly string[]][]) {
        for (const id of ids) {
          const key = `${tool}:${id}`;
          this.byTool.set(key, [...(this.byTool.get(key) ?? []), rule.id]);
        }
      }
    }
  }

  known(id: string): boolean {
    return this.ours.has(id);
  }

  fromTool(tool: keyof Equivalents, id: string | undefined): string[] {
    return id ? this.byTool.get(`${tool}:${id}`) ?? [] : [];
  }
}

/** Every comment token in the CST, found by walking its tokens. */
function* comments(tokens: readonly CST.Token[]): Generator<CST.SourceToken> {
  const stack: unknown[] = [...tokens];
  while (stack.length > 0) {
    const token = stack.pop();
    if (!token || typeof token !== 'object') continue;
    if (Array.isArray(token)) {
      stack.push(...token);
      continue;
    }
    const record = token as Record<string, unknown>;
    if (record.type === 'comment') {
      yield token as CST.SourceToken;
      continue;
    }
    for (const key of ['start', 'key', 'sep', 'value', 'end', 'items', 'props']) {
      if (record[key] !== undefined) stack.push(record[key]);
    }
  }
}
