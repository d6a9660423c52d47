import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { RecentFiles, RecoveryStore } from '../../electron/files';
import { FileHandles } from '../../electron/fileHandles';
import { createHost, handleRequest, type HostDeps } from '../../electron/hostHandlers';
import { accelerator, menuTemplate } from '../../electron/menu';
import { setup } from './hostSetup';
import { isAppUrl, isExternalLink, restorableBounds, windowOptions } from '../../electron/windowOptions';


describe('the main-process host', () => {
  it('opens the file chosen in the dialog and remembers it as recent', async () => {
    const { dir, deps } = setup();
    const path = join(dir, 'd.mlsd.json');
    writeFileSync(path, '{}');
    const host = createHost({ ...deps, showOpenDialog: async () => path });
    const opened = await host.openFile();
    expect(opened).toEqual({ ref: expect.stringMatching(/^file:[0-9a-f-]{36}$/), name: 'd.mlsd.json', content: '{}' });
    expect(JSON.stringify(opened)).not.toContain(dir);
    expect(await host.recentFiles()).toEqual([{ ref: (opened as { ref: string }).ref, name: 'd.mlsd.json' }]);
    expect(deps.recentChanged).toHaveBeenCalled();
  });

  it('reads a file to import once, offering the import formats, with no handle to save over it', async () => {
    const { dir, deps } = setup();
    const path = join(dir, 'sketch.drawio');
    writeFileSync(path, '<mxfile/>');
    const showOpenDialog = vi.fn(async () => path);
    const host = createHost({ ...deps, showOpenDialog });
    const opened = (await host.openFile({ forImport: true })) as { ref: string; name: string; content: string };
    expect(opened).toEqual({ ref: 'import:sketch.drawio', name: 'sketch.drawio', content: '<mxfile/>' });
    expect(showOpenDialog).toHaveBeenCalledWith({ filters: [{ name: 'Mermaid, draw.io or Excalidraw file', extensions: ['mmd', 'mermaid', 'drawio', 'xml', 'svg', 'excalidraw', 'json'] }] });
    expect(await host.save({ ref: opened.ref, content: '{}' })).toMatchObject({ error: expect.any(String) });
    expect(readFileSync(path, 'utf8')).toBe('<mxfile/>');
    expect(await host.recentFiles()).toEqual([]);
    expect(await handleRequest(host, 'openFile', { forImport: 'yes' })).toMatchObject({ error: expect.any(String) });
  });

  it('returns null when a dialog is cancelled, and saves through Save As', async () => {
    const { dir, deps, host } = setup();
    expect(await host.openFile()).toBeNull();
    expect(await host.saveAs({ suggestedName: 'x.mlsd.json', content: '{}' })).toBeNull();
    const path = join(dir, 'chosen.mlsd.json');
    const saving = createHost({ ...deps, showSaveDialog: async () => path });
    const saved = await saving.saveAs({ suggestedName: 'x.mlsd.json', content: '{"a":1}' });
    expect(saved).toEqual({ ref: expect.stringMatching(/^file:/), name: 'chosen.mlsd.json' });
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}');
    expect(await saving.save({ ref: (saved as { ref: string }).ref, content: '{"a":2}' })).toEqual(saved);
    expect(readFileSync(path, 'utf8')).toBe('{"a":2}');
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
    const gone = join(dir, 'no-such-folder', 'd.mlsd.json');
    const host = createHost(deps);
    expect(await host.save({ ref: deps.handles.issue(gone, true), content: 'x' })).toEqual({ error: 'cannot save d.mlsd.json: no such file' });
    const ref = deps.handles.issue(path, true);
    expect(await host.save({ ref, content: 'after' })).toEqual({ ref, name: 'd.mlsd.json' });
    expect(readFileSync(path, 'utf8')).toBe('after');
  });

  it('keeps the file of a recovered copy, so it saves back where it was after a restart', async () => {
    const { dir, deps, host } = setup();
    const path = join(dir, 'd.mlsd.json');
    writeFileSync(path, 'before');
    const ref = deps.handles.issue(path, true);
    await host.writeRecovery({ name: 'd.mlsd.json', ref, content: 'unsaved', savedAtMs: Date.now() });
    await host.writeRecovery({ name: 'd.mlsd.json', ref, content: 'unsaved', savedAtMs: Date.now() });
    const restarted = createHost({ ...deps, handles: new FileHandles(), slot: 'next-window', liveSlots: () => new Set(['next-window']) });
    const [copy] = await restarted.listRecovery();
    expect(copy).toMatchObject({ name: 'd.mlsd.json', content: 'unsaved', ref: expect.stringMatching(/^file:/) });
    expect(copy!.ref).not.toBe(ref);
    await restarted.save({ ref: copy!.ref!, content: 'recovered' });
    expect(readFileSync(path, 'utf8')).toBe('recovered');
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

describe('files as handles: the page never names a path', () => {
  it('refuses, with a clear error and a log line, every path or unknown handle a page sends', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { dir, deps, host } = setup();
    const key = join(dir, 'id_rsa');
    writeFileSync(key, 'PRIVATE KEY');
    for (const ref of ['/etc/passwd', '~/.bashrc', key, 'file:00000000-0000-0000-0000-000000000000']) {
      expect(await handleRequest(host, 'save', { ref, content: 'owned' })).toEqual({ error: 'cannot save here: this file was not opened or saved in MLSD Studio; use Save As' });
      expect(await handleRequest(host, 'openRecent', { ref })).toEqual({ error: 'cannot open this file: it is not on the recent list; use Open' });
      await handleRequest(host, 'writeRecovery', { name: 'x', ref, content: '{}', savedAtMs: Date.now() });
      expect(deps.recovery.orphans(new Set())[0]!.ref).toBeNull();
    }
    expect(readFileSync(key, 'utf8')).toBe('PRIVATE KEY');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('refused save for "/etc/passwd"'));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('refused openRecent for "~/.bashrc"'));
    warn.mockRestore();
  });

  it('opens from the recent list only diagram files, and saves only to files opened or saved here', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { dir, deps, host } = setup();
    const diagram = join(dir, 'd.mlsd.json');
    const key = join(dir, 'id_rsa');
    writeFileSync(diagram, '{"v":1}');
    writeFileSync(key, 'PRIVATE KEY');
    deps.recent.add(key);
    deps.recent.add(diagram);
    const listed = await host.recentFiles();
    expect(listed).toEqual([{ ref: expect.stringMatching(/^file:/), name: 'd.mlsd.json' }]);
    // A recent entry is offered for opening, not for writing, until it is opened.
    expect(await host.save({ ref: listed[0]!.ref, content: 'x' })).toMatchObject({ error: expect.stringContaining('use Save As') });
    expect(readFileSync(diagram, 'utf8')).toBe('{"v":1}');
    // A file the OS gave the app that is no diagram is refused by name.
    const offered = deps.handles.issue(key, false);
    expect(await host.openRecent({ ref: offered })).toEqual({ error: 'cannot open id_rsa: only diagrams (.mlsd.json) open from the recent list; use Open' });
    const opened = await host.openRecent({ ref: listed[0]!.ref });
    expect(opened).toEqual({ ref: listed[0]!.ref, name: 'd.mlsd.json', content: '{"v":1}' });
    expect(await host.save({ ref: listed[0]!.ref, content: '{"v":2}' })).toEqual({ ref: listed[0]!.ref, name: 'd.mlsd.json' });
    expect(readFileSync(diagram, 'utf8')).toBe('{"v":2}');
    // An export's handle never lets a save overwrite the exported file.
    const png = join(dir, 'd.png');
    const exporting = createHost({ ...deps, showSaveDialog: async () => png });
    const exported = await exporting.exportFile({ suggestedName: 'd.png', mimeType: 'image/png', base64: 'AQID' });
    expect(await exporting.save({ ref: (exported as { ref: string }).ref, content: 'x' })).toMatchObject({ error: expect.stringContaining('use Save As') });
    expect([...readFileSync(png)]).toEqual([1, 2, 3]);
    warn.mockRestore();
  });
});

