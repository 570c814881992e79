import { CodeAction, CodeActionKind, TextEdit as LspTextEdit, type CodeActionParams, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, TextEdit } from '../engine/api';
import { combineFixes } from '../engine/edits';
import { toDiagnostic } from './diagnostics';
import type { RuleMeta } from '../engine/api';
import type { LineIndex } from '../engine/positions';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.pillar`;

/** Quick fixes for the findings in the requested range, and the fix-all source action. */
export function codeActionsFor(
  document: TextDocument,
  findings: readonly Finding[],
  params: CodeActionParams,
  metas: ReadonlyMap<string, RuleMeta>,
  versionedEdits: boolean,
  lines: LineIndex,
): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const editFor = (edits: readonly TextEdit[]) => workspaceEdit(document, lines, edits, versionedEdits);
  const actions: CodeAction[] = [];
  const fixable = findings.filter((finding) => finding.fixes.some((fix) => fix.preferred));

  if (wants(CodeActionKind.QuickFix)) {
    for (const finding of findings.filter((f) => intersects(f.range, params.range))) {
      for (const fix of finding.fixes) {
        const action = CodeAction.create(fix.title, editFor(fix.edits), CodeActionKind.QuickFix);
        action.diagnostics = [toDiagnostic(finding, metas.get(finding.ruleId))];
        action.isPreferred = fix.preferred;
        actions.push(action);
      }
    }
    if (actions.length > 0 && fixable.length > 1) {
      actions.push(CodeAction.create('Fix all auto-fixable Pillar problems', editFor(fixAllEdits(fixable)), CodeActionKind.QuickFix));
    }
  }
  if (fixable.length > 0 && wants(FIX_ALL_KIND)) {
    actions.push(CodeAction.create('Fix all auto-fixable Pillar problems', editFor(fixAllEdits(fixable)), FIX_ALL_KIND));
  }
  return actions;
}

function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  return combineFixes(findings.map((finding) => finding.fixes.find((fix) => fix.preferred)!));
}

function workspaceEdit(document: TextDocument, lines: LineIndex, edits: readonly TextEdit[], versioned: boolean): WorkspaceEdit {
  const lspEdits = edits.map((edit) => LspTextEdit.replace(lines.rangeOf(edit), edit.text));
  // A versioned edit is refused by the editor if the document changed since the fix was computed.
  return versioned
    ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lspEdits }] }
    : { changes: { [document.uri]: lspEdits } };
}

function intersects(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}
