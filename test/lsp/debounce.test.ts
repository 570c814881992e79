import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdaptiveDebounce } from '../../server/src/lsp/debounce';

describe('adaptive change debounce', () => {
  it('waits the longest until an analysis of the document has been measured', () => {
    assert.equal(new AdaptiveDebounce().delayFor('file:///a.yaml'), 1000);
  });

  it('waits a multiple of the last analysis time, within its bounds', () => {
    const debounce = new AdaptiveDebounce({ factor: 4, minMs: 50, maxMs: 1000 });
    debounce.record('file:///small.yaml', 3);
    debounce.record('file:///medium.yaml', 40);
    debounce.record('file:///large.yaml', 900);
    assert.equal(debounce.delayFor('file:///small.yaml'), 50, 'a quick template: diagnostics soon after the last key');
    assert.equal(debounce.delayFor('file:///medium.yaml'), 160);
    assert.equal(debounce.delayFor('file:///large.yaml'), 1000, 'a slow one: not analyzed on every key');
  });

  it('follows the latest measurement, per document, and forgets closed documents', () => {
    const debounce = new AdaptiveDebounce();
    debounce.record('file:///a.yaml', 200);
    debounce.record('file:///a.yaml', 20);
    debounce.record('file:///b.yaml', 100);
    assert.equal(debounce.delayFor('file:///a.yaml'), 80);
    assert.equal(debounce.delayFor('file:///b.yaml'), 400);
    debounce.forget('file:///a.yaml');
    assert.equal(debounce.delayFor('file:///a.yaml'), 1000);
  });
});
