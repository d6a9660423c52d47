import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { RecentFiles, RecoveryStore } from '../../electron/files';
import { createHost, handleRequest, type HostDeps } from '../../electron/hostHandlers';
import { accelerator, menuTemplate } from '../../electron/menu';
import { isAppUrl, isExternalLink, restorableBounds, windowOptions } from '../../electron/windowOptions';

function setup(overrides: Partial<HostDeps> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-host-'));
  const deps: HostDeps = {
    showOpenDialog: vi.fn(async () => null),
    showSaveDialog: vi.fn(async () => null),
    askUnsaved: vi.fn(async () => 2),
    openExternal: vi.fn(async () => {}),
    setTitle: vi.fn(),
    closeWindow: vi.fn(),
    recovery: new RecoveryStore(join(dir, 'recovery')),
    slot: 'this-window',
    liveSlots: () => new Set(['this-window', 'other-open-window']),
    recent: new RecentFiles(dir),
    recentChanged: vi.fn(),
    ...overrides,
  };
  return { dir, deps, host: createHost(deps) };
}

describe('the main-process host', () => {
  it('opens the file chosen in the dialog and remembers it as recent', async () => {
    const { dir, deps } = setup();
    const path = join(dir, 'd.mlsd.json');
    writeFileSync(path, '{}');
    const host = createHost({ ...deps, showOpenDialog: async () => path });
    expect(await host.openFile()).toEqual({ ref: path, name: 'd.mlsd.json', content: '{}' });
    expect(await host.recentFiles()).toEqual([{ ref: path, name: 'd.mlsd.json' }]);
    expect(deps.recentChanged).toHaveBeenCalled();
  });

  it('returns null when a dialog is cancelled, and saves through Save As', async () => {
    const { dir, deps, host } = setup();
    expect(await host.openFile()).toBeNull();
    expect(await host.saveAs({ suggestedName: 'x.mlsd.json', content: '{}' })).toBeNull();
    const path = join(dir, 'chosen.mlsd.json');
    const saving = createHost({ ...deps, showSaveDialog: async () => path });
    expect(await saving.saveAs({ suggestedName: 'x.mlsd.json', content: '{"a":1}' })).toEqual({ ref: path, name: 'chosen.mlsd.json' });
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}');
  });

  it('maps the unsaved-changes dialog to save, discard or cancel', async () => {
    for (const [button, choice] of [[0, 'save'], [1, 'discard'], [2, 'cancel']] as const) {
      const { host } = setup({ askUnsaved: async () => button });
      expect(await host.confirmDiscard({ name: 'a' })).toBe(choice);
    }
  });

  it('writes binary exports from base64', async () => {
    const { dir, deps } = setup();
    const path = join(dir, 'd.png');
    const host = createHost({ ...deps, showSaveDialog: async () => path });
    await host.exportFile({ suggestedName: 'd.png', mimeType: 'image/png', base64: Buffer.from([1, 2, 3]).toString('base64') });
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
  });
});

describe('recovery per window', () => {
  it('autosaves into its own slot, offers only closed windows\' copies and never discards an open one', async () => {
    const { deps, host } = setup();
    const entry = (name: string) => ({ name, ref: null, content: '{}', savedAtMs: Date.now() });
    deps.recovery.write('other-open-window', entry('open.mlsd.json'));
    deps.recovery.write('closed-window', entry('closed.mlsd.json'));
    await host.writeRecovery(entry('mine.mlsd.json'));
    expect((await host.listRecovery()).map((c) => c.name)).toEqual(['closed.mlsd.json']);
    await host.discardRecovery({ slot: 'other-open-window' });
    await host.clearRecovery();
    expect(deps.recovery.orphans(new Set()).map((c) => c.name)).toEqual(['closed.mlsd.json', 'open.mlsd.json']);
    await host.discardRecovery({ slot: 'closed-window' });
    expect(deps.recovery.orphans(new Set()).map((c) => c.name)).toEqual(['open.mlsd.json']);
    expect(await handleRequest(host, 'discardRecovery', { slot: '../../etc' })).toMatchObject({ error: expect.stringContaining('invalid discardRecovery request') });
  });

  it('reports a save the disk refused, leaving the file as it was', async () => {
    const { dir, deps } = setup();
    const path = join(dir, 'd.mlsd.json');
    writeFileSync(path, 'before');
    const host = createHost(deps);
    expect(await host.save({ ref: join(dir, 'no-such-folder', 'd.mlsd.json'), content: 'x' })).toEqual({ error: 'cannot save d.mlsd.json: no such file' });
    expect(await host.save({ ref: path, content: 'after' })).toEqual({ ref: path, name: 'd.mlsd.json' });
    expect(readFileSync(path, 'utf8')).toBe('after');
  });
});

