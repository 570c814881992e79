/** CloudFormation intrinsic functions: their short-form tags and long-form keys. */

const FUNCTIONS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'If', 'Equals', 'And', 'Or', 'Not', 'ToJsonString', 'Length', 'ForEach',
] as const;

/** `!Ref` → `Ref`, `!Condition` → `Condition`, `!Sub` → `Fn::Sub`. */
const SHORT_TO_LONG = new Map<string, string>([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ...FUNCTIONS.map((name) => [`!${name}`, `Fn::${name}`] as [string, string]),
]);

const LONG_NAMES = new Set(SHORT_TO_LONG.values());

export const INTRINSIC_SHORT_TAGS: readonly string[] = [...SHORT_TO_LONG.keys()];

export function shortTagToName(tag: string): string | undefined {
  return SHORT_TO_LONG.get(tag);
}

/** The intrinsic a single-key map stands for (`{ "Fn::Sub": … }`), if any. */
export function longFormIntrinsicName(key: string): string | undefined {
  return LONG_NAMES.has(key) ? key : undefined;
}
