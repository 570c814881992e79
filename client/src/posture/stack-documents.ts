import * as vscode from 'vscode';
import type { AccountPosture, StackReport } from '../../../server/src/posture/report';

export const STACK_SCHEME = 'pillar-stack';

/** `pillar-stack:/123456789012/us-east-1/web.yaml`: a deployed stack's template (.json for JSON templates). */
export function stackUri(account: AccountPosture, stack: StackReport): vscode.Uri {
  const extension = stack.template?.trimStart().startsWith('{') ? 'json' : 'yaml';
  return vscode.Uri.from({ scheme: STACK_SCHEME, path: `/${account.accountId}/${stack.region}/${stack.name}.${extension}` });
}

/**
 * Deployed templates as read-only documents. The language server analyzes them like any open
 * template, so the deployed stack gets the same diagnostics as the file in the editor.
 */
export class StackDocuments implements vscode.TextDocumentContentProvider {
  private templates = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  update(accounts: readonly AccountPosture[]): void {
    const previous = this.templates;
    this.templates = new Map();
    for (const account of accounts) for (const stack of account.stacks) if (stack.template !== null) this.templates.set(stackUri(account, stack).toString(), stack.template);
    for (const uri of new Set([...previous.keys(), ...this.templates.keys()])) this.changed.fire(vscode.Uri.parse(uri));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.templates.get(uri.toString()) ?? '# This stack is not in the last posture scan: run Pillar: Scan AWS Account again.\n';
  }

  dispose(): void {
    this.changed.dispose();
  }
}
