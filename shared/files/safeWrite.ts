import { codeOf, reasonOf } from '../fileErrors';

/** What a write needs to know about a file already on disk. */
export interface FileFacts {
  isDirectory: boolean;
  sizeBytes: number;
  mtimeMs: number;
  /** Permission bits and file type, as `stat` gives them. */
  mode: number;
  uid: number;
  gid: number;
}

/**
 * The file-system operations a safe write uses, one call each, so tests can
 * stand in for any of them (a short write, a full disk). Every method throws
 * an error with a `code` (`ENOSPC`, `EFBIG`, `EACCES`…) when it fails.
 */
export interface WriteFileSystem {
  /** Facts about a path, following symbolic links; null when nothing is there. */
  stat(path: string): FileFacts | null;
  /** The path a chain of symbolic links ends at (the path itself when it is no link), even if that file does not exist yet. */
  resolveLinks(path: string): string;
  /** Creates a new file that must not exist yet; returns its descriptor. */
  createExclusive(path: string, mode: number): number;
  /** Writes `length` bytes from `offset`; returns how many the system took, which may be fewer. */
  write(fd: number, bytes: Uint8Array, offset: number, length: number): number;
  setMode(fd: number, mode: number): void;
  setOwner(fd: number, uid: number, gid: number): void;
  /** Flushes a file's data to the disk. */
  flush(fd: number): void;
  /**
   * Starts flushing the data written to a file so far, without waiting (where the
   * system can): the disk works while the rest is made, and the final `flush`
   * waits for less. Through a descriptor of its own, so an error it meets is
   * still reported to `flush`.
   */
  flushSoon?(path: string): void;
  close(fd: number): void;
  /** Replaces `to` with `from` in one step. */
  rename(from: string, to: string): void;
  remove(path: string): void;
  /** Flushes a folder's entries to the disk, so a rename in it survives a power cut. */
  flushFolder(path: string): void;
  /** Distinguishes this process's temporary files from another's. */
  processId: number;
}

/** What a caller may require of the file it replaces: its size and modification time as last seen, or `null` for "must not exist". */
export type ExpectedFile = { sizeBytes?: number; mtimeMs?: number } | null;

export interface WriteOptions {
  /** Refuse (code `ECHANGED`) unless the file on disk still matches this; omitted, any file is replaced. */
  expected?: ExpectedFile;
}

/** The result of a write: where the bytes are and what the file is now, or why nothing changed. */
export type WriteOutcome =
  | { ok: true; path: string; sizeBytes: number; mtimeMs: number }
  | { ok: false; code: string; reason: string };

const FOLDER_FLUSH_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EINVAL', 'ENOTSUP', 'EBADF']);
let counter = 0;

