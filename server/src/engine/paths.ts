import type { Span } from './api';
import type { MapNode, Node, Pair } from './tree';

/**
 * The property path of the innermost tree node whose span contains `span`, such as
 * `Resources.Bucket.Properties.BucketEncryption` or `Statement[2].Action[0]`. A key at fault
 * names its pair's path; intrinsics appear by their long name (`Fn::If[1]`), so short and long
 * forms give the same path. Paths depend on keys and list positions only, never on lines, so
 * they survive inserted lines, edited comments and reordered siblings.
 */
export function pathAt(root: Node | null | undefined, span: Span): string {
  let path = '';
  let node = root ?? undefined;
  while (node) {
    if (node.kind === 'map') {
      const pair = pairAt(node, span);
      if (!pair) break;
      path += keySegment(pair.key.value, path === '');
      node = contains(pair.key.span, span) ? undefined : pair.value;
    } else if (node.kind === 'seq') {
      const index = node.items.findIndex((item) => contains(item.span, span));
      if (index < 0) break;
      path += `[${index}]`;
      node = node.items[index];
    } else if (node.kind === 'intrinsic' && contains(node.argument.span, span)) {
      path += keySegment(node.name, path === '');
      node = node.argument;
    } else break;
  }
  return path;
}

/** The pair whose key or value holds the span; keys are in source order, so a binary search finds the candidate. */
function pairAt(map: MapNode, span: Span): Pair | undefined {
  const pairs = map.pairs;
  let low = 0;
  let high = pairs.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pairs[mid].key.span.start <= span.start) low = mid;
    else high = mid - 1;
  }
  const pair = pairs[low];
  return pair && (contains(pair.key.span, span) || contains(pair.value.span, span)) ? pair : undefined;
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** `.Key`, or `["a.b"]` for a key that a dot or bracket would make ambiguous. */
function keySegment(key: string | number | boolean | null, first: boolean): string {
  const name = String(key);
  if (/^[^.[\]"\s]+$/.test(name)) return first ? name : `.${name}`;
  return `[${JSON.stringify(name)}]`;
}
