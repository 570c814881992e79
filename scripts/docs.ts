/**
 * Writes what is generated from the rules' metadata: docs/rules/<id>.md, the README's rule list
 * (between its `rules:start` and `rules:end` markers) and list of account checks (between
 * `account-rules:start` and `account-rules:end`), and the `pillar.rules` setting in package.json.
 * `npm run docs` writes them; test/rules/docs.test.ts fails while the committed files are stale.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ACCOUNT_RULES } from '../rules/account-rules';
import { RULES } from '../rules/index';
import { accountRulesTableMarkdown, ruleDocMarkdown, rulesSettingSchema, rulesTableMarkdown } from '../server/src/engine/rule-docs';

const ROOT = resolve(__dirname, '..');
export const RULE_DOCS_DIR = 'docs/rules';
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';
const ACCOUNT_START = '<!-- account-rules:start -->';
const ACCOUNT_END = '<!-- account-rules:end -->';

/** The text with what stands between two markers replaced. */
function between(text: string, start: string, end: string, content: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

/** Every generated file, by path relative to the repository, with the content it should have. */
export function generatedFiles(): Map<string, string> {
  const metas = RULES.map((rule) => rule.meta);
  const files = new Map<string, string>();
  const accountMetas = ACCOUNT_RULES.map((rule) => rule.meta);
  for (const meta of [...metas, ...accountMetas]) files.set(`${RULE_DOCS_DIR}/${meta.id}.md`, ruleDocMarkdown(meta));

  let readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  readme = between(readme, START, END, rulesTableMarkdown(metas));
  readme = between(readme, ACCOUNT_START, ACCOUNT_END, accountRulesTableMarkdown(accountMetas));
  files.set('README.md', readme);

  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  manifest.contributes.configuration.properties['pillar.rules'].properties = rulesSettingSchema(metas);
  files.set('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}

/** Rule pages that no rule generates any more. */
export function staleRuleDocs(files: ReadonlyMap<string, string>): string[] {
  return readdirSync(join(ROOT, RULE_DOCS_DIR))
    .map((name) => `${RULE_DOCS_DIR}/${name}`)
    .filter((path) => !files.has(path));
}

if (require.main === module) {
  const files = generatedFiles();
  for (const path of staleRuleDocs(files)) rmSync(join(ROOT, path));
  let changed = 0;
  for (const [path, content] of files) {
    const full = join(ROOT, path);
    let current: string | undefined;
    try {
      current = readFileSync(full, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === content) continue;
    writeFileSync(full, content);
    changed++;
  }
  console.log(`${files.size} generated files, ${changed} updated.`);
}
