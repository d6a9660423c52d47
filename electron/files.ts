import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { reasonOf } from '../shared/fileErrors';
import type { OpenedFile, RecoveryEntry, SavedFile } from '../shared/ipc';

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

/** Hooks for tests to interrupt a save between its steps. */
export interface SaveSteps {
  afterTemporaryWritten?: () => void;
}

/**
 * Saves without ever leaving a half-written file: the content goes to a
 * temporary file beside the target and is flushed to disk; the previous
 * version is kept as `<name>.bak`; then the temporary file is renamed over
 * the target, which is atomic on one file system. A failure at any step
 * leaves the previous file as it was.
 */
export function saveAtomically(path: string, content: string, steps: SaveSteps = {}): SavedFile | { error: string } {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.saving`);
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, Buffer.from(content, 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    steps.afterTemporaryWritten?.();
    if (existsSync(path)) copyFileSync(path, `${path}.bak`);
    renameSync(temporary, path);
    return { ref: path, name: basename(path) };
  } catch (error) {
    rmSync(temporary, { force: true });
    return { error: `cannot save ${basename(path)}: ${reasonOf(error)}` };
  }
}

/** Autosaved copies of the open document, in the app's data folder. */
export class RecoveryStore {
  private readonly file: string;

  constructor(folder: string) {
    mkdirSync(folder, { recursive: true });
    this.file = join(folder, 'recovery.json');
  }

  write(entry: RecoveryEntry): void {
    saveAtomically(this.file, JSON.stringify(entry));
  }

  read(): RecoveryEntry | null {
    try {
      const entry = JSON.parse(readFileSync(this.file, 'utf8')) as RecoveryEntry;
      return typeof entry.content === 'string' && typeof entry.name === 'string' ? entry : null;
    } catch {
      return null;
    }
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}

/** The recently opened files, newest first, kept in a small JSON file. */
export class RecentFiles {
  private readonly file: string;

  constructor(folder: string, private readonly limit = 10) {
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

  add(path: string): void {
    const paths = [path, ...this.list().map((r) => r.ref).filter((p) => p !== path)].slice(0, this.limit);
    saveAtomically(this.file, JSON.stringify(paths));
  }
}
