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
 * duplicate key, a failing rule) is tried again with fewer fixes, then dropped, so the text never
 * gets worse than it was.
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
    const attempt = (fixes: readonly AppliedFix[]) => {
      const edits = combineFixes(fixes.map(({ fix }) => fix));
      const next = applyEdits(current, edits);
      const after = engine.analyze(next, file, config);
      const worse = READING_PROBLEMS.find((id) => countOf(after.findings, id) > countOf(analysis.findings, id));
      // combineFixes leaves out a fix that overlaps another; it is tried again on the next pass.
      const accepted = new Set(edits);
      return { next, after, worse, fixes: fixes.filter(({ fix }) => fix.edits.every((edit) => accepted.has(edit))) };
    };
    let result = attempt(chosen);
    // Two fixes can each be right alone and wrong together (both add the missing Properties map
    // at one place): apply only fixes that do not even touch, and leave the rest to the next pass.
    if (result.worse) result = attempt(apart(chosen));
    if (result.worse) return { text: current, analysis, applied, stopped: `a fix would have caused a ${result.worse} finding, so it was not applied (please report it)` };
    if (seen.has(result.next)) return { text: current, analysis, applied, stopped: 'the fixes do not remove their findings' };
    applied.push(...result.fixes);
    seen.add(result.next);
    current = result.next;
    analysis = result.after;
  }
  const left = analysis.findings.filter((finding) => fixToApply(finding, replacing)).length;
  return { text: current, analysis, applied, stopped: left > 0 ? `${left} fixable findings remain after ${MAX_FIX_PASSES} passes` : undefined };
}

/** The fixes whose edits neither overlap nor touch those of the fixes before them. */
function apart(fixes: readonly AppliedFix[]): AppliedFix[] {
  const taken: { start: number; end: number }[] = [];
  return fixes.filter(({ fix }) => {
    const touches = fix.edits.some((edit) => taken.some((other) => edit.start <= other.end && other.start <= edit.end));
    if (!touches) taken.push(...fix.edits);
    return !touches;
  });
}

function countOf(findings: readonly Finding[], ruleId: string): number {
  return findings.filter((finding) => finding.ruleId === ruleId).length;
}
