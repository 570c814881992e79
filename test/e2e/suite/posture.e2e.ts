import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, FIRST_DIAGNOSTICS_TIMEOUT_MS, ruleId, waitForDiagnostics, workspaceRoot } from './helpers';

/** The parts of the posture view's API the suite reads (client/src/posture/commands.ts). */
interface PostureTree {
  readonly lastReport: unknown;
  getChildren(node?: unknown): unknown[];
  getTreeItem(node: unknown): vscode.TreeItem;
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** The child of `node` whose tree item has this label. */
function child(tree: PostureTree, node: unknown, name: string): unknown {
  const children = tree.getChildren(node);
  const found = children.find((c) => label(tree.getTreeItem(c)) === name);
  assert.ok(found, `no "${name}" under ${node ? label(tree.getTreeItem(node)) : 'the root'}: ${children.map((c) => label(tree.getTreeItem(c))).join(', ')}`);
  return found;
}

suite('account posture (against the emulated account)', function () {
  let tree: PostureTree;

  suiteSetup(async function () {
    // scripts/e2e.sh starts moto and passes its endpoint; without it there is no account to scan.
    if (!process.env.PILLAR_E2E_MOTO) this.skip();
    const extension = vscode.extensions.getExtension<{ posture: { tree: PostureTree } }>(EXTENSION_ID);
    assert.ok(extension);
    tree = (await extension.activate()).posture.tree;
  });

  test('a workspace cannot set where scans go: the posture settings refuse workspace values', async () => {
    await assert.rejects(
      Promise.resolve(vscode.workspace.getConfiguration('pillar.posture').update('endpoint', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Workspace)),
      /can be written only into User settings/,
    );
  });

  test('Pillar: Scan AWS Account fills the tree: the account, the five areas with counts, checks, entities', async () => {
    const totals = await vscode.commands.executeCommand<{ fail: number; accounts: number } | undefined>('pillar.posture.scan');
    assert.ok(totals, 'the scan returned nothing (see the Pillar output)');
    assert.equal(totals.accounts, 1);
    assert.ok(totals.fail >= 10, `${totals.fail} failed checks`);
    const [account] = tree.getChildren();
    const accountItem = tree.getTreeItem(account);
    assert.equal(label(accountItem), 'Account 123456789012');
    assert.match(String(accountItem.description), /default credentials · us-east-1 · 2 regions/);
    const areas = tree.getChildren(account).map((node) => label(tree.getTreeItem(node)));
    assert.deepEqual(areas, ['Identity and access management', 'Detective controls', 'Infrastructure protection', 'Data protection', 'Incident response', 'Deployed stacks']);
    const iam = child(tree, account, 'Identity and access management');
    assert.match(String(tree.getTreeItem(iam).description), /^\d+ failed · \d+ passed/);

    // A check expands to the entities at fault, with guidance and a console link.
    const mfa = child(tree, iam, 'IAM users who can sign in to the console must use MFA');
    assert.equal(tree.getTreeItem(mfa).description, '1 finding');
    const [alice] = tree.getChildren(mfa);
    const item = tree.getTreeItem(alice);
    assert.equal(label(item), 'alice');
    assert.equal(item.contextValue, 'entity');
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.ok(tooltip.includes('What to do.'), tooltip);
    assert.ok(tooltip.includes('(https://console.aws.amazon.com/iam/home#/users/details/alice?section=security_credentials)'), tooltip);
  });

  test('a deployed stack opens as a read-only document with the template diagnostics', async () => {
    const [account] = tree.getChildren();
    const web = child(tree, child(tree, account, 'Deployed stacks'), 'web');
    const command = tree.getTreeItem(web).command;
    assert.ok(command);
    const uri = command.arguments![0] as vscode.Uri;
    assert.equal(uri.toString(), 'pillar-stack:/123456789012/us-east-1/web.yaml');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    // A deployed stack belongs to no workspace folder: every default rule applies, so the seeded
    // findings are looked for among the others.
    const seeded = ['ec2-security-group-no-public-admin-ingress', 's3-bucket-public-access-block'];
    await waitForDiagnostics(uri, (d) => seeded.every((id) => d.some((diagnostic) => ruleId(diagnostic) === id)), 'the deployed template\'s seeded findings', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    // A content provider's document: no file system stands behind it, so nothing can be saved back.
    assert.equal(vscode.workspace.fs.isWritableFileSystem(uri.scheme), undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Export Account Posture Report writes HTML and Markdown', async () => {
    for (const [name, start] of [['posture.html', '<!doctype html>'], ['posture.md', '# Pillar account posture']] as const) {
      const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', name);
      const written = await vscode.commands.executeCommand<vscode.Uri>('pillar.posture.export', target);
      assert.equal(written?.toString(), target.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.ok(text.startsWith(start), text.slice(0, 80));
      assert.ok(text.includes('alice can sign in to the console with a password and has no MFA device.'));
    }
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'scratch'), { recursive: true, useTrash: false });
  });

  test('Clear Account Posture empties the tree', async () => {
    await vscode.commands.executeCommand('pillar.posture.clear');
    assert.deepEqual(tree.getChildren(), []);
    assert.equal(tree.lastReport, undefined);
  });
});
