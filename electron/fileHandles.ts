import { randomUUID } from 'node:crypto';

/** Diagram files, the only ones the recent list and the OS may hand the page. */
export const DIAGRAM_SUFFIX = '.mlsd.json';

/** What a handle lets the page do with its file. */
interface Grant {
  path: string;
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

  /** The path `save` may write for a handle, or undefined when the handle grants no writing. */
  writablePathOf(ref: string): string | undefined {
    const grant = this.grants.get(ref);
    return grant?.writable ? grant.path : undefined;
  }
}
