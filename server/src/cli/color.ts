/**
 * Whether text output gets ANSI colours. --color and --no-color decide; else, for output to the
 * terminal, FORCE_COLOR (0 or false turns colour off, any other value on; Node.js lets it win
 * over NO_COLOR too), then NO_COLOR (https://no-color.org: set and not empty means no colour),
 * then whether stdout is a terminal. A report written to a file gets colour only with --color.
 */
export function wantsColor(flag: boolean | undefined, toFile: boolean, isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY;
}

/** SGR codes the formatters use. */
export const STYLE = { bold: 1, dim: 2, underline: 4, red: 31, green: 32, yellow: 33, cyan: 36 } as const;

export type Paint = (style: keyof typeof STYLE, text: string) => string;

export function painter(color: boolean): Paint {
  return (style, text) => (color && text !== '' ? `\u001b[${STYLE[style]}m${text}\u001b[0m` : text);
}
