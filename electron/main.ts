import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RecentFiles, RecoveryStore, saveAtomically } from './files';
import { DIAGRAM_SUFFIX, FileHandles } from './fileHandles';
import type { StudioHost } from '../shared/ipc';
import { createHost, handleRequest, type HostDeps } from './hostHandlers';
import { hostingDeps, InterviewHosting } from './liveHosting';
import { menuTemplate } from './menu';
import { CONTENT_SECURITY_POLICY, isAppUrl, isExternalLink, permissionAllowed, restorableBounds, windowOptions } from './windowOptions';

const rendererIndex = join(__dirname, '../renderer/index.html');
const appUrl = pathToFileURL(rendererIndex).toString();
const data = app.getPath('userData');
const recovery = new RecoveryStore(join(data, 'recovery'));
const recent = new RecentFiles(data);
/** The files pages may name, as handles; a page never sends a path. */
const handles = new FileHandles();
const boundsFile = join(data, 'window.json');
/** The mock interview this app hosts on the local network, serving its page from the app's own files. */
const hosting = new InterviewHosting(hostingDeps(join(data, 'live-rooms'), join(__dirname, '../renderer')));
let window: BrowserWindow | null = null;
/** Each open window's host, by its page's id: every window autosaves into a recovery slot of its own. */
const hosts = new Map<number, { host: StudioHost; slot: string }>();
const liveSlots = () => new Set([...hosts.values()].map((h) => h.slot));
let closeAllowed = false;
let dirty = false;
const pendingFiles: string[] = [];

function send(event: string, payload: unknown): void {
  window?.webContents.send(`mlsd:event:${event}`, payload);
}

function buildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate((id) => send('action', { id }), recent.list().filter((r) => r.ref.endsWith(DIAGRAM_SUFFIX)), (path) => offer(path), process.platform === 'darwin')),
  );
}

/** Asks the page to open a file the user chose outside it (the recent list, the OS, the command line), by a handle. */
function offer(path: string): void {
  send('openFile', { ref: handles.issue(path, false) });
}

function filesIn(argv: readonly string[]): string[] {
  return argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-') && a.endsWith('.json'));
}

function openWhenReady(path: string): void {
  if (window && !window.webContents.isLoading()) offer(path);
  else pendingFiles.push(path);
}

function createWindow(): void {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(boundsFile, 'utf8'));
  } catch {
    saved = undefined;
  }
  window = new BrowserWindow(windowOptions(join(__dirname, 'preload.cjs'), restorableBounds(saved, screen.getAllDisplays().map((d) => d.workArea))));
  const contents = window.webContents;
  const contentsId = contents.id;
  const slot = randomUUID();
  hosts.set(contentsId, { slot, host: createHost({ ...hostDeps, slot, liveSlots }) });
  // Only the app's own page; links go to the system browser; no new windows.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) {
      event.preventDefault();
      if (isExternalLink(url)) void shell.openExternal(url);
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('did-finish-load', () => {
    for (const path of pendingFiles.splice(0)) offer(path);
  });
  window.once('ready-to-show', () => window?.show());
  window.on('close', (event) => {
    if (window) saveAtomically(boundsFile, JSON.stringify(window.getBounds()));
    if (dirty && !closeAllowed) {
      event.preventDefault();
      send('closeRequested', {});
    }
  });
  window.on('closed', () => {
    hosts.delete(contentsId);
    void hosting.stop(slot);
    window = null;
  });
  void window.loadFile(rendererIndex);
}

const hostDeps: Omit<HostDeps, 'slot' | 'liveSlots'> = {
  async showOpenDialog({ filters }) {
    const result = await dialog.showOpenDialog(window!, { properties: ['openFile'], filters });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async showSaveDialog({ defaultPath, filters }) {
    const result = await dialog.showSaveDialog(window!, { defaultPath, filters });
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  async askUnsaved(name) {
    const { response } = await dialog.showMessageBox(window!, {
      type: 'warning',
      message: `Save changes to ${name}?`,
      detail: 'Your changes will be lost if you don’t save them.',
      buttons: ['Save', 'Don’t Save', 'Cancel'],
      defaultId: 0,
      cancelId: 2,
    });
    return response;
  },
  openExternal: (url) => shell.openExternal(url),
  setTitle(title, isDirty) {
    dirty = isDirty;
    window?.setTitle(`${title}${isDirty ? ' •' : ''} — MLSD Studio`);
    window?.setDocumentEdited(isDirty);
  },
  closeWindow() {
    closeAllowed = true;
    window?.close();
  },
  recovery,
  recent,
  recentChanged: buildMenu,
  handles,
  hosting,
};

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    for (const path of filesIn(argv)) openWhenReady(path);
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openWhenReady(path);
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
      callback(permissionAllowed(permission, details.requestingUrl, appUrl));
    });
    session.defaultSession.setPermissionCheckHandler((contents, permission) => permissionAllowed(permission, contents?.getURL() ?? '', appUrl));
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
    ipcMain.handle('mlsd:invoke', (event, method: unknown, argument: unknown) => {
      if (!event.senderFrame || !isAppUrl(event.senderFrame.url, appUrl)) return { error: 'request from an unknown page' };
      const host = hosts.get(event.sender.id)?.host;
      if (!host) return { error: 'request from an unknown window' };
      return handleRequest(host, method, argument);
    });
    pendingFiles.push(...filesIn(process.argv));
    buildMenu();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('will-quit', () => void hosting.stopAll());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
