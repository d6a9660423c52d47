import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CliIO } from '../shared/cli/io';
import { elk, rasterize } from './nodeServices';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a parent is not a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
};

/** A short reason for a file-system error, without a stack trace. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Writes a file so that a crash never leaves it half-written: the data goes to
 * a temporary file beside it, is flushed to disk, then renamed over the target.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
}

/** The CLI's host operations on the real file system and standard streams. */
export const nodeIO: CliIO = {
  readFile(path) {
    try {
      if (statSync(path).isDirectory()) return { ok: false, message: 'it is a directory' };
      return { ok: true, bytes: readFileSync(path) };
    } catch (error) {
      return { ok: false, message: reasonOf(error) };
    }
  },
  writeFile(path, data) {
    try {
      writeFileAtomic(path, data);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: reasonOf(error) };
    }
  },
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  rasterize,
  elk,
};
