import packageJson from '../../../package.json';

/** Who produced the output; esbuild inlines package.json, so the bundle needs no file at run time. */
export const TOOL = {
  name: 'Pillar',
  version: packageJson.version,
  // package.json has no homepage yet; SARIF then omits informationUri rather than invent one.
  informationUri: (packageJson as { homepage?: string }).homepage,
} as const;
