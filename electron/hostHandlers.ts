import { HOST_METHODS, type DiscardChoice, type StudioHost } from '../shared/ipc';
import { IMPORT_EXTENSIONS } from '../shared/import/extensions';
import { HOST_ARGUMENTS } from '../shared/ipcArguments';
import { problemsFromIssues } from '../shared/model/zodProblems';
import { formatProblem } from '../shared/model/problems';
import { basename } from 'node:path';
import { changedOnDisk, diskVersion, readDiagramFile, RecentFiles, RecoveryStore, saveAtomically, saveDocument } from './files';
import { DIAGRAM_SUFFIX, FileHandles } from './fileHandles';
import type { InterviewHosting } from './liveHosting';

/** The parts of Electron the host needs, injected so tests can stand in for them. */
export interface HostDeps {
  showOpenDialog(options: { filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  showSaveDialog(options: { defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  /** Asks Save / Don't Save / Cancel; returns the index of the chosen button. */
  askUnsaved(name: string): Promise<number>;
  openExternal(url: string): Promise<void>;
  setTitle(title: string, dirty: boolean): void;
  closeWindow(): void;
  recovery: RecoveryStore;
  /** This window's own recovery slot. */
  slot: string;
  /** The slots of every window still open, whose copies are not offered back. */
  liveSlots(): ReadonlySet<string>;
  recent: RecentFiles;
  /** Called after the recent list changed, to rebuild the Open Recent menu. */
  recentChanged(): void;
  /** The files the page may name, shared by every window. */
  handles: FileHandles;
  /** The mock interview the app hosts on the local network, owned by one window (its slot). */
  hosting: InterviewHosting;
}

/** Refuses a request that names a file the user never chose, and logs it: a page asking for one is misbehaving. */
function refuse(method: string, ref: string, error: string): { error: string } {
  console.warn(`refused ${method} for ${JSON.stringify(ref)}: ${error}`);
  return { error };
}

const DIAGRAM_FILTERS = [{ name: 'MLSD Studio diagram', extensions: ['json'] }];
const IMPORT_FILTERS = [{ name: 'Mermaid, draw.io or Excalidraw file', extensions: IMPORT_EXTENSIONS.map((e) => e.slice(1)) }];

/** The StudioHost as the main process implements it, on the real file system. */
export function createHost(deps: HostDeps): StudioHost {
  const { handles } = deps;
  const remember = (path: string) => {
    if (!path.endsWith(DIAGRAM_SUFFIX)) return;
    deps.recent.add(path);
    deps.recentChanged();
  };
  /** A result from the disk with its path swapped for a handle, so the page never sees a path. */
  const withHandle = <T extends { ref: string }>(result: T | { error: string }, writable: boolean): T | { error: string } =>
    'error' in result ? result : { ...result, ref: handles.issue(result.ref, writable) };
  const opened = (path: string) => {
    const file = withHandle(readDiagramFile(path), true);
    if ('error' in file) return file;
    handles.saw(file.ref, diskVersion(path));
    remember(path);
    return file;
  };
  const savedDocument = (path: string, content: string, seen?: { sizeBytes: number; mtimeMs: number }) => {
    const saved = withHandle(saveDocument(path, content, undefined, seen ? { expected: seen } : {}), true);
    if ('error' in saved) return saved;
    handles.saw(saved.ref, diskVersion(path));
    remember(path);
    return saved;
  };
  return {
    async openFile(request) {
      if (request?.forImport) {
        const path = await deps.showOpenDialog({ filters: IMPORT_FILTERS });
        if (path === null) return null;
        const file = readDiagramFile(path);
        return 'error' in file ? file : { ...file, ref: `import:${file.name}` };
      }
      const path = await deps.showOpenDialog({ filters: DIAGRAM_FILTERS });
      return path === null ? null : opened(path);
    },
    async openRecent({ ref }) {
      const path = handles.pathOf(ref);
      if (path === undefined) return refuse('openRecent', ref, 'cannot open this file: it is not on the recent list; use Open');
      if (!path.endsWith(DIAGRAM_SUFFIX)) return refuse('openRecent', ref, `cannot open ${basename(path)}: only diagrams (${DIAGRAM_SUFFIX}) open from the recent list; use Open`);
      return opened(path);
    },
    async save({ ref, content }) {
      const path = handles.writablePathOf(ref);
      if (path === undefined) return refuse('save', ref, 'cannot save here: this file was not opened or saved in MLSD Studio; use Save As');
      // Another program (or another window) may have changed the file since: saving over it would lose that work.
      const seen = handles.seenThrough(ref);
      const now = seen ? diskVersion(path) : null;
      if (seen && changedOnDisk(seen, now)) {
        return { error: `cannot save ${basename(path)}: the file changed on disk since you opened it: save elsewhere or reload` };
      }
      return savedDocument(path, content, now === null ? undefined : seen);
    },
    async saveAs({ suggestedName, content }) {
      const path = await deps.showSaveDialog({ defaultPath: suggestedName, filters: DIAGRAM_FILTERS });
      return path === null ? null : savedDocument(path, content);
    },
    async exportFile({ suggestedName, text, base64 }) {
      const extension = suggestedName.split('.').pop() ?? '';
      const path = await deps.showSaveDialog({ defaultPath: suggestedName, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] });
      if (path === null) return null;
      return withHandle(saveAtomically(path, text ?? Buffer.from(base64 ?? '', 'base64')), false);
    },
    async recentFiles() {
      return deps.recent.list().filter((r) => r.ref.endsWith(DIAGRAM_SUFFIX)).map((r) => ({ ...r, ref: handles.issue(r.ref, false) }));
    },
    async writeRecovery(entry) {
      // The copy keeps the path (it lives in the app's own data folder), so a handle from before a crash still saves back.
      const path = entry.ref === null ? null : (handles.writablePathOf(entry.ref) ?? null);
      if (entry.ref !== null && path === null) console.warn(`recovery copy kept without its file: ${JSON.stringify(entry.ref)} is no handle of a saved file`);
      return deps.recovery.write(deps.slot, { ...entry, ref: path });
    },
    async listRecovery() {
      return deps.recovery.orphans(deps.liveSlots()).map((copy) => ({ ...copy, ref: copy.ref === null ? null : handles.issue(copy.ref, true) }));
    },
    async clearRecovery() {
      deps.recovery.clear(deps.slot);
    },
    async discardRecovery({ slot }) {
      if (!deps.liveSlots().has(slot)) deps.recovery.clear(slot);
    },
    async setTitle({ title, dirty }) {
      deps.setTitle(title, dirty);
    },
    async confirmDiscard({ name }) {
      const choices: DiscardChoice[] = ['save', 'discard', 'cancel'];
      return choices[await deps.askUnsaved(name)] ?? 'cancel';
    },
    async openExternal({ url }) {
      await deps.openExternal(url);
    },
    async closeWindow() {
      deps.closeWindow();
    },
    hostInterview: () => deps.hosting.host(deps.slot),
    hostedInterview: async () => deps.hosting.current(deps.slot),
    stopHosting: () => deps.hosting.stop(deps.slot),
  };
}

/**
 * Runs one renderer request: the method must be on the allow-list and its
 * argument must match its schema, else the answer is an error and nothing runs.
 */
export async function handleRequest(host: StudioHost, method: unknown, argument: unknown): Promise<unknown> {
  if (typeof method !== 'string' || !(HOST_METHODS as readonly string[]).includes(method)) {
    return { error: `unknown request ${JSON.stringify(method)}` };
  }
  const name = method as (typeof HOST_METHODS)[number];
  const schema = HOST_ARGUMENTS[name];
  const parsed = schema.safeParse(argument);
  if (!parsed.success) {
    return { error: `invalid ${name} request: ${problemsFromIssues(schema, parsed.error.issues, argument).map(formatProblem).join('; ')}` };
  }
  const call = host[name] as (argument: unknown) => Promise<unknown>;
  return call(parsed.data);
}
