/**
 * Everything users read about a rule, generated from its metadata alone: the rule's page under
 * docs/rules/, the README's rule list, the `pillar.rules` setting's schema and SARIF help. The
 * hover builds on the same fields, so no text about a rule is written twice.
 */
import { AREA_TITLES, AREAS, SEVERITIES, type Equivalents, type RuleMeta, type RuleOption } from './api';
import { BEST_PRACTICES } from './best-practices';

export const TOOL_NAMES: Readonly<Record<keyof Equivalents, string>> = {
  checkov: 'Checkov',
  cfnNag: 'cfn_nag',
  cfnLint: 'cfn-lint',
  kics: 'KICS',
  securityHub: 'Security Hub',
  cis: 'CIS AWS Foundations v3.0.0',
};

export const GENERATED_NOTICE = '<!-- Generated from the rules\' metadata by `npm run docs`: edit the rule, not this text. -->';

/** "Checkov CKV_AWS_53, CKV_AWS_54; Security Hub S3.8", or "" when no other tool has the check. */
export function equivalentsText(meta: RuleMeta): string {
  return (Object.entries(meta.equivalents) as [keyof Equivalents, readonly string[]][])
    .filter(([, ids]) => ids.length > 0)
    .map(([tool, ids]) => `${TOOL_NAMES[tool]} ${ids.join(', ')}`)
    .join('; ');
}

export function bestPracticesText(meta: RuleMeta): string {
  return meta.bestPractice.map((id) => `${id} ${BEST_PRACTICES.get(id) ?? ''}`.trim()).join('; ');
}

/** The link text of an AWS documentation URL: its page name, in words. */
export function linkText(url: string): string {
  const page = url.split('/').pop()?.replace(/\.html.*$/, '') ?? url;
  return page.replace(/[-_]/g, ' ');
}

/** The page docs/rules/<id>.md. */
export function ruleDocMarkdown(meta: RuleMeta): string {
  const equivalents = equivalentsText(meta);
  const rows: [string, string][] = [
    ['Area', AREA_TITLES[meta.area]],
    ['Severity', meta.severity],
    ['Well-Architected', bestPracticesText(meta)],
    ['Checks', meta.resourceTypes.map((type) => (type === 'policy' ? 'every IAM policy' : type === 'template' ? 'the whole template' : type === '*' ? 'every resource' : type === 'account' ? 'the live AWS account' : `\`${type}\``)).join(', ')],
    ['Quick fix', meta.fixable ? 'yes' : 'no'],
    ['Enabled', meta.enabledByDefault === false ? 'no, until configured' : 'yes'],
    ['Same check elsewhere', equivalents || 'none'],
  ];
  const sections = [
    GENERATED_NOTICE,
    `# \`${meta.id}\``,
    `**${meta.title}**`,
    ['| | |', '| --- | --- |', ...rows.map(([name, value]) => `| ${name} | ${value.replace(/\|/g, '\\|')} |`)].join('\n'),
    `## Why it matters\n\n${meta.rationale}`,
    `## What to do\n\n${meta.remediation}`,
  ];
  if (meta.options && Object.keys(meta.options).length > 0) sections.push(`## Options\n\n${optionsTable(meta)}\n\n${configExample(meta)}`);
  if (meta.examples) {
    const options = meta.examples.options ? `With the rule configured as:\n\n${fenced(JSON.stringify({ rules: { [meta.id]: meta.examples.options } }, null, 2), 'json')}\n\n` : '';
    sections.push(`## Examples\n\n${options}Reported:\n\n${fenced(meta.examples.insecure)}\n\nNot reported:\n\n${fenced(meta.examples.secure)}`);
  }
  sections.push(`## Learn more\n\n${meta.docs.map((url) => `- [${linkText(url)}](${url})`).join('\n')}`);
  return `${sections.join('\n\n')}\n`;
}

function optionsTable(meta: RuleMeta): string {
  const rows = Object.entries(meta.options ?? {}).map(([name, option]) => `| \`${name}\` | ${option.type} | \`${JSON.stringify(option.default)}\` | ${option.description} |`);
  return ['| option | type | default | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function configExample(meta: RuleMeta): string {
  const options = Object.fromEntries(Object.entries(meta.options ?? {}).map(([name, option]) => [name, option.default]));
  return `In \`.pillar.json\` (or the \`pillar.rules\` setting):\n\n${fenced(JSON.stringify({ rules: { [meta.id]: options } }, null, 2), 'json')}`;
}

function fenced(text: string, language = /^\s*[{[]/.test(text) ? 'json' : 'yaml'): string {
  return `\`\`\`${language}\n${text.trimEnd()}\n\`\`\``;
}

/** The README's rule list: a table per area, each rule linked to its page. */
export function rulesTableMarkdown(metas: readonly RuleMeta[]): string {
  const byArea = AREAS.map((area) => [area, metas.filter((meta) => meta.area === area)] as const).filter(([, rules]) => rules.length > 0);
  return byArea
    .map(([area, rules]) => {
      const rows = rules.map(
        (meta) =>
          `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.severity}${meta.enabledByDefault === false ? ' (off until configured)' : ''} | ${meta.title} | ${meta.fixable ? 'yes' : '–'} | ${meta.equivalents.securityHub.join(', ') || '–'} | ${meta.equivalents.checkov.join(', ') || '–'} |`,
      );
      return [`### ${AREA_TITLES[area]}`, '', '| rule | severity | title | fix | Security Hub | Checkov |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
    })
    .join('\n\n');
}

/** The README's list of account checks: a table per area, with their CIS and Security Hub ids. */
export function accountRulesTableMarkdown(metas: readonly RuleMeta[]): string {
  const rows = AREAS.flatMap((area) => metas.filter((meta) => meta.area === area)).map(
    (meta) => `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${AREA_TITLES[meta.area].toLowerCase()} | ${meta.severity} | ${meta.title} | ${meta.equivalents.cis.join(', ') || '–'} | ${meta.equivalents.securityHub.join(', ') || '–'} |`,
  );
  return ['| rule | area | severity | title | CIS | Security Hub |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The JSON schema of `pillar.rules` in package.json: each rule's setting, with its options where it has some. */
export function rulesSettingSchema(metas: readonly RuleMeta[]): Record<string, unknown> {
  const setting = { type: 'string', enum: ['off', ...SEVERITIES] };
  return Object.fromEntries(
    metas.map((meta) => {
      const description = `${meta.title} (${AREA_TITLES[meta.area].toLowerCase()}, ${meta.severity} by default${meta.enabledByDefault === false ? ', off until configured' : ''}).`;
      if (!meta.options || Object.keys(meta.options).length === 0) return [meta.id, { ...setting, description }];
      const properties = Object.fromEntries(Object.entries(meta.options).map(([name, option]) => [name, optionSchema(option)]));
      return [meta.id, { description, anyOf: [setting, { type: 'object', properties: { severity: setting, ...properties }, additionalProperties: false }] }];
    }),
  );
}

function optionSchema(option: RuleOption): Record<string, unknown> {
  const type = option.type === 'string[]' ? { type: 'array', items: { type: 'string' } } : { type: option.type };
  return { ...type, default: option.default, description: option.description };
}
