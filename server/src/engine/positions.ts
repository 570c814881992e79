import type { Position, Range, Span } from './api';

/**
 * Maps UTF-16 offsets to 0-based line/character positions and back; the one place where lines
 * are computed, for the language server and the CLI alike. It follows the LSP's line model:
 * `\n`, `\r\n` and a lone `\r` each end a line. An offset between the `\r` and `\n` of a line
 * break is pulled back to before the `\r` (as vscode-languageserver-textdocument does), and no
 * position ever falls between the two halves of a UTF-16 surrogate pair: a start is pulled back
 * before the pair, an end pushed past it, so a range still covers the character it touched.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) this.lineStarts.push(i + 1);
      else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The offset made valid: inside the text, not inside `\r\n`, not inside a surrogate pair. */
  validOffset(offset: number, bias: 'before' | 'after' = 'before'): number {
    const text = this.text;
    let o = Math.max(0, Math.min(Number.isFinite(offset) ? Math.trunc(offset) : 0, text.length));
    if (o > 0 && o < text.length) {
      const previous = text.charCodeAt(o - 1);
      const next = text.charCodeAt(o);
      if (previous === 13 && next === 10) o--;
      else if (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) o = bias === 'before' ? o - 1 : o + 1;
    }
    return o;
  }

  positionAt(offset: number, bias: 'before' | 'after' = 'before'): Position {
    const clamped = this.validOffset(offset, bias);
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  /** The offset of a position; a character past the line's end stops at the end (before its line break). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return this.validOffset(Math.max(start, Math.min(start + Math.max(0, position.character), end)));
  }

  /** A span's range: never inverted, never inside a line break or a surrogate pair. */
  rangeOf(span: Span): Range {
    const startOffset = this.validOffset(span.start, 'before');
    let endOffset = Math.max(startOffset, this.validOffset(span.end, 'after'));
    // A span that ends on the \r of a \r\n takes in the whole line break, as it would the \n alone.
    if (span.end > startOffset && span.end === endOffset + 1 && this.text.charCodeAt(endOffset) === 13 && this.text.charCodeAt(endOffset + 1) === 10) endOffset += 2;
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset, 'after') };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (end > this.lineStarts[line] && this.text[end - 1] === '\n') end--;
    if (end > this.lineStarts[line] && this.text[end - 1] === '\r') end--;
    return end;
  }

  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