describe('a file changed on disk since it was opened', () => {
  async function opened(content: string) {
    const { dir, deps } = setup();
    const path = join(dir, 'd.mlsd.json');
    writeFileSync(path, content);
    const host = createHost({ ...deps, showOpenDialog: async () => path });
    const file = (await host.openFile()) as { ref: string };
    return { path, host, ref: file.ref };
  }

  it('refuses the save and keeps the other change, whether it changed the size, the time or only the bytes', async () => {
    const { path, host, ref } = await opened('{"v":1}');
    const refusal = { error: 'cannot save d.mlsd.json: the file changed on disk since you opened it: save elsewhere or reload' };
    writeFileSync(path, '{"v":"edited elsewhere"}');
    expect(await host.save({ ref, content: 'mine' })).toEqual(refusal);
    expect(readFileSync(path, 'utf8')).toBe('{"v":"edited elsewhere"}');

    const same = await opened('{"v":1}');
    const { mtime } = statSync(same.path);
    writeFileSync(same.path, '{"v":2}');
    utimesSync(same.path, mtime, mtime);
    expect(await same.host.save({ ref: same.ref, content: 'mine' })).toEqual(refusal);
    expect(readFileSync(same.path, 'utf8')).toBe('{"v":2}');

    const touched = await opened('{"v":1}');
    utimesSync(touched.path, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(await touched.host.save({ ref: touched.ref, content: 'mine' })).toEqual(refusal);
  });

  it('saves again and again when only the app wrote the file, and afresh when it was deleted', async () => {
    const { path, host, ref } = await opened('{"v":1}');
    expect(await host.save({ ref, content: '{"v":2}' })).toEqual({ ref, name: 'd.mlsd.json' });
    expect(await host.save({ ref, content: '{"v":3}' })).toEqual({ ref, name: 'd.mlsd.json' });
    expect(readFileSync(path, 'utf8')).toBe('{"v":3}');
    writeFileSync(path, 'elsewhere');
    expect(await host.save({ ref, content: '{"v":4}' })).toMatchObject({ error: expect.stringContaining('changed on disk') });
    rmSync(path);
    rmSync(`${path}.bak`);
    expect(await host.save({ ref, content: '{"v":5}' })).toEqual({ ref, name: 'd.mlsd.json' });
    expect(readFileSync(path, 'utf8')).toBe('{"v":5}');
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
    expect(file.filter((i) => i.label).map((i) => i.label)).toEqual(['New', 'New from Blueprint…', 'Open…', 'Open Recent', 'Import…', 'Save', 'Save As…', 'Export…', 'Practice an Interview…', 'Host a Mock Interview…', 'Exit']);
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
