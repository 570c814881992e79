/** Whether a position is one the LSP accepts for this text: on a line, within its content, not splitting a pair. */
export function validPosition(text: string, position: { line: number; character: number }): string | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  if (position.line < 0 || position.line >= lines.length) return `line ${position.line} of ${lines.length}`;
  const line = lines[position.line];
  if (position.character < 0 || position.character > line.length) return `character ${position.character} on a line of ${line.length}`;
  const before = line.charCodeAt(position.character - 1);
  const after = line.charCodeAt(position.character);
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return `character ${position.character} splits a surrogate pair`;
  return undefined;
}