describe('IPC validation', () => {
  it('refuses unknown methods and malformed arguments before anything runs', async () => {
    const { host, deps } = setup();
    expect(await handleRequest(host, 'deleteEverything', undefined)).toEqual({ error: 'unknown request "deleteEverything"' });
    expect(await handleRequest(host, 'save', { ref: '/tmp/x', content: 5 })).toEqual({ error: 'invalid save request: content: must be text, not number 5' });
    expect(await handleRequest(host, 'save', { ref: '/tmp/x', content: '', extra: true })).toEqual({ error: 'invalid save request: extra: unknown field' });
    expect(await handleRequest(host, 'openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ error: expect.stringContaining('invalid openExternal request: url') });
    expect(deps.openExternal).not.toHaveBeenCalled();
    expect(await handleRequest(host, 'setTitle', { title: 'a', dirty: true })).toBeUndefined();
    expect(deps.setTitle).toHaveBeenCalledWith('a', true);
  });
});

describe('the window and menus', () => {
  it('creates an isolated, sandboxed window without Node in the page', () => {
    const options = windowOptions('/app/preload.cjs');
    expect(options.webPreferences).toMatchObject({ preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(windowOptions('/p', { x: 10, y: 20, width: 1300, height: 800 })).toMatchObject({ x: 10, y: 20, width: 1300, height: 800 });
  });

  it('keeps navigation inside the app and sends only web links outside', () => {
    const app = 'file:///opt/mlsd/renderer/index.html';
    expect(isAppUrl('file:///opt/mlsd/renderer/index.html?blueprint=x', app)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', app)).toBe(false);
    expect(isAppUrl('https://example.com/', app)).toBe(false);
    expect(isExternalLink('https://example.com/')).toBe(true);
    expect(isExternalLink('file:///etc/passwd')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
  });

  it('restores window bounds only when they fit a screen', () => {
    const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(restorableBounds({ x: 100, y: 100, width: 1200, height: 800 }, screens)).toEqual({ x: 100, y: 100, width: 1200, height: 800 });
    expect(restorableBounds({ x: 5000, y: 100, width: 1200, height: 800 }, screens)).toEqual({ width: 1200, height: 800 });
    expect(restorableBounds({ width: 50, height: 50 }, screens)).toBeUndefined();
    expect(restorableBounds('garbage', screens)).toBeUndefined();
  });

  it('builds File, Edit, View and Help from the action list; items send their action id', () => {
    const run = vi.fn();
    const openRecent = vi.fn();
    const template = menuTemplate(run, [{ ref: '/d/a.json', name: 'a.json' }], openRecent, false);
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = template[0]!.submenu as Electron.MenuItemConstructorOptions[];
    expect(file.filter((i) => i.label).map((i) => i.label)).toEqual(['New', 'New from Blueprint…', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Export…', 'Practice an Interview…', 'Exit']);
    const edit = template[1]!.submenu as Electron.MenuItemConstructorOptions[];
    expect(edit.filter((i) => i.label).map((i) => i.label)).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Copy as PNG', 'Copy as SVG', 'Duplicate', 'Delete', 'Select All', 'Group Selection', 'Ungroup', 'Add Sticky Note', 'Add Text']);
    const undo = edit.find((i) => i.label === 'Undo')!;
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    (undo.click as () => void)();
    expect(run).toHaveBeenCalledWith('edit.undo');
    const recent = (file.find((i) => i.label === 'Open Recent')!.submenu as Electron.MenuItemConstructorOptions[])[0]!;
    (recent.click as () => void)();
    expect(openRecent).toHaveBeenCalledWith('/d/a.json');
    expect(accelerator('Mod+Shift+Z')).toBe('CmdOrCtrl+Shift+Z');
  });
});
