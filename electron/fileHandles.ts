import { randomUUID } from 'node:crypto';

/** Diagram files, the only ones the recent list and the OS may hand the page. */
export const DIAGRAM_SUFFIX = '.mlsd.json';

/** A file as the app last read or wrote it, to tell when something else changed it since. */
export interface DiskVersion {
  sizeBytes: number;
  mtimeMs: number;
  /** SHA-256 of the bytes, hex: catches a change that kept the size and the time. */
  sha256: string;
}

/** What a handle lets the page do with its file. */
interface Grant {
  path: string;
  /** The file as the app last read or wrote it through this handle, when it did. */
  seen?: DiskVersion;
  /** Whether `save` may write there: the file was opened or saved through the app. */
  writable: boolean;
}

/**
 * The files the page may name, as opaque handles the main process issued for
 * paths the user chose (open and save dialogs, the recent list, files the OS
 * gave the app). The page only ever sees a random id; the path stays here.
 */
export class FileHandles {
  private readonly grants = new Map<string, Grant>();

  /** A handle for a path the user chose; `writable` once the file was opened or saved through the app. */
  issue(path: string, writable: boolean): string {
    for (const [ref, grant] of this.grants) {
      if (grant.path === path) {
        grant.writable ||= writable;
        return ref;
      }
    }
    const ref = `file:${randomUUID()}`;
    this.grants.set(ref, { path, writable });
    return ref;
  }

  /** The path behind a handle, or undefined when the main process never issued it. */
  pathOf(ref: string): string | undefined {
    return this.grants.get(ref)?.path;
  }

  /** Records the file as just read or written through a handle. */
  saw(ref: string, version: DiskVersion | null): void {
    const grant = this.grants.get(ref);
    if (grant) grant.seen = version ?? undefined;
  }

  /** The file as last read or written through a handle, or undefined when never. */
  seenThrough(ref: string): DiskVersion | undefined {
    return this.grants.get(ref)?.seen;
  }

  /** The path `save` may write for a handle, or undefined when the handle grants no writing. */
  writablePathOf(ref: string): string | undefined {
    const grant = this.grants.get(ref);
    return grant?.writable ? grant.path : undefined;
  }
}
