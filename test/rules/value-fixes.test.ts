import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine/edits';
import { analyze } from '../helpers/analyze';

/** The titles of the fixes for the one finding of `ruleId`, and the text after each. */
function fixesOf(code: string, ruleId = 'ebs-volume-encryption-enabled'): { title: string; preferred: boolean; output: string }[] {
  const findings = analyze(code).findings.filter((f) => f.ruleId === ruleId);
  assert.equal(findings.length, 1, `one ${ruleId} finding`);
  return findings[0].fixes.map((fix) => ({ title: fix.title, preferred: fix.preferred, output: applyEdits(code, fix.edits) }));
}

const volume = (id: string, encrypted: string) => `  ${id}:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: ${encrypted}\n`;

describe('fixes follow where an insecure value is written', () => {
  it('a parameter used by other resources: its default can change, and the property can be set in place first', () => {
    const code = `Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\nResources:\n${volume('A', '!Ref Encrypt')}  B:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Ref Encrypt\n`;
    assert.deepEqual(fixesOf(code), [
      { title: 'Set Encrypted to true (replaces the resource)', preferred: false, output: code.replace('Encrypted: !Ref Encrypt', 'Encrypted: true') },
      { title: 'Change the default of Encrypt to true (also used by B) (replaces the resource)', preferred: false, output: code.replace('Default: "false"', 'Default: "true"') },
    ]);
  });

  it('a parameter used by many resources: the title names three and counts the rest', () => {
    const topics = ['B', 'C', 'D', 'E', 'F'].map((id) => `  ${id}:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Ref Encrypt\n`).join('');
    const code = `Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\nResources:\n${volume('A', '!Ref Encrypt')}${topics}`;
    assert.equal(fixesOf(code)[1].title, 'Change the default of Encrypt to true (also used by B, C, D and 2 others) (replaces the resource)');
    const four = code.replace(/  F:\n[^]*$/, '');
    assert.equal(fixesOf(four)[1].title, 'Change the default of Encrypt to true (also used by B, C, D, E) (replaces the resource)');
  });

  it('an insecure allowed value is removed, and the secure one kept', () => {
    const code = `Parameters:\n  Encrypt:\n    Type: String\n    Default: "true"\n    AllowedValues: ["true", "false"]\nResources:\n${volume('A', '!Ref Encrypt')}`;
    const [first] = fixesOf(code);
    assert.equal(first.title, 'Allow only secure values for parameter Encrypt (replaces the resource)');
    assert.equal(first.output, code.replace('AllowedValues: ["true", "false"]', 'AllowedValues: ["true"]'));
  });

  it('an insecure default that is also allowed: the default changes, the value leaves the list and the secure one joins it', () => {
    const code = `Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\n    AllowedValues:\n      - "false"\nResources:\n${volume('A', '!Ref Encrypt')}`;
    const [first] = fixesOf(code);
    assert.equal(first.title, 'Change the default of Encrypt to true (replaces the resource)');
    assert.equal(first.output, code.replace('Default: "false"\n    AllowedValues:\n      - "false"', 'Default: "true"\n    AllowedValues:\n      - true'));
    assert.deepEqual(analyze(first.output).findings.filter((f) => f.ruleId === 'ebs-volume-encryption-enabled'), []);
  });

  it('both branches of a condition insecure: each is set', () => {
    const code = `Resources:\n${volume('A', '!If [C, false, "false"]')}`;
    assert.deepEqual(fixesOf(code).map((f) => [f.title, f.output]), [
      ['Set Encrypted to true in every branch (replaces the resource)', code.replace('!If [C, false, "false"]', '!If [C, true, "true"]')],
      ['Set Encrypted to true (replaces the resource)', code.replace('!If [C, false, "false"]', 'true')],
    ]);
  });
});
