// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { isImportFile } from '../../renderer/app/importing';
import { isDirty } from '../../renderer/state/store';
import { renderApp } from './harness';

afterEach(cleanup);

/** Drops a file on the window, as a person dragging it from their file manager. */
async function drop(name: string, content: string): Promise<void> {
  const event = new Event('drop', { bubbles: true, cancelable: true });
  // What the drop reads of a File (jsdom's File cannot give its text).
  const file = { name, size: content.length, text: async () => content };
  Object.defineProperty(event, 'dataTransfer', { value: { files: [file], types: ['Files'] } });
  await act(async () => {
    window.dispatchEvent(event);
  });
}

describe('importing a file dropped on the window', () => {
  it('opens a hand-drawn Excalidraw scene as a new unsaved document and shows what was guessed', async () => {
    const { store } = await renderApp(blueprint('news-feed')!);
    await drop('recsys-sketch.excalidraw', readFileSync(resolve(import.meta.dirname, '../fixtures/import/recsys-sketch.excalidraw'), 'utf8'));
    const dialog = await screen.findByRole('dialog', { name: 'Imported recsys-sketch.excalidraw' });
    expect(dialog.textContent).toContain('7 nodes and 7 edges from an Excalidraw scene.');
    expect(within(dialog).getByText('"Thingamajig" is a Service (nothing in its label or shape names a kind), with the palette\'s default figures')).toBeTruthy();
    const state = store.getState();
    expect(state.file).toEqual({ name: 'recsys-sketch.mlsd.json', ref: null });
    expect(state.doc.title).toBe('recsys-sketch');
    expect(isDirty(state)).toBe(true);
    expect(state.doc.nodes.map((n) => n.kind)).toEqual(['traffic', 'gateway', 'featureStore', 'model', 'queue', 'streamProcessor', 'service']);
    within(dialog).getByRole('button', { name: 'OK' }).click();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says where and what when a dropped file cannot be imported, and keeps the open document', async () => {
    const doc = blueprint('news-feed')!;
    const { store } = await renderApp(doc);
    await drop('broken.drawio', '<mxfile><diagram name="Main">not*base64</diagram></mxfile>');
    const dialog = await screen.findByRole('dialog', { name: 'broken.drawio could not be opened' });
    expect(dialog.textContent).toContain('page 1 "Main": the compressed diagram is not base64 text');
    expect(store.getState().doc).toBe(doc);
  });

  it('tells files to import from diagrams to open', () => {
    expect(isImportFile('a.mlsd.json', '{"format":"mlsd-studio/diagram"}')).toBe(false);
    expect(isImportFile('a.json', '{"format":"mlsd-studio/diagram"}')).toBe(false);
    expect(isImportFile('a.json', '{ "type": "excalidraw", "elements": [] }')).toBe(true);
    for (const name of ['a.mmd', 'a.drawio', 'a.xml', 'a.drawio.svg', 'A.EXCALIDRAW']) expect(isImportFile(name, ''), name).toBe(true);
  });
});
