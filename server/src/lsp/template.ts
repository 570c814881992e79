import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type CompletionList, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Engine } from '../engine/engine';

const KINDS = { resourceType: CompletionItemKind.Class, property: CompletionItemKind.Property, attribute: CompletionItemKind.Keyword, value: CompletionItemKind.Value } as const;

/** What a resource type item carries until the editor resolves its documentation. */
interface ResolveData {
  readonly resourceType: string;
}

/** The engine's template completions as an LSP list: snippets laid out at their final indentation. */
export function templateCompletionsFor(engine: Engine, analysis: Analysis, document: TextDocument, position: Position): CompletionList | null {
  const items = engine.templateCompletions(analysis, document.getText(), document.offsetAt(position));
  if (items.length === 0) return null;
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
      textEdit: { range: { start: document.positionAt(item.span.start), end: document.positionAt(item.span.end) }, newText: item.insertText },
      ...(item.additionalEdits
        ? { additionalTextEdits: item.additionalEdits.map((edit) => ({ range: { start: document.positionAt(edit.span.start), end: document.positionAt(edit.span.end) }, newText: edit.text })) }
        : {}),
      ...(item.kind === 'resourceType' ? { data: { resourceType: item.label } satisfies ResolveData } : {}),
    })),
  };
}

/** Adds a resource type's description and reference link, asked for when the item is shown. */
export function resolveTemplateCompletion(engine: Engine, item: CompletionItem): CompletionItem {
  const type = (item.data as Partial<ResolveData> | undefined)?.resourceType;
  const markdown = type ? engine.resourceTypeDocumentation(type) : undefined;
  return markdown ? { ...item, documentation: { kind: MarkupKind.Markdown, value: markdown } } : item;
}

/** The engine's resource type hover as an LSP hover. */
export function templateHoverFor(engine: Engine, analysis: Analysis, document: TextDocument, position: Position): Hover | null {
  const hover = engine.templateHover(analysis, document.offsetAt(position));
  if (!hover) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: { start: document.positionAt(hover.span.start), end: document.positionAt(hover.span.end) } };
}
