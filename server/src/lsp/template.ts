import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type CompletionList, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Engine } from '../engine/engine';

const KINDS = { resourceType: CompletionItemKind.Class, property: CompletionItemKind.Property, attribute: CompletionItemKind.Keyword, value: CompletionItemKind.Value } as const;

/**
 * The engine's template completions as an LSP list: snippets laid out at their final indentation.
 * With `itemDefaults` (a client that takes the list's `editRange`), items that only insert their
 * label at the shared range carry nothing else: the resource types are almost two thousand.
 */
export function templateCompletionsFor(engine: Engine, analysis: Analysis, document: TextDocument, position: Position, itemDefaults = false): CompletionList | null {
  const items = engine.templateCompletions(analysis, document.getText(), document.offsetAt(position));
  if (items.length === 0) return null;
  const range = (span: { start: number; end: number }) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
  const shared = items[0].span;
  if (itemDefaults && items.every((item) => !item.snippet && item.insertText === item.label && item.span.start === shared.start && item.span.end === shared.end && !item.additionalEdits)) {
    return {
      isIncomplete: items[0].kind === 'resourceType',
      itemDefaults: { editRange: range(shared) },
      items: items.map((item): CompletionItem => ({
        label: item.label,
        kind: KINDS[item.kind],
        ...(item.detail ? { detail: item.detail } : {}),
        ...(item.sortText !== item.label ? { sortText: item.sortText } : {}),
        ...(item.filterText !== item.label ? { filterText: item.filterText } : {}),
        ...(item.preselect ? { preselect: true } : {}),
      })),
    };
  }
  return {
    // Resource types are narrowed to the service typed so far: ask again as the service changes.
    isIncomplete: items[0].kind === 'resourceType',
    // Defaults left out (a list of resource types has almost two thousand items).
    items: items.map((item): CompletionItem => ({
      label: item.label,
      kind: KINDS[item.kind],
      ...(item.detail ? { detail: item.detail } : {}),
      ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
      ...(item.sortText !== item.label ? { sortText: item.sortText } : {}),
      ...(item.filterText !== item.label ? { filterText: item.filterText } : {}),
      ...(item.preselect ? { preselect: true } : {}),
      ...(item.snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
      // The text is already indented for its place: the editor must not indent it again.
      ...(/[\r\n]/.test(item.insertText) ? { insertTextMode: InsertTextMode.asIs } : {}),
      textEdit: { range: range(item.span), newText: item.insertText },
      ...(item.additionalEdits
        ? { additionalTextEdits: item.additionalEdits.map((edit) => ({ range: range(edit.span), newText: edit.text })) }
        : {}),
    })),
  };
}

/** Adds a resource type's description and reference link, asked for when the item is shown. */
export function resolveTemplateCompletion(engine: Engine, item: CompletionItem): CompletionItem {
  const markdown = item.kind === CompletionItemKind.Class && !item.documentation ? engine.resourceTypeDocumentation(item.label) : undefined;
  return markdown ? { ...item, documentation: { kind: MarkupKind.Markdown, value: markdown } } : item;
}

/** The engine's resource type hover as an LSP hover. */
export function templateHoverFor(engine: Engine, analysis: Analysis, document: TextDocument, position: Position): Hover | null {
  const hover = engine.templateHover(analysis, document.offsetAt(position));
  if (!hover) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: { start: document.positionAt(hover.span.start), end: document.positionAt(hover.span.end) } };
}
