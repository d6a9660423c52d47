// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createBrowserHost } from '../../renderer/host/browserHost';

describe('the browser host', () => {
  it('keeps recovery copies in IndexedDB until cleared', async () => {
    const host = createBrowserHost();
    expect(await host.readRecovery()).toBeNull();
    const entry = { name: 'a.mlsd.json', ref: null, content: '{"x":1}', savedAtMs: 5 };
    await host.writeRecovery(entry);
    expect(await createBrowserHost().readRecovery()).toEqual(entry);
    await host.clearRecovery();
    expect(await host.readRecovery()).toBeNull();
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
