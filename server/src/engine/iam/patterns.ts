/**
 * Matching of IAM's patterns. Actions: `*` (any run of characters) and `?` (one character),
 * case-insensitively, across the service prefix too (`*Object*` matches `s3:GetObject`).
 * ARNs: whether some ARN can match both a policy's resource pattern and a resource type's ARN
 * format, where the format's variables stand for one path segment (`${BucketName}`) or, last
 * after a separator, for the rest (`${ObjectName}`).
 */

/** A regular expression for an IAM wildcard pattern (`s3:Get*`), case-insensitive, anchored. */
export function wildcardRegExp(pattern: string): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i');
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** One step of a pattern: a character class, taken once or any number of times. */
interface Step {
  readonly accepts: (char: string) => boolean;
  readonly repeat: boolean;
}

const ANY = (): boolean => true;
const SEGMENT = (char: string): boolean => char !== '/' && char !== ':';
const literal = (expected: string) => (char: string) => char === expected;
/** Characters that stand for "anything else" when two patterns are intersected. */
const OTHER = '\u0001';

/**
 * A policy's resource pattern: `*` and `?` are wildcards; `${...}` (a policy variable, or a value
 * only known at deploy time) is one segment of the ARN, without `/` or `:`.
 */
export function policyArnSteps(pattern: string): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*') steps.push({ accepts: ANY, repeat: true });
    else if (char === '?') steps.push({ accepts: ANY, repeat: false });
    else if (char === '$' && pattern[i + 1] === '{') {
      const end = pattern.indexOf('}', i);
      if (end < 0) {
        steps.push({ accepts: literal(char), repeat: false });
        continue;
      }
      steps.push({ accepts: SEGMENT, repeat: false }, { accepts: SEGMENT, repeat: true });
      i = end;
    } else steps.push({ accepts: literal(char), repeat: false });
  }
  return steps;
}

/**
 * A resource type's ARN format. `${Partition}`, `${Region}` and `${Account}` are one segment,
 * possibly empty (`arn:aws:bedrock:::foundation-model/…`); another variable holds anything but the
 * separator that follows it (a bucket name has no `/`, a log group name no `:`); a last variable
 * after a separator in the resource part holds the rest (`${ObjectName}`), and a resource part
 * that is one variable is a plain name.
 */
export function formatArnSteps(format: string): Step[] {
  const steps: Step[] = [];
  const variable = /\$\{([^}]+)\}/g;
  let cursor = 0;
  // The resource part starts after the fifth colon (arn:partition:service:region:account:).
  let resourceStart = 0;
  for (let colons = 0; colons < 5 && resourceStart >= 0; colons++) resourceStart = format.indexOf(':', resourceStart) + 1;
  for (let match = variable.exec(format); match; match = variable.exec(format)) {
    for (const char of format.slice(cursor, match.index)) steps.push({ accepts: literal(char), repeat: false });
    cursor = match.index + match[0].length;
    if (match.index < resourceStart) {
      steps.push({ accepts: SEGMENT, repeat: true });
      continue;
    }
    const next = format[cursor];
    const afterSeparator = match.index > resourceStart && /[/:]$/.test(format.slice(0, match.index));
    const accepts = next !== undefined ? (char: string) => char !== next : afterSeparator ? ANY : SEGMENT;
    steps.push({ accepts, repeat: false }, { accepts, repeat: true });
  }
  for (const char of format.slice(cursor)) steps.push({ accepts: literal(char), repeat: false });
  return steps;
}

/** Whether some string is matched by both step lists (the product of the two automata is not empty). */
export function intersects(a: readonly Step[], b: readonly Step[], alphabet: string): boolean {
  const symbols = [...new Set(alphabet + '/:' + OTHER)];
  const seen = new Set<number>();
  const width = b.length + 1;
  const stack: [number, number][] = [];
  const push = (i: number, j: number) => {
    // Repeated steps may also be skipped.
    const key = i * width + j;
    if (seen.has(key)) return;
    seen.add(key);
    stack.push([i, j]);
    if (i < a.length && a[i].repeat) push(i + 1, j);
    if (j < b.length && b[j].repeat) push(i, j + 1);
  };
  push(0, 0);
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    if (i === a.length && j === b.length) return true;
    if (i === a.length || j === b.length) continue;
    for (const symbol of symbols) {
      if (!a[i].accepts(symbol) || !b[j].accepts(symbol)) continue;
      push(a[i].repeat ? i : i + 1, b[j].repeat ? j : j + 1);
    }
  }
  return false;
}
