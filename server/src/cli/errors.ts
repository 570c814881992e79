/** A problem with the command line, a path, a file or the configuration: exit code 2, one line on stderr. */
export class CliError extends Error {}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder',
  ENOTDIR: 'a parent is not a folder',
  ELOOP: 'too many symbolic links',
};

/** Turns a Node.js I/O error into a short CliError: users need the path and the reason, not errno. */
export function ioError(action: string, path: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
  return new CliError(`cannot ${action} ${path}: ${reason}`);
}
