import type { Fix, TextEdit } from './api';

/**
 * The edits of several fixes, applied together (fix-all): a fix whose edits overlap an earlier
 * fix's is left out, so that no edit is lost or applied on top of another. An edit that another
 * fix makes too (two fixes that add the same parameter) is made once. Two insertions at one place
 * that begin with the same line would write one key twice (two new `Parameters:` sections, each
 * unaware of the other), and two at one place but at different depths (a key for a statement and
 * one for its policy, both at the end of the policy) would put the deeper one in the wrong map:
 * the later fix waits for the next pass.
 */
export function combineFixes(fixes: readonly Fix[]): TextEdit[] {
  const accepted: TextEdit[] = [];
  const same = (a: TextEdit, b: TextEdit) => a.start === b.start && a.end === b.end && a.text === b.text;
  const firstLine = (edit: TextEdit) => edit.text.trimStart().split(/\r?\n/, 1)[0];
  const depth = (edit: TextEdit) => /^(?:\r?\n)?([ \t]*)/.exec(edit.text)![1].length;
  const insertedTogether = (a: TextEdit, b: TextEdit) => a.start === a.end && b.start === b.end && a.start === b.start;
  const sameKeyTwice = (a: TextEdit, b: TextEdit) => insertedTogether(a, b) && (firstLine(a) === firstLine(b) || depth(a) !== depth(b));
  const conflict = (a: TextEdit, b: TextEdit) => (a.start < b.end && b.start < a.end) || sameKeyTwice(a, b);
  for (const fix of fixes) {
    const fresh = fix.edits.filter((edit) => !accepted.some((other) => same(edit, other)));
    if (!fresh.some((edit) => accepted.some((other) => conflict(edit, other)))) accepted.push(...fresh);
  }
  return accepted.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.order - b.order).map(({ edit }) => edit);
}

/** Applies non-overlapping edits; edits at the same offset are applied in the order given. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.order - b.order);
  let result = '';
  let cursor = 0;
  for (const { edit } of sorted) {
    if (edit.start < cursor) throw new Error(`Overlapping edits at offset ${edit.start}.`);
    result += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
