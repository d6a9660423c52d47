import { HOST_METHODS, type DiscardChoice, type StudioHost } from '../shared/ipc';
import { HOST_ARGUMENTS } from '../shared/ipcArguments';
import { problemsFromIssues } from '../shared/model/zodProblems';
import { formatProblem } from '../shared/model/problems';
import { readDiagramFile, RecentFiles, RecoveryStore, saveAtomically, saveDocument } from './files';

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
}

const DIAGRAM_FILTERS = [{ name: 'MLSD Studio diagram', extensions: ['json'] }];

/** The StudioHost as the main process implements it, on the real file system. */
export function createHost(deps: HostDeps): StudioHost {
  const opened = (path: string) => {
    const file = readDiagramFile(path);
    if (!('error' in file)) {
      deps.recent.add(path);
      deps.recentChanged();
    }
    return file;
  };
  return {
    async openFile() {
      const path = await deps.showOpenDialog({ filters: DIAGRAM_FILTERS });
      return path === null ? null : opened(path);
    },
    async openRecent({ ref }) {
      return opened(ref);
    },
    async save({ ref, content }) {
      return saveDocument(ref, content);
    },
    async saveAs({ suggestedName, content }) {
      const path = await deps.showSaveDialog({ defaultPath: suggestedName, filters: DIAGRAM_FILTERS });
      if (path === null) return null;
      const saved = saveDocument(path, content);
      if (!('error' in saved)) {
        deps.recent.add(path);
        deps.recentChanged();
      }
      return saved;
    },
    async exportFile({ suggestedName, text, base64 }) {
      const extension = suggestedName.split('.').pop() ?? '';
      const path = await deps.showSaveDialog({ defaultPath: suggestedName, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] });
      if (path === null) return null;
      return saveAtomically(path, text ?? Buffer.from(base64 ?? '', 'base64'));
    },
    async recentFiles() {
      return deps.recent.list();
    },
    async writeRecovery(entry) {
      return deps.recovery.write(deps.slot, entry);
    },
    async listRecovery() {
      return deps.recovery.orphans(deps.liveSlots());
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
