import type { Finding, Fix } from '../engine/api';
import type { ResolvedConfig } from '../engine/config';
import { applyEdits, combineFixes } from '../engine/edits';
import type { Analysis, Engine } from '../engine/engine';
import { ENGINE_CHECKS } from '../engine/engine-checks';

/** Passes of fix and re-analysis: a fix may reveal another (a new Properties map, then a key in it); ESLint stops at 10 too. */
export const MAX_FIX_PASSES = 10;

/**
 * The fix --fix applies to a finding: its preferred fix, unless deploying it would replace the
 * resource; with --fix-replacing, a fix that replaces the resource as well.
 */
export function fixToApply(finding: Finding, replacing: boolean): Fix | undefined {
  return finding.fixes.find((fix) => fix.preferred && !fix.replaces) ?? (replacing ? finding.fixes.find((fix) => fix.replaces) : undefined);
}

export interface AppliedFix {
  readonly finding: Finding;
  readonly fix: Fix;
}

export interface FixOutcome {
  /** The text after every pass that was kept. */
  readonly text: string;
  /** The analysis of that text. */
  readonly analysis: Analysis;
  readonly applied: readonly AppliedFix[];
  /** Why fixing stopped before every fixable finding was fixed, if it did. */
  readonly stopped?: string;
}

/** Findings that say the text could not be read, or a rule could not run: a fix must never add one. */
const READING_PROBLEMS: readonly string[] = [ENGINE_CHECKS.parseError.id, ENGINE_CHECKS.duplicateKey.id, ENGINE_CHECKS.inputLimit.id, ENGINE_CHECKS.ruleError.id];

/**
 * Applies the fixes --fix chooses, re-analyzes, and repeats while new fixable findings appear, up
 * to MAX_FIX_PASSES. A pass whose result reads worse than the text before it (a parse error, a
 * duplicate key, a failing rule) is dropped whole, so the text never gets worse than it was.
 */
export function fixText(engine: Engine, text: string, file: string, config: ResolvedConfig, replacing: boolean): FixOutcome {
  let current = text;
  let analysis = engine.analyze(text, file, config);
  const applied: AppliedFix[] = [];
  const seen = new Set([text]);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const chosen = analysis.findings.flatMap((finding) => {
      const fix = fixToApply(finding, replacing);
      return fix ? [{ finding, fix }] : [];
    });
    if (chosen.length === 0) return { text: current, analysis, applied };
    const edits = combineFixes(chosen.map(({ fix }) => fix));
    const accepted = new Set(edits);
    const next = applyEdits(current, edits);
    if (seen.has(next)) return { text: current, analysis, applied, stopped: 'the fixes do not remove their findings' };
    const after = engine.analyze(next, file, config);
    const worse = READING_PROBLEMS.find((id) => countOf(after.findings, id) > countOf(analysis.findings, id));
    if (worse) return { text: current, analysis, applied, stopped: `a fix would have caused a ${worse} finding, so it was not applied (please report it)` };
    // combineFixes leaves out a fix that overlaps another; it is tried again on the next pass.
    applied.push(...chosen.filter(({ fix }) => fix.edits.every((edit) => accepted.has(edit))));
    seen.add(next);
    current = next;
    analysis = after;
  }
  const left = analysis.findings.filter((finding) => fixToApply(finding, replacing)).length;
  return { text: current, analysis, applied, stopped: left > 0 ? `${left} fixable findings remain after ${MAX_FIX_PASSES} passes` : undefined };
}

function countOf(findings: readonly Finding[], ruleId: string): number {
  return findings.filter((finding) => finding.ruleId === ruleId).length;
}
