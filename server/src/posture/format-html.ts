import { AREAS, AREA_TITLES } from '../engine/api';
import type { PostureReport } from './report';
import { accountTitle, countsByArea, totals, unavailableText } from './summary';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24;background:#fff}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{margin-top:2.5rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}h3{margin-top:1.5rem}
.meta{color:#57606a}.summary{display:grid;grid-template-columns:16rem 1fr 14rem;gap:.5rem 1rem;align-items:center;margin:1rem 0}
.bar{display:flex;height:1.1rem;border-radius:4px;overflow:hidden;background:#eaeef2}.bar span{display:block}
.fail{background:#cf222e}.pass{background:#2da44e}.ne{background:#8c959f}.counts{font-variant-numeric:tabular-nums;color:#57606a}
.legend span{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin:0 .3rem 0 1rem;vertical-align:-1px}
.check{border:1px solid #d0d7de;border-radius:6px;padding:.6rem .9rem;margin:.6rem 0}.check h4{margin:0 0 .3rem}
.sev{font-size:.75rem;text-transform:uppercase;border-radius:3px;padding:.05rem .35rem;margin-left:.4rem;color:#fff}
.sev.error{background:#cf222e}.sev.warning{background:#9a6700}.sev.info{background:#0969da}.sev.not-evaluated{background:#8c959f}
ul{margin:.3rem 0;padding-left:1.2rem}.fix{color:#57606a}code{font-size:.9em}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
`;

/** One self-contained HTML page (inline CSS, no scripts): a summary per area with a bar, the findings below. */
export function formatPostureHtml(report: PostureReport): string {
  const t = totals(report);
  const body: string[] = [
    `<h1>Pillar account posture</h1>`,
    `<p class="meta">${escape(report.startedAt)} · ${escape(report.tool.name)} ${escape(report.tool.version)} · ${t.fail} checks failed, ${t.pass} passed, ${t.notEvaluated} not evaluated · ${t.findings} findings · ${t.stackFindings} findings in ${t.stacks} deployed stacks</p>`,
    `<p class="legend meta"><span class="fail"></span>failed<span class="pass"></span>passed<span class="ne"></span>not evaluated</p>`,
  ];
  for (const account of report.accounts) {
    body.push(`<h2>${escape(accountTitle(account))}</h2>`);
    if (account.error) {
      body.push(`<p>Not scanned: ${escape(account.error)}</p>`);
      continue;
    }
    body.push(`<p class="meta">Regions ${escape(account.regions.join(', '))} · scanned as <code>${escape(account.principal)}</code></p>`, '<div class="summary">');
    const counts = countsByArea(account.checks);
    for (const area of AREAS) {
      const c = counts[area];
      const all = c.fail + c.pass + c.notEvaluated || 1;
      const part = (n: number, cls: string) => (n ? `<span class="${cls}" style="width:${((n / all) * 100).toFixed(1)}%"></span>` : '');
      body.push(
        `<div>${escape(AREA_TITLES[area])}</div><div class="bar" role="img" aria-label="${c.fail} failed, ${c.pass} passed, ${c.notEvaluated} not evaluated">${part(c.fail, 'fail')}${part(c.pass, 'pass')}${part(c.notEvaluated, 'ne')}</div>`,
        `<div class="counts">${c.fail} failed · ${c.pass} passed · ${c.notEvaluated} not evaluated</div>`,
      );
    }
    body.push('</div>');
    for (const area of AREAS) {
      const checks = account.checks.filter((c) => c.meta.area === area && c.status !== 'pass');
      if (checks.length === 0) continue;
      body.push(`<h3>${escape(AREA_TITLES[area])}</h3>`);
      for (const check of checks) {
        const label = check.status === 'fail' ? check.meta.severity : 'not-evaluated';
        body.push(`<div class="check"><h4>${escape(check.meta.title)}<span class="sev ${label}">${label.replace('-', ' ')}</span></h4><code>${escape(check.meta.id)}</code> · ${escape(check.meta.bestPractice.join(', '))}<ul>`);
        for (const f of check.findings) body.push(`<li><a href="${escape(f.entity.console)}">${escape(f.entity.id)}</a>: ${escape(f.message)}</li>`);
        if (check.unavailable.length) body.push(`<li>Not evaluated: ${escape(unavailableText(check))}</li>`);
        body.push('</ul>');
        if (check.status === 'fail') body.push(`<p class="fix"><strong>Fix:</strong> ${escape(check.meta.remediation)}</p>`);
        body.push('</div>');
      }
    }
    if (account.stacks.length > 0) {
      body.push('<h3>Deployed stacks</h3><table><tr><th>stack</th><th>line</th><th>finding</th><th>rule</th></tr>');
      for (const stack of account.stacks) {
        const name = `${escape(stack.region)}/${escape(stack.name)}`;
        if (stack.findings.length === 0) body.push(`<tr><td>${name}</td><td></td><td>${stack.error ? `not analyzed: ${escape(stack.error.action)} (${escape(stack.error.code)})` : 'no findings'}</td><td></td></tr>`);
        for (const f of stack.findings) body.push(`<tr><td>${name}</td><td>${f.range.start.line + 1}</td><td>${escape(f.message)}</td><td><code>${escape(f.ruleId)}</code></td></tr>`);
      }
      body.push('</table>');
    }
  }
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Pillar account posture</title><style>${STYLE}</style></head>\n<body>\n${body.join('\n')}\n</body></html>\n`;
}
