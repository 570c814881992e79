import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, RuleMeta, Severity } from '../engine/api';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export interface DiagnosticData {
  readonly ruleId: string;
  readonly fixable: boolean;
}

export function toDiagnostic(finding: Finding, meta: RuleMeta | undefined): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, fixable: finding.fixes.length > 0 };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: 'pillar',
    code: finding.ruleId,
    ...(meta?.docs[0] ? { codeDescription: { href: meta.docs[0] } } : {}),
    message: finding.message,
    data,
  };
}