class WriteError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** The folder part and the name part of a path, for `/` and `\` alike. */
export function splitPath(path: string): { folder: string; prefix: string; name: string } {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (at < 0) return { folder: '.', prefix: '', name: path };
  return { folder: path.slice(0, at) || path.slice(0, 1), prefix: path.slice(0, at + 1), name: path.slice(at + 1) };
}

/** Why the file on disk no longer matches what the caller expected, or null when it does. */
export function changedSince(expected: ExpectedFile | undefined, current: FileFacts | null): string | null {
  if (expected === undefined) return null;
  if (expected === null) return current === null ? null : 'EEXIST';
  if (current === null) return 'ENOENT';
  const sizeDiffers = expected.sizeBytes !== undefined && expected.sizeBytes !== current.sizeBytes;
  const timeDiffers = expected.mtimeMs !== undefined && expected.mtimeMs !== current.mtimeMs;
  return sizeDiffers || timeDiffers ? 'ECHANGED' : null;
}

/** Writes every byte, calling again after a short write; a write that takes nothing is an error. */
function writeAll(fs: WriteFileSystem, fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    const taken = fs.write(fd, bytes, offset, bytes.length - offset);
    if (!(taken > 0)) throw new WriteError('ESHORT');
    offset += taken;
  }
}

/** An error from making the text being written (not from the disk): passed on to the caller as it was. */
class MakingError extends Error {
  constructor(readonly reason: unknown) {
    super('making the text failed');
  }
}

/** Bytes written between one early flush (see `flushSoon`) and the next. */
export const FLUSH_SOON_BYTES = 16 << 20;

/**
 * Writes text pieces as UTF-8 through one reused buffer, as they are made,
 * starting to flush `path` every `FLUSH_SOON_BYTES`; returns the bytes written.
 */
function writePieces(fs: WriteFileSystem, fd: number, path: string, pieces: Iterable<string>): number {
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(1 << 16);
  let total = 0;
  let flushAt = FLUSH_SOON_BYTES;
  const iterator = pieces[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = iterator.next();
    } catch (error) {
      throw new MakingError(error);
    }
    if (next.done) return total;
    // UTF-8 takes at most 3 bytes for each UTF-16 unit.
    if (buffer.length < next.value.length * 3) buffer = new Uint8Array(next.value.length * 3);
    const { written } = encoder.encodeInto(next.value, buffer);
    writeAll(fs, fd, buffer.subarray(0, written));
    total += written;
    if (total >= flushAt) {
      fs.flushSoon?.(path);
      flushAt = total + FLUSH_SOON_BYTES;
    }
  }
}

/**
 * Replaces a file so that no failure can leave it half-written: the bytes go
 * to a new temporary file beside the target (every byte, looping on short
 * writes), which is flushed, given the target's mode and owner, renamed over
 * the target and the folder flushed. A symbolic link is written through: its
 * target changes and the link stays a link. On any failure before the rename
 * the target is untouched, the temporary file is removed and the outcome
 * says why in words (`no space left on device`, `file too large`). Text
 * may come in pieces (a large export), written as they are made; an error
 * in making them leaves the target untouched too, and is thrown on.
 */
export function writeFileSafely(fs: WriteFileSystem, path: string, data: string | Uint8Array | Iterable<string>, options: WriteOptions = {}): WriteOutcome {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  let size = 0;
  let temporary: string | null = null;
  let fd: number | null = null;
  try {
    const target = fs.resolveLinks(path);
    const existing = fs.stat(target);
    if (existing?.isDirectory) throw new WriteError('EISDIR');
    // Renaming over a file would bypass its own write permission: a file its owner made read-only stays as it is.
    if (existing && (existing.mode & 0o200) === 0) throw new WriteError('EREADONLY');
    const changed = changedSince(options.expected, existing);
    if (changed) throw new WriteError(changed);
    const { folder, prefix, name } = splitPath(target);
    temporary = `${prefix}.${name}.${fs.processId}.${++counter}.tmp`;
    const mode = existing ? existing.mode & 0o7777 : 0o666;
    fd = fs.createExclusive(temporary, mode);
    if (bytes instanceof Uint8Array) {
      writeAll(fs, fd, bytes);
      size = bytes.length;
    } else size = writePieces(fs, fd, temporary, bytes);
    if (existing) {
      // The umask narrowed the mode at creation; the target's own mode is restored exactly.
      fs.setMode(fd, mode);
      try {
        fs.setOwner(fd, existing.uid, existing.gid);
      } catch {
        // Only the superuser may give a file away: a file saved by its owner keeps its owner anyway.
      }
    }
    fs.flush(fd);
    const open = fd;
    fd = null;
    fs.close(open);
    fs.rename(temporary, target);
    temporary = null;
    try {
      fs.flushFolder(folder);
    } catch (error) {
      if (!FOLDER_FLUSH_UNSUPPORTED.has(codeOf(error) ?? '')) throw error;
    }
    const written = fs.stat(target);
    return { ok: true, path: target, sizeBytes: written?.sizeBytes ?? size, mtimeMs: written?.mtimeMs ?? 0 };
  } catch (error) {
    if (fd !== null) {
      try {
        fs.close(fd);
      } catch {
        // Already failing: the first reason is the one to report.
      }
    }
    if (temporary !== null) {
      try {
        fs.remove(temporary);
      } catch {
        // Nothing more can be done; the target itself was never touched.
      }
    }
    if (error instanceof MakingError) throw error.reason;
    return { ok: false, code: codeOf(error) ?? 'EIO', reason: reasonOf(error) };
  }
}
