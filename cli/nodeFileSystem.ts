import {
  close, closeSync, fdatasync, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { codeOf } from '../shared/fileErrors';
import { writeFileSafely, type FileFacts, type WriteFileSystem, type WriteOptions, type WriteOutcome } from '../shared/files/safeWrite';

/** Follows symbolic links to the path they end at, also when that file does not exist yet. */
function resolveLinks(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    try {
      return realpathSync(current);
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw error;
    }
    let link: string;
    try {
      if (!lstatSync(current).isSymbolicLink()) return current;
      link = readlinkSync(current);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return current;
      throw error;
    }
    current = resolve(dirname(current), link);
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

/** The real file system, as a safe write uses it. */
export const nodeFileSystem: WriteFileSystem = {
  stat(path): FileFacts | null {
    try {
      const s = statSync(path);
      return { isDirectory: s.isDirectory(), sizeBytes: s.size, mtimeMs: s.mtimeMs, mode: s.mode, uid: s.uid, gid: s.gid };
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return null;
      throw error;
    }
  },
  resolveLinks,
  createExclusive: (path, mode) => openSync(path, 'wx', mode),
  write: (fd, bytes, offset, length) => writeSync(fd, bytes, offset, length),
  setMode: (fd, mode) => fchmodSync(fd, mode),
  setOwner: (fd, uid, gid) => {
    if (process.platform !== 'win32') fchownSync(fd, uid, gid);
  },
  flush: (fd) => fsyncSync(fd),
  flushSoon(path) {
    // The system's own threads flush while this one goes on; the descriptor is closed once they are done.
    let fd: number;
    try {
      fd = openSync(path, 'r+');
    } catch {
      return;
    }
    fdatasync(fd, () => close(fd, () => {}));
  },
  close: (fd) => closeSync(fd),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
  flushFolder(path) {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  processId: process.pid,
};

/** Writes a file on the real disk through the one safe write path (see writeFileSafely). */
export function writeFileOnDisk(path: string, data: string | Uint8Array | Iterable<string>, options: WriteOptions = {}): WriteOutcome {
  return writeFileSafely(nodeFileSystem, path, data, options);
}

/** Whether two paths name the same file on disk, through symbolic and hard links; false when either is missing. */
export function sameFileOnDisk(a: string, b: string): boolean {
  try {
    const first = statSync(a);
    const second = statSync(b);
    return (first.dev === second.dev && first.ino === second.ino) || realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}
