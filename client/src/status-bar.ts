import * as vscode from 'vscode';
import type { DocumentKind } from '../../server/src/engine/api';

/** What the status bar item shows, for the tests (through the extension's API). */
export interface FindingsStatus {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  readonly command: string | undefined;
  readonly errors: number;
  readonly warnings: number;
}

const PROBLEMS_COMMAND = 'workbench.actions.view.problems';

/**
 * The count of Pillar's errors and warnings in the active file, in the status bar; a click opens
 * the Problems view. Shown only while the active file is a template or a policy, which the server
 * says (DOCUMENT_KIND_NOTIFICATION): Pillar has nothing to say about other YAML and JSON files.
 */
export class FindingsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('pillar.findings', vscode.StatusBarAlignment.Left, 10);
  private readonly kinds = new Map<string, DocumentKind>();
  private readonly disposables: vscode.Disposable[];
  private current: FindingsStatus = { visible: false, text: '', tooltip: '', command: undefined, errors: 0, warnings: 0 };

  constructor() {
    this.item.name = 'Pillar Findings';
    this.item.command = { command: PROBLEMS_COMMAND, title: 'Show Problems' };
    this.disposables = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(({ uris }) => {
        const active = this.activeUri();
        if (active && uris.some((uri) => uri.toString() === active)) this.update();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.kinds.delete(document.uri.toString())),
    ];
  }

  /** The server analyzed a document: a template, a policy, or neither. */
  setKind(uri: string, kind: DocumentKind): void {
    // The server sends URIs as VS Code wrote them; parsing normalizes the encoding for comparison.
    const key = vscode.Uri.parse(uri).toString();
    this.kinds.set(key, kind);
    if (key === this.activeUri()) this.update();
  }

  /** Forgets every kind, e.g. when the server restarts (it sends them again as it analyzes). */
  reset(): void {
    this.kinds.clear();
    this.update();
  }

  status(): FindingsStatus {
    return this.current;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private activeUri(): string | undefined {
    return vscode.window.activeTextEditor?.document.uri.toString();
  }

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const kind = uri ? this.kinds.get(uri.toString()) : undefined;
    if (!uri || kind === undefined || kind === 'none') {
      this.item.hide();
      this.current = { visible: false, text: '', tooltip: '', command: undefined, errors: 0, warnings: 0 };
      return;
    }
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pillar');
    const count = (severity: vscode.DiagnosticSeverity) => diagnostics.filter((d) => d.severity === severity).length;
    const errors = count(vscode.DiagnosticSeverity.Error);
    const warnings = count(vscode.DiagnosticSeverity.Warning);
    const infos = count(vscode.DiagnosticSeverity.Information);
    const text = errors + warnings === 0 ? '$(shield) Pillar $(check)' : `$(shield) Pillar $(error) ${errors} $(warning) ${warnings}`;
    const what = kind === 'policy' ? 'IAM policy' : 'template';
    const tooltip = `Pillar: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} and ${infos} info in this ${what}. Click to open the Problems view.`;
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: tooltip };
    this.item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
    this.current = { visible: true, text, tooltip, command: PROBLEMS_COMMAND, errors, warnings };
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
