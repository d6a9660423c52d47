import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { nodeFileSystem } from '../cli/nodeFileSystem';
import { reasonOf } from '../shared/fileErrors';
import { writeFileSafely, type WriteFileSystem, type WriteOptions } from '../shared/files/safeWrite';
import type { DiskVersion } from './fileHandles';
import type { OpenedFile, RecoveryCopy, RecoveryEntry, SavedFile } from '../shared/ipc';
import { isRecoveryCopy, SLOT_PATTERN, sortRecoveryCopies } from '../shared/recovery';

/** Largest diagram file we read, bytes: far above any real design, small enough to never hang. */
export const MAX_FILE_BYTES = 50_000_000;

/** Reads a diagram file as text; the renderer validates it, so a bad file changes nothing. */
export function readDiagramFile(path: string): OpenedFile | { error: string } {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { error: `cannot open ${basename(path)}: it is a folder` };
    if (stats.size > MAX_FILE_BYTES) return { error: `cannot open ${basename(path)}: it is larger than 50 MB` };
    return { ref: path, name: basename(path), content: readFileSync(path, 'utf8') };
  } catch (error) {
    return { error: `cannot open ${basename(path)}: ${reasonOf(error)}` };
  }
}

/** The file as it is on disk now (size, modification time, content hash), or null when it cannot be read. */
export function diskVersion(path: string): DiskVersion | null {
  try {
    const bytes = readFileSync(path);
    const { size, mtimeMs } = statSync(path);
    return { sizeBytes: size, mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch {
    return null;
  }
}

/** Whether a file is no longer as the app last read or wrote it; a file deleted since is saved afresh. */
export function changedOnDisk(seen: DiskVersion, now: DiskVersion | null): boolean {
  return now !== null && (now.sizeBytes !== seen.sizeBytes || now.mtimeMs !== seen.mtimeMs || now.sha256 !== seen.sha256);
}

/**
 * Saves a document or an export through the one safe write path: every byte
 * written and flushed before it replaces the file, the file's mode, owner and
 * symbolic link kept; on failure the file is as it was and the answer says
 * why (`cannot save d.mlsd.json: no space left on device`). `fs` is the real
 * disk unless a test stands in for it.
 */
export function saveAtomically(path: string, content: string | Uint8Array, fs: WriteFileSystem = nodeFileSystem, options: WriteOptions = {}): SavedFile | { error: string } {
  const written = writeFileSafely(fs, path, content, options);
  return written.ok ? { ref: path, name: basename(path) } : { error: `cannot save ${basename(path)}: ${written.reason}` };
}

/**
 * Saves a diagram over its file, keeping the version it replaces as
 * `<name>.bak` beside it (written through the same safe path, so a full disk
 * never leaves a half backup). The backup is a courtesy: when it cannot be
 * written the save still goes ahead, since the save itself is atomic.
 */
export function saveDocument(path: string, content: string, fs: WriteFileSystem = nodeFileSystem, options: WriteOptions = {}): SavedFile | { error: string } {
  let previous: Buffer | null = null;
  try {
    previous = readFileSync(path);
  } catch {
    previous = null;
  }
  if (previous !== null) writeFileSafely(fs, `${path}.bak`, previous);
  return saveAtomically(path, content, fs, options);
}

/**
 * Autosaved copies of open documents, one file per window (its slot) in the
 * app's data folder, so two windows never overwrite each other's copy.
 */
export class RecoveryStore {
  constructor(private readonly folder: string, private readonly fs: WriteFileSystem = nodeFileSystem) {
    mkdirSync(folder, { recursive: true });
  }

  private fileOf(slot: string): string {
    if (!SLOT_PATTERN.test(slot)) throw new Error(`invalid recovery slot ${JSON.stringify(slot)}`);
    return join(this.folder, `recovery-${slot}.json`);
  }

  /** Writes a window's copy; an error says why it could not be kept. */
  write(slot: string, entry: RecoveryEntry): void | { error: string } {
    const written = writeFileSafely(this.fs, this.fileOf(slot), JSON.stringify({ ...entry, slot }));
    if (!written.ok) return { error: `cannot keep a recovery copy: ${written.reason}` };
  }

  /** Every readable copy in the folder; corrupt ones are skipped. */
  private all(): RecoveryCopy[] {
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return [];
    }
    return names.flatMap((name) => {
      const slot = /^recovery-([A-Za-z0-9-]{1,64})\.json$/.exec(name)?.[1];
      if (!slot) return [];
      try {
        const value = JSON.parse(readFileSync(join(this.folder, name), 'utf8')) as unknown;
        return isRecoveryCopy(value) && value.slot === slot ? [value] : [];
      } catch {
        return [];
      }
    });
  }

  /** Copies of windows that are no longer open, newest first; expired ones are deleted. */
  orphans(liveSlots: ReadonlySet<string>, nowMs = Date.now()): RecoveryCopy[] {
    const { offer, expired } = sortRecoveryCopies(this.all(), liveSlots, nowMs);
    for (const slot of expired) this.clear(slot);
    return offer;
  }

  clear(slot: string): void {
    rmSync(this.fileOf(slot), { force: true });
  }
}

/** The recently opened files, newest first, kept in a small JSON file. */
export class RecentFiles {
  private readonly file: string;

  constructor(folder: string, private readonly limit = 10, private readonly fs: WriteFileSystem = nodeFileSystem) {
    mkdirSync(folder, { recursive: true });
    this.file = join(folder, 'recent.json');
  }

  list(): { ref: string; name: string }[] {
    try {
      const paths = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string').map((ref) => ({ ref, name: basename(ref) })) : [];
    } catch {
      return [];
    }
  }

  /** Puts a path first; the list is kept as it was when it cannot be written. */
  add(path: string): void {
    const paths = [path, ...this.list().map((r) => r.ref).filter((p) => p !== path)].slice(0, this.limit);
    writeFileSafely(this.fs, this.file, JSON.stringify(paths));
  }
}
