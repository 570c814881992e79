import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { AREA_TITLES, type Finding, type RuleMeta } from '../engine/api';
import { bestPracticesText, equivalentsText, linkText } from '../engine/rule-docs';

/** Guidance for the findings under the cursor: why it matters, what to do, where to read more. */
export function hoverFor(findings: readonly Finding[], position: Position, metas: ReadonlyMap<string, RuleMeta>): Hover | null {
  const here = findings.filter((f) => contains(f, position));
  if (here.length === 0) return null;
  const sections = here.map((finding) => {
    const meta = metas.get(finding.ruleId);
    return meta ? ruleGuidance(finding, meta) : `**Pillar** · ${finding.message}`;
  });
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: here[0].range };
}

export function ruleGuidance(finding: Finding, meta: RuleMeta): string {
  const equivalents = equivalentsText(meta);
  return [
    `**${meta.title}** · \`${meta.id}\``,
    `*${AREA_TITLES[meta.area]} · ${finding.severity}* · ${bestPracticesText(meta)}`,
    `**Why it matters.** ${meta.rationale}`,
    `**What to do.** ${meta.remediation}`,
    `**Learn more:** ${meta.docs.map((url) => `[${linkText(url)}](${url})`).join(' · ')}`,
    ...(equivalents ? [`Same check elsewhere: ${equivalents}.`] : []),
  ].join('\n\n');
}

function contains(finding: Finding, position: Position): boolean {
  const { start, end } = finding.range;
  const after = position.line > start.line || (position.line === start.line && position.character >= start.character);
  const before = position.line < end.line || (position.line === end.line && position.character <= end.character);
  return after && before;
}
