/**
 * Aliases cost what the text costs: each is resolved once, against anchors found in one walk of the
 * document (yaml's own `Alias.resolve` walks the whole document for every alias: aliases × nodes),
 * and what they expand to is bounded. Work is asserted by counting it; the one
 * wall-time bound is a generous backstop.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Alias, parse } from 'yaml';
import { LIMITS, parseText } from '../../server/src/engine/parse';
import type { Node } from '../../server/src/engine/tree';
import { analyze } from '../helpers/analyze';
import { aliasBomb, aliasList } from '../helpers/hostile-documents';

/** The tree as plain data, as yaml's toJS gives it (intrinsics as their long form). */
function plain(node: Node | null): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(plain);
    case 'map':
      return Object.fromEntries(node.pairs.map((pair) => [String(pair.key.value), plain(pair.value)]));
    case 'intrinsic':
      return { [node.name]: plain(node.argument) };
  }
}

describe('aliases', () => {
  let resolveCalls = 0;
  const resolve = Alias.prototype.resolve;
  before(() => {
    Alias.prototype.resolve = function (this: Alias, ...args: Parameters<Alias['resolve']>) {
      resolveCalls++;
      return resolve.apply(this, args);
    };
  });
  after(() => {
    Alias.prototype.resolve = resolve;
  });

  it('resolve to the last anchor of that name before them, as yaml resolves them', () => {
    const texts = [
      'a: &x [1, 2]\nb: *x\n',
      'a: &x 1\nb: *x\nc: &x 2\nd: *x\n',
      'a: &x {k: &y v, l: *y}\nb: *x\nc: [*y, *x]\n',
      'a: [&x 1, &x 2]\nb: *x\n',
      '&k key: value\nother: *k\n',
    ];
    const calls = resolveCalls;
    for (const text of texts) assert.deepEqual(plain(parseText(text).root), parse(text), text);
    assert.ok(resolveCalls > calls, 'yaml itself resolved them (for comparison)');
  });

  it('are each resolved once, with one walk of the document, whatever their number', () => {
    const calls = resolveCalls;
    const small = parseText(aliasList(2_000)).stats!;
    const large = parseText(aliasList(20_000)).stats!;
    assert.equal(resolveCalls, calls, "yaml's Alias.resolve (a walk of the whole document per alias) is never called");
    assert.equal(large.aliases, 20_000);
    // One walk: the document's nodes (20,000 aliases, a few keys and scalars) once each.
    assert.ok(large.anchorScan <= large.nodes + 10, `anchor scan ${large.anchorScan} over ${large.nodes} nodes`);
    // Ten times the aliases, ten times the work (not a hundred).
    for (const figure of ['nodes', 'anchorScan', 'expandedNodes'] as const) {
      assert.ok(large[figure] <= small[figure] * 10.1, `${figure}: ${small[figure]} for 2,000 aliases, ${large[figure]} for 20,000`);
    }
  });

  it('let a 20,000-alias document (80 KB) be analyzed in well under a second', { timeout: 30_000 }, () => {
    const text = aliasList(20_000);
    analyze(aliasList(200)); // warm up
    const start = performance.now();
    const analysis = analyze(text);
    const ms = performance.now() - start;
    assert.deepEqual(analysis.findings.map((f) => f.ruleId), []);
    // A backstop only (a loaded shared machine); it took 48 s when each alias walked the document.
    assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
  });

  it('expand to a bounded tree, and a billion-laughs document is analyzed in time linear in its text', { timeout: 30_000 }, () => {
    for (const levels of [3, 4, 5, 9]) {
      const text = aliasBomb(levels);
      const { stats, problems } = parseText(text);
      assert.ok(stats!.expandedNodes <= LIMITS.maxExpandedNodes, `${levels} levels: ${stats!.expandedNodes} nodes`);
      // Twice 10^4 scalars (the anchor's own and the alias's) fit; twice 10^5 and more do not.
      assert.deepEqual(problems.map((p) => p.code), levels <= 4 ? [] : ['limit'], `${levels} levels`);
      // Each alias once and each anchor's subtree measured once: the work is the text's, not the tree's.
      assert.ok(stats!.aliases <= 10 * levels + 1 && stats!.nodes < 200, `${levels} levels: ${JSON.stringify(stats)}`);
      const findings = analyze(text).findings.map((f) => f.ruleId);
      assert.deepEqual(findings, levels <= 4 ? [] : ['input-limit']);
    }
  });

  it('report an alias before its anchor and an alias inside its own anchor, and read them as null', () => {
    const forward = parseText('a: *b\nb: &b 1\n');
    assert.deepEqual(forward.problems.map((p) => [p.code, p.message]), [['syntax', 'The alias *b refers to no anchor before it.']]);
    const cycle = parseText('a: &a [1, *a]\n');
    assert.deepEqual(cycle.problems.map((p) => [p.code, p.message, cycle.text.slice(p.span.start, p.span.end)]), [['syntax', 'The alias *a refers to a node that contains it.', '*a']]);
    assert.deepEqual(plain(cycle.root), { a: [1, null] });
  });
});
