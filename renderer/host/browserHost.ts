import { IMPORT_EXTENSIONS } from '../../shared/import/extensions';
import type { OpenedFile, RecoveryCopy, SavedFile, StudioHost } from '../../shared/ipc';
import { isRecoveryCopy, slotLockName, sortRecoveryCopies } from '../../shared/recovery';
import { KeyValueStore } from './idb';

interface FileHandle {
  name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: string | Blob): Promise<void>; close(): Promise<void> }>;
}
interface PickerWindow {
  showOpenFilePicker?(options: unknown): Promise<FileHandle[]>;
  showSaveFilePicker?(options: unknown): Promise<FileHandle>;
}

const DIAGRAM_TYPES = [{ description: 'MLSD Studio diagram', accept: { 'application/json': ['.json'] } }];

/** Triggers a download of text or bytes under a file name. */
export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Lets a person pick a file with a plain file input (browsers without the File System Access API). */
function pickWithInput(accept = '.json,.mlsd.json,application/json'): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

const SLOT_KEY = 'recovery:';
/** The one slot all tabs shared before each had its own; a copy left there is offered back like any orphan. */
const OLD_SLOT_KEY = 'recovery';

/** A new slot name for this tab: random, so two tabs never share one. */
function newSlot(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * Holds this tab's Web Lock on its slot until the tab is gone (closed,
 * crashed or killed), which is how other tabs tell a live copy from an
 * orphan. Resolves once the lock is held; at once where the browser has no
 * Web Locks (every copy but this tab's is then taken for an orphan).
 */
function holdSlotLock(locks: LockManager | undefined, slot: string): Promise<void> {
  if (!locks) return Promise.resolve();
  return new Promise((held) => {
    void locks.request(slotLockName(slot), () => {
      held();
      return new Promise<never>(() => {});
    });
  });
}

/** The slots whose tabs are open now: this one, and every one whose lock is held. */
async function openSlots(locks: LockManager | undefined, own: string): Promise<Set<string>> {
  const live = new Set([own]);
  if (!locks) return live;
  const { held = [] } = await locks.query();
  for (const lock of held) {
    const slot = lock.name?.startsWith(slotLockName('')) ? lock.name.slice(slotLockName('').length) : undefined;
    if (slot) live.add(slot);
  }
  return live;
}

/**
 * The host in a plain browser: files through the File System Access API where
 * the browser has it, else a file input and downloads; autosave and recovery
 * in IndexedDB; the title in the tab.
 */
export function createBrowserHost(win: Window & PickerWindow = window): StudioHost {
  const handles = new Map<string, FileHandle>();
  const storage = new KeyValueStore('mlsd-studio');
  const slot = newSlot();
  const locks = (win.navigator as Navigator | undefined)?.locks;
  const lockHeld = holdSlotLock(locks, slot);
  const copies = async (): Promise<RecoveryCopy[]> =>
    (await storage.entries()).flatMap(([key, value]) => {
      if (key === OLD_SLOT_KEY && isRecoveryCopy({ ...(value as object), slot: 'shared' })) return [{ ...(value as RecoveryCopy), slot: 'shared' }];
      return key.startsWith(SLOT_KEY) && isRecoveryCopy(value) && value.slot === key.slice(SLOT_KEY.length) ? [value] : [];
    });
  const keyOf = (s: string) => (s === 'shared' ? OLD_SLOT_KEY : `${SLOT_KEY}${s}`);
  let counter = 0;
  const remember = (handle: FileHandle) => {
    const ref = `handle:${++counter}:${handle.name}`;
    handles.set(ref, handle);
    return ref;
  };
  const downloadText = (name: string, content: string, mimeType = 'application/json'): SavedFile => {
    download(name, new Blob([content], { type: mimeType }));
    return { ref: `download:${name}`, name };
  };

  return {
    async openFile(request) {
      try {
        if (request?.forImport) {
          // Read once into a new document: no handle is kept, so a save never writes over the source.
          const file = await pickWithInput(IMPORT_EXTENSIONS.join(','));
          return file ? { ref: `import:${file.name}`, name: file.name, content: await file.text() } : null;
        }
        if (win.showOpenFilePicker) {
          const [handle] = await win.showOpenFilePicker({ types: DIAGRAM_TYPES, multiple: false });
          if (!handle) return null;
          const file = await handle.getFile();
          return { ref: remember(handle), name: file.name, content: await file.text() } satisfies OpenedFile;
        }
        const file = await pickWithInput();
        return file ? { ref: `upload:${file.name}`, name: file.name, content: await file.text() } : null;
      } catch (error) {
        if (isAbort(error)) return null;
        return { error: `cannot open the file: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    async openRecent({ ref }) {
      return { error: `${ref} is not available in the browser; use Open` };
    },
    async save({ ref, content }) {
      const handle = handles.get(ref);
      const name = ref.replace(/^(handle:\d+:|upload:|download:)/, '');
      if (!handle) return downloadText(name, content);
      try {
        const writable = await handle.createWritable();
        await writable.write(content);
        await writable.close();
        return { ref, name: handle.name };
      } catch (error) {
        return { error: `cannot save ${handle.name}: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    async saveAs({ suggestedName, content }) {
      if (!win.showSaveFilePicker) return downloadText(suggestedName, content);
      try {
        const handle = await win.showSaveFilePicker({ suggestedName, types: DIAGRAM_TYPES });
        const writable = await handle.createWritable();
        await writable.write(content);
        await writable.close();
        return { ref: remember(handle), name: handle.name };
      } catch (error) {
        if (isAbort(error)) return null;
        return { error: `cannot save: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    async exportFile({ suggestedName, mimeType, text, base64 }) {
      if (text !== undefined) return downloadText(suggestedName, text, mimeType);
      const bytes = Uint8Array.from(atob(base64 ?? ''), (c) => c.charCodeAt(0));
      download(suggestedName, new Blob([bytes], { type: mimeType }));
      return { ref: `download:${suggestedName}`, name: suggestedName };
    },
    async recentFiles() {
      return [];
    },
    async writeRecovery(entry) {
      await lockHeld;
      try {
        await storage.set(keyOf(slot), { ...entry, slot } satisfies RecoveryCopy);
      } catch (error) {
        return { error: `cannot keep a recovery copy: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    async listRecovery() {
      const { offer, expired } = sortRecoveryCopies(await copies(), await openSlots(locks, slot), Date.now());
      for (const old of expired) await storage.delete(keyOf(old));
      return offer;
    },
    async clearRecovery() {
      await storage.delete(keyOf(slot));
    },
    async discardRecovery({ slot: other }) {
      if (!(await openSlots(locks, slot)).has(other)) await storage.delete(keyOf(other));
    },
    async setTitle({ title, dirty }) {
      win.document.title = `${dirty ? '• ' : ''}${title} — MLSD Studio`;
    },
    async confirmDiscard({ name }) {
      return win.confirm(`"${name}" has unsaved changes. Discard them?`) ? 'discard' : 'cancel';
    },
    async openExternal({ url }) {
      win.open(url, '_blank', 'noopener,noreferrer');
    },
    async closeWindow() {
      win.close();
    },
    async hostInterview() {
      return { error: 'Hosting a mock interview needs the desktop app (or run `mlsd serve` and open a room there); the browser can join a room from its link.' };
    },
    async hostedInterview() {
      return null;
    },
    async stopHosting() {},
  };
}
