import type { Fix, TextEdit } from './api';

/**
 * The edits of several fixes, applied together (fix-all): a fix whose edits overlap an earlier
 * fix's is left out, so that no edit is lost or applied on top of another.
 */
export function combineFixes(fixes: readonly Fix[]): TextEdit[] {
  const accepted: TextEdit[] = [];
  for (const fix of fixes) {
    const overlaps = fix.edits.some((edit) => accepted.some((other) => edit.start < other.end && other.start < edit.end));
    if (!overlaps) accepted.push(...fix.edits);
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
