import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fingerprint, identityOf, numberOccurrences } from '../../server/src/cli/identity';
import type { Finding } from '../../server/src/engine/api';

function finding(ruleId: string, path: string, line: number): Finding {
  return {
    ruleId,
    severity: 'error',
    area: 'data-protection',
    message: `${ruleId} at ${line}`,
    file: 'stacks/app.yaml',
    span: { start: line * 10, end: line * 10 + 5 },
    range: { start: { line, character: 0 }, end: { line, character: 5 } },
    resource: 'Bucket',
    path,
    fixes: [],
  };
}

describe('finding identity', () => {
  it('is the rule, file, resource and path, and nothing about lines or messages', () => {
    assert.equal(identityOf(finding('r', 'Resources.Bucket.Properties', 3), 'stacks/app.yaml'), '["r","stacks/app.yaml","Bucket","Resources.Bucket.Properties"]');
    assert.equal(identityOf(finding('r', 'Resources.Bucket.Properties', 3), 'x'), identityOf(finding('r', 'Resources.Bucket.Properties', 90), 'x'));
    assert.equal(identityOf({ ruleId: 'r', resource: null, path: undefined }, 'x'), '["r","x","",""]');
  });

  it('numbers the findings that share an identity in file order, and each other finding 0', () => {
    const numbered = numberOccurrences([finding('r', 'P', 1), finding('s', 'P', 2), finding('r', 'P', 3), finding('r', 'Q', 4), finding('r', 'P', 5)]);
    assert.deepEqual(numbered.map((f) => f.occurrence), [0, 0, 1, 0, 2]);
  });

  it('fingerprints the identity with its occurrence, the same whatever the line', () => {
    const [first, second] = numberOccurrences([finding('r', 'P', 1), finding('r', 'P', 7)]);
    const [moved] = numberOccurrences([finding('r', 'P', 40)]);
    assert.match(fingerprint(first), /^[0-9a-f]{64}$/);
    assert.notEqual(fingerprint(first), fingerprint(second));
    assert.equal(fingerprint(first), fingerprint(moved));
  });
});
