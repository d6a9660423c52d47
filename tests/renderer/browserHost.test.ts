// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createBrowserHost } from '../../renderer/host/browserHost';

describe('the browser host', () => {
  it('gives each tab its own recovery slot: open tabs are not offered, gone ones are, each cleared alone', async () => {
    // Web Locks as Chromium keeps them: a lock is held until its tab is gone.
    const held = new Set<string>();
    const locks = {
      request: (name: string, hold: () => Promise<never>) => {
        held.add(name);
        void hold();
        return new Promise(() => {});
      },
      query: async () => ({ held: [...held].map((name) => ({ name })) }),
    };
    // A window of its own: assigning `navigator` would replace the test window's for every later test.
    const tab = () => createBrowserHost(Object.create(window, { navigator: { value: { locks } }, document: { value: document } }));
    const [a, b] = [tab(), tab()];
    await a.writeRecovery({ name: 'a.mlsd.json', ref: null, content: '{"a":1}', savedAtMs: Date.now() });
    await b.writeRecovery({ name: 'b.mlsd.json', ref: null, content: '{"b":1}', savedAtMs: Date.now() + 1 });
    // Both tabs are open: neither sees the other's copy as lost.
    expect(await a.listRecovery()).toEqual([]);
    expect(await tab().listRecovery()).toEqual([]);
    // Both tabs die without unloading: their locks go, their copies stay.
    held.clear();
    const c = tab();
    const offered = await c.listRecovery();
    expect(offered.map((o) => o.name)).toEqual(['b.mlsd.json', 'a.mlsd.json']);
    // Saving in the new tab clears only its own slot; discarding one copy leaves the other.
    await c.clearRecovery();
    await c.discardRecovery({ slot: offered[0]!.slot });
    expect((await tab().listRecovery()).map((o) => o.name)).toEqual(['a.mlsd.json']);
  });

  it('deletes copies older than 14 days instead of offering them', async () => {
    const old = createBrowserHost();
    await old.writeRecovery({ name: 'old.mlsd.json', ref: null, content: '{}', savedAtMs: Date.now() - 15 * 86_400_000 });
    const fresh = createBrowserHost();
    await fresh.writeRecovery({ name: 'fresh.mlsd.json', ref: null, content: '{}', savedAtMs: Date.now() - 13 * 86_400_000 });
    const offered = await createBrowserHost().listRecovery();
    expect(offered.map((o) => o.name)).toContain('fresh.mlsd.json');
    expect(offered.map((o) => o.name)).not.toContain('old.mlsd.json');
  });

  it('shows the name and an unsaved marker in the tab title', async () => {
    const host = createBrowserHost();
    await host.setTitle({ title: 'feed.mlsd.json', dirty: true });
    expect(document.title).toBe('• feed.mlsd.json — MLSD Studio');
    await host.setTitle({ title: 'feed.mlsd.json', dirty: false });
    expect(document.title).toBe('feed.mlsd.json — MLSD Studio');
  });

  it('saves as a download where there is no file picker', async () => {
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const host = createBrowserHost();
    expect(await host.saveAs({ suggestedName: 'design.mlsd.json', content: '{}' })).toEqual({ ref: 'download:design.mlsd.json', name: 'design.mlsd.json' });
    expect(await host.save({ ref: 'upload:mine.mlsd.json', content: '{}' })).toEqual({ ref: 'download:mine.mlsd.json', name: 'mine.mlsd.json' });
    expect(clicks).toEqual(['design.mlsd.json', 'mine.mlsd.json']);
  });

  it('writes through the File System Access API where the browser has it', async () => {
    const written: string[] = [];
    const handle = { name: 'picked.mlsd.json', getFile: async () => ({ name: 'picked.mlsd.json', text: async () => '{"a":1}' }), createWritable: async () => ({ write: async (d: string) => void written.push(d), close: async () => {} }) };
    const win = Object.assign(Object.create(window), { showOpenFilePicker: async () => [handle], showSaveFilePicker: async () => handle, document });
    const host = createBrowserHost(win);
    const opened = await host.openFile();
    expect(opened).toMatchObject({ name: 'picked.mlsd.json', content: '{"a":1}' });
    expect(await host.save({ ref: (opened as { ref: string }).ref, content: 'new' })).toMatchObject({ name: 'picked.mlsd.json' });
    expect(written).toEqual(['new']);
  });

  it('asks before discarding, with a yes/no the browser can show', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(true).mockReturnValueOnce(false);
    const host = createBrowserHost();
    expect(await host.confirmDiscard({ name: 'a' })).toBe('discard');
    expect(await host.confirmDiscard({ name: 'a' })).toBe('cancel');
    expect(confirm).toHaveBeenCalledWith('"a" has unsaved changes. Discard them?');
  });
});
