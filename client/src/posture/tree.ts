import * as vscode from 'vscode';
import { AREAS, AREA_TITLES, type Area, type Finding } from '../../../server/src/engine/api';
import type { AccountFinding, CallError, CheckResult } from '../../../server/src/engine/account';
import type { AccountPosture, PostureReport, StackReport } from '../../../server/src/posture/report';
import { countsByArea, plural } from '../../../server/src/posture/summary';
import { stackUri } from './stack-documents';

export type PostureNode =
  | { readonly kind: 'account'; readonly account: AccountPosture }
  | { readonly kind: 'area'; readonly account: AccountPosture; readonly area: Area }
  | { readonly kind: 'check'; readonly account: AccountPosture; readonly check: CheckResult }
  | { readonly kind: 'finding'; readonly check: CheckResult; readonly finding: AccountFinding }
  | { readonly kind: 'unavailable'; readonly error: CallError }
  | { readonly kind: 'stacks'; readonly account: AccountPosture }
  | { readonly kind: 'stack'; readonly account: AccountPosture; readonly stack: StackReport }
  | { readonly kind: 'stackFinding'; readonly account: AccountPosture; readonly stack: StackReport; readonly finding: Finding }
  | { readonly kind: 'message'; readonly text: string };

const SEVERITY_ICONS = { error: ['error', 'errorForeground'], warning: ['warning', 'editorWarning.foreground'], info: ['info', 'editorInfo.foreground'] } as const;

/** The posture view: accounts, the five areas with their counts, checks, and the entities at fault. Rendering only. */
export class PostureTree implements vscode.TreeDataProvider<PostureNode> {
  private report: PostureReport | undefined;
  /** Which credentials the report was made with, for the account line. */
  private credentials = '';
  private readonly changed = new vscode.EventEmitter<PostureNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  get lastReport(): PostureReport | undefined {
    return this.report;
  }

  show(report: PostureReport | undefined, credentials = ''): void {
    this.report = report;
    this.credentials = credentials;
    void vscode.commands.executeCommand('setContext', 'pillar.posture.hasReport', report !== undefined);
    this.changed.fire(undefined);
  }

  getChildren(node?: PostureNode): PostureNode[] {
    if (!this.report) return [];
    if (!node) return this.report.accounts.map((account) => ({ kind: 'account', account }));
    switch (node.kind) {
      case 'account': {
        const { account } = node;
        if (account.error) return [{ kind: 'message', text: `Not scanned: ${account.error}` }];
        return [
          ...(account.regionsError ? [{ kind: 'unavailable', error: account.regionsError } as const] : []),
          ...AREAS.map((area): PostureNode => ({ kind: 'area', account, area })),
          ...(account.stacks.length || account.stackErrors.length ? [{ kind: 'stacks', account } as const] : []),
        ];
      }
      case 'area':
        // Failed checks first, then those that could not be evaluated, then the passed ones.
        return node.account.checks
          .filter((check) => check.meta.area === node.area)
          .sort((a, b) => rank(a) - rank(b) || a.meta.title.localeCompare(b.meta.title))
          .map((check) => ({ kind: 'check', account: node.account, check }));
      case 'check':
        return [...node.check.findings.map((finding): PostureNode => ({ kind: 'finding', check: node.check, finding })), ...node.check.unavailable.map((error): PostureNode => ({ kind: 'unavailable', error }))];
      case 'stacks':
        return [
          ...node.account.stacks.map((stack): PostureNode => ({ kind: 'stack', account: node.account, stack })),
          ...node.account.stackErrors.map((error): PostureNode => ({ kind: 'unavailable', error })),
        ];
      case 'stack':
        return [...node.stack.findings.map((finding): PostureNode => ({ kind: 'stackFinding', account: node.account, stack: node.stack, finding })), ...(node.stack.error ? [{ kind: 'unavailable', error: node.stack.error } as const] : [])];
      default:
        return [];
    }
  }

