/**
 * Documents shaped to cost an analyzer more than their size suggests, from issue 11: many aliases
 * of one anchor, one very wide collection, very deep nesting, a billion-laughs alias bomb. The
 * robustness tests and `npm run bench` both use them.
 */

const TOPIC = 'Resources:\n  T:\n    Type: AWS::CloudFormation::WaitConditionHandle\n';

/** `A: &a x` and a flow list of `count` aliases of it: 4 characters per alias. */
export function aliasList(count: number): string {
  return `${TOPIC}A: &a x\nL: [${Array<string>(count).fill('*a').join(', ')}]\n`;
}

/** One block sequence of `count` short scalars beside a topic. */
export function wideList(count: number): string {
  return `${TOPIC}Wide:\n${Array.from({ length: count }, (_, i) => `  - item${i}`).join('\n')}\n`;
}

/** One flow map of `count` keys beside a topic. */
export function wideMap(count: number): string {
  return `${TOPIC}Wide: {${Array.from({ length: count }, (_, i) => `k${i}: v`).join(', ')}}\n`;
}

/** `depth` nested flow sequences beside a topic: `Deep: [[[…]]]`. */
export function deepList(depth: number): string {
  return `${TOPIC}Deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** Each anchor a list of ten aliases of the one before: `levels` levels expand to 10^levels scalars. */
export function aliasBomb(levels: number): string {
  const anchors = Array.from({ length: levels }, (_, i) => `  a${i + 1}: &a${i + 1} [${Array<string>(10).fill(`*a${i}`).join(', ')}]`);
  return [`${TOPIC}Mappings:`, '  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...anchors, `Laughs: *a${levels}`, ''].join('\n');
}

/** Thousands of buckets, each with a handful of findings and fixes: seconds of analysis for a few hundred KB. */
export function manyBuckets(kilobytes: number): string {
  let text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
  for (let i = 0; text.length < kilobytes * 1024; i++) text += `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: bucket-${i}\n`;
  return text;
}
