import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ioError } from './errors';

/** What the CLI touches of its process, so that the entry point stays the only place that knows `process`. */
export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
}

/** Writes a command's output to stdout, or to the file given with --output. */
export function emit(text: string, output: string | undefined, io: Io): void {
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    writeFileSync(resolve(io.cwd, output), text);
  } catch (error) {
    throw ioError('write', output, error);
  }
}