  getTreeItem(node: PostureNode): vscode.TreeItem {
    switch (node.kind) {
      case 'account': {
        const { account } = node;
        const item = new vscode.TreeItem(`Account ${account.accountId}${account.accountName ? ` (${account.accountName})` : ''}`, vscode.TreeItemCollapsibleState.Expanded);
        item.description = [this.credentials, account.homeRegion, account.regions.length > 1 ? `${account.regions.length} regions` : account.regions[0]].filter(Boolean).join(' · ');
        item.tooltip = new vscode.MarkdownString(`Scanned as \`${account.principal || 'unknown'}\` at ${account.collectedAt}\n\nRegions: ${account.regions.join(', ') || 'none'}`);
        item.iconPath = new vscode.ThemeIcon(account.error ? 'warning' : 'cloud');
        item.contextValue = 'account';
        return item;
      }
      case 'area': {
        const counts = countsByArea(node.account.checks)[node.area];
        const item = new vscode.TreeItem(AREA_TITLES[node.area], counts.fail > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${counts.fail} failed · ${counts.pass} passed${counts.notEvaluated ? ` · ${counts.notEvaluated} not evaluated` : ''}`;
        item.iconPath = counts.fail > 0 ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')) : counts.notEvaluated > 0 ? new vscode.ThemeIcon('circle-slash') : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
        item.id = `${node.account.accountId}/${node.area}`;
        return item;
      }
      case 'check': {
        const { check } = node;
        const expandable = check.findings.length + check.unavailable.length > 0;
        const item = new vscode.TreeItem(check.meta.title, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = check.status === 'fail' ? plural(check.findings.length, 'finding') : check.status === 'pass' ? 'passed' : 'not evaluated';
        item.tooltip = checkTooltip(check);
        item.iconPath =
          check.status === 'fail'
            ? new vscode.ThemeIcon(SEVERITY_ICONS[check.meta.severity][0], new vscode.ThemeColor(SEVERITY_ICONS[check.meta.severity][1]))
            : check.status === 'pass'
              ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
              : new vscode.ThemeIcon('circle-slash');
        item.contextValue = `check-${check.status}`;
        item.id = `${node.account.accountId}/${check.meta.id}`;
        return item;
      }
      case 'finding': {
        const { finding, check } = node;
        const item = new vscode.TreeItem(finding.entity.region && finding.entity.kind !== 'region' ? `${finding.entity.id} (${finding.entity.region})` : finding.entity.id, vscode.TreeItemCollapsibleState.None);
        item.description = finding.message;
        const tooltip = new vscode.MarkdownString(`**${escapeMarkdown(finding.message)}**\n\n${escapeMarkdown(check.meta.rationale)}\n\n**What to do.** ${check.meta.remediation}\n\n[Open in the AWS console](${finding.entity.console})`);
        item.tooltip = tooltip;
        item.iconPath = new vscode.ThemeIcon(entityIcon(finding.entity.kind));
        item.contextValue = 'entity';
        return item;
      }
      case 'unavailable': {
        const { error } = node;
        const item = new vscode.TreeItem(error.denied ? `Not evaluated: missing permission ${error.action}` : `Not evaluated: ${error.action} failed`, vscode.TreeItemCollapsibleState.None);
        item.description = error.region;
        item.tooltip = error.denied ? `Allow ${error.action} for the scanning identity (see the README's policy).\n\n${error.message}` : `${error.code}: ${error.message}`;
        item.iconPath = new vscode.ThemeIcon(error.denied ? 'lock' : 'warning');
        return item;
      }
      case 'stacks': {
        const { account } = node;
        const findings = account.stacks.reduce((sum, stack) => sum + stack.findings.length, 0);
        const item = new vscode.TreeItem('Deployed stacks', vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${plural(account.stacks.length, 'stack')} · ${plural(findings, 'finding')}`;
        item.iconPath = new vscode.ThemeIcon('layers');
        return item;
      }
      case 'stack': {
        const { stack, account } = node;
        const item = new vscode.TreeItem(`${stack.name}`, stack.findings.length || stack.error ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = `${stack.region} · ${stack.error ? 'not analyzed' : plural(stack.findings.length, 'finding')}`;
        item.tooltip = `${stack.id}\n${stack.status}\n\nOpens the deployed template, read-only, with its diagnostics.`;
        item.iconPath = new vscode.ThemeIcon(stack.findings.length ? 'warning' : 'file-code');
        if (stack.template !== null) item.command = { command: 'vscode.open', title: 'Open the deployed template', arguments: [stackUri(account, stack)] };
        item.contextValue = 'stack';
        return item;
      }
      case 'stackFinding': {
        const { finding, account, stack } = node;
        const item = new vscode.TreeItem(finding.message, vscode.TreeItemCollapsibleState.None);
        item.description = `line ${finding.range.start.line + 1} · ${finding.ruleId}`;
        const { start, end } = finding.range;
        item.command = { command: 'vscode.open', title: 'Show in the deployed template', arguments: [stackUri(account, stack), { selection: new vscode.Range(start.line, start.character, end.line, end.character) }] };
        item.iconPath = new vscode.ThemeIcon(SEVERITY_ICONS[finding.severity][0], new vscode.ThemeColor(SEVERITY_ICONS[finding.severity][1]));
        return item;
      }
      case 'message':
        return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function rank(check: CheckResult): number {
  return check.status === 'fail' ? 0 : check.status === 'not-evaluated' ? 1 : 2;
}

function checkTooltip(check: CheckResult): vscode.MarkdownString {
  const { meta } = check;
  const ids = [meta.equivalents.cis.length ? `CIS AWS Foundations ${meta.equivalents.cis.join(', ')}` : '', meta.equivalents.securityHub.length ? `Security Hub ${meta.equivalents.securityHub.join(', ')}` : ''].filter(Boolean).join(' · ');
  return new vscode.MarkdownString(
    [`**${escapeMarkdown(meta.title)}** (${meta.severity}, \`${meta.id}\`)`, `${meta.bestPractice.join(', ')}${ids ? ` · ${ids}` : ''}`, escapeMarkdown(meta.rationale), `**What to do.** ${meta.remediation}`, meta.docs.map((url) => `[${url.replace(/^https:\/\//, '')}](${url})`).join('  \n')].join('\n\n'),
  );
}

function entityIcon(kind: AccountFinding['entity']['kind']): string {
  const icons: Record<string, string> = { user: 'person', 'access-key': 'key', role: 'shield', group: 'organization', policy: 'law', key: 'key', trail: 'history', region: 'globe', 'security-group': 'shield', vpc: 'type-hierarchy', certificate: 'workspace-untrusted', account: 'cloud' };
  return icons[kind] ?? 'circle-filled';
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);
}
