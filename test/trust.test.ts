import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, parseConfigFile } from '../server/src/engine/config';

const manifest = JSON.parse(readFileSync(resolve(__dirname, '../package.json'), 'utf8'));
const POSTURE_SETTINGS = ['pillar.posture.profile', 'pillar.posture.region', 'pillar.posture.regions', 'pillar.posture.endpoint', 'pillar.posture.orgRole'];
const SCAN_COMMANDS = ['pillar.posture.scan', 'pillar.posture.refresh', 'pillar.posture.chooseProfile'];

describe('a cloned repository cannot steer account scans', () => {
  it('the settings that choose credentials or endpoints are application-scoped (user settings only)', () => {
    const properties = manifest.contributes.configuration.properties;
    const posture = Object.keys(properties).filter((key) => key.startsWith('pillar.posture.'));
    assert.deepEqual(posture.sort(), [...POSTURE_SETTINGS].sort());
    for (const key of POSTURE_SETTINGS) assert.equal(properties[key].scope, 'application', key);
  });

  it('the extension declares limited support for untrusted workspaces, restricting those settings', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.match(untrusted.description, /analyzes templates but does not scan AWS accounts/);
    assert.deepEqual([...untrusted.restrictedConfigurations].sort(), [...POSTURE_SETTINGS].sort());
  });

  it('the scan commands are disabled in untrusted workspaces, wherever they appear', () => {
    const commands = new Map(manifest.contributes.commands.map((c: { command: string }) => [c.command, c]));
    for (const id of SCAN_COMMANDS) assert.equal((commands.get(id) as { enablement?: string }).enablement, 'isWorkspaceTrusted', id);
    const menus = manifest.contributes.menus;
    for (const entry of [...menus.commandPalette, ...menus['view/title']].filter((e: { command: string }) => SCAN_COMMANDS.includes(e.command))) {
      assert.match(entry.when, /(^|&& )isWorkspaceTrusted( &&|$)/, entry.command);
    }
  });

  it('.pillar.json cannot hold posture settings: it is rejected, not read', () => {
    for (const key of ['posture', 'profile', 'endpoint', 'region', 'orgRole']) {
      assert.throws(() => parseConfigFile(JSON.stringify({ [key]: 'attacker' }), '.pillar.json'), (error: unknown) => error instanceof ConfigError && error.message === `.pillar.json: unknown setting "${key}".`);
    }
  });

  it('nothing starts a scan by itself: no activation event or startup path names the posture commands', () => {
    assert.ok(!manifest.activationEvents.some((event: string) => event.includes('posture') || event === '*' || event === 'onStartupFinished'));
    const client = readFileSync(resolve(__dirname, '../client/src/extension.ts'), 'utf8');
    assert.ok(!client.includes("executeCommand('pillar.posture.scan"));
  });
});
