import { CompletionItemKind, MarkupKind, type CompletionList, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Engine } from '../engine/engine';
import type { LineIndex } from '../engine/positions';

/** `:` after a service prefix or a key's prefix, `"` opening a JSON string. */
export const IAM_COMPLETION_TRIGGERS = [':', '"'];

const KINDS = { service: CompletionItemKind.Module, action: CompletionItemKind.Function, operator: CompletionItemKind.Operator, key: CompletionItemKind.Property } as const;

/** The engine's IAM hover as an LSP hover. */
export function iamHoverFor(engine: Engine, analysis: Analysis, lines: LineIndex, position: Position): Hover | null {
  const hover = engine.iamHover(analysis, lines.offsetAt(position));
  if (!hover) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: lines.rangeOf(hover.span) };
}

/** Findings first, then the catalog's explanation of what is under the cursor. */
export function combineHovers(...hovers: (Hover | null)[]): Hover | null {
  const present = hovers.filter((hover): hover is Hover => hover !== null);
  if (present.length <= 1) return present[0] ?? null;
  const value = present.map((hover) => (hover.contents as { value: string }).value).join('\n\n---\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: present[0].range };
}

/** The engine's IAM completions as an LSP list; each item replaces what was typed of the value. */
export function iamCompletionsFor(engine: Engine, analysis: Analysis, document: TextDocument, lines: LineIndex, position: Position): CompletionList | null {
  const items = engine.iamCompletions(analysis, document.getText(), lines.offsetAt(position));
  if (items.length === 0) return null;
  return {
    isIncomplete: false,
    items: items.map((item) => ({
      label: item.label,
      kind: KINDS[item.kind],
      detail: item.detail,
      documentation: item.documentation,
      // A service prefix ends with `:`: ask for the next completion (its actions) at once.
      command: item.kind === 'service' ? { title: 'actions', command: 'editor.action.triggerSuggest' } : undefined,
      textEdit: { range: lines.rangeOf(item.span), newText: item.insertText },
    })),
  };
}
