import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

/** The file operations a replacement uses; tests pass failing ones to prove nothing is lost. */
export type FileOps = Pick<typeof fs, 'realpathSync' | 'readFileSync' | 'statSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'chmodSync' | 'chownSync' | 'renameSync' | 'unlinkSync'>;

export type Replacement = 'written' | 'changed' | 'linked';

/**
 * Replaces a file's content with `content`, atomically: the new text goes to a temporary file in
 * the same folder, with the same mode (and owner, where allowed), flushed to disk, then renamed
 * over the original, so a reader sees the old file or the new one, never half of either. A
 * symbolic link keeps pointing at the file it names, which is the one replaced.
 *
 * Returns 'changed' and touches nothing when the file no longer holds `expected` (someone edited
 * it since it was read), and 'linked' when it has other hard links (a rename would break them).
 * Throws on I/O errors, with the original file untouched and no temporary file left behind.
 */
export function replaceFile(file: string, expected: Buffer, content: string, ops: FileOps = fs): Replacement {
  const target = ops.realpathSync(file);
  const unchanged = () => ops.readFileSync(target).equals(expected);
  if (!unchanged()) return 'changed';
  const stats = ops.statSync(target);
  if (stats.nlink > 1) return 'linked';
  const temporary = join(dirname(target), `.pillar-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const fd = ops.openSync(temporary, 'wx', stats.mode & 0o7777);
    created = true;
    try {
      ops.writeSync(fd, content);
      ops.fsyncSync(fd);
    } finally {
      ops.closeSync(fd);
    }
    // openSync's mode passes through the umask; the original's mode is what the file must keep.
    ops.chmodSync(temporary, stats.mode & 0o7777);
    if (process.getuid?.() === 0 && (stats.uid !== process.getuid() || stats.gid !== process.getgid?.())) ops.chownSync(temporary, stats.uid, stats.gid);
    // The fixes took a while: a last look, so that an edit made meanwhile is not overwritten.
    if (!unchanged()) {
      ops.unlinkSync(temporary);
      return 'changed';
    }
    ops.renameSync(temporary, target);
    return 'written';
  } catch (error) {
    if (created) {
      try {
        ops.unlinkSync(temporary);
      } catch {
        // The rename may have happened, or the folder gone: nothing more to clean.
      }
    }
    throw error;
  }
}
