import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CliIO } from '../shared/cli/io';
import { reasonOf } from '../shared/fileErrors';
import { elk, rasterize } from './nodeServices';

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
      if (statSync(path).isDirectory()) return { ok: false, message: 'it is a folder' };
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
