/**
 * Writes what is generated from the rules' metadata: docs/rules/<id>.md, the README's rule list
 * (between its `rules:start` and `rules:end` markers) and the `pillar.rules` setting in package.json.
 * `npm run docs` writes them; test/rules/docs.test.ts fails while the committed files are stale.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULES } from '../rules/index';
import { ruleDocMarkdown, rulesSettingSchema, rulesTableMarkdown } from '../server/src/engine/rule-docs';

const ROOT = resolve(__dirname, '..');
export const RULE_DOCS_DIR = 'docs/rules';
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

/** Every generated file, by path relative to the repository, with the content it should have. */
export function generatedFiles(): Map<string, string> {
  const metas = RULES.map((rule) => rule.meta);
  const files = new Map<string, string>();
  for (const meta of metas) files.set(`${RULE_DOCS_DIR}/${meta.id}.md`, ruleDocMarkdown(meta));

  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  files.set('README.md', `${readme.slice(0, start + START.length)}\n${rulesTableMarkdown(metas)}\n${readme.slice(end)}`);

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
