// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { MemoryHost, renderApp } from './harness';

describe('Export dialog', () => {
  it('offers a page size for PDF only, and exports on the paper chosen', async () => {
    const exported: { suggestedName: string; base64?: string }[] = [];
    const host = new MemoryHost();
    Object.assign(host, {
      exportFile: async (request: { suggestedName: string; base64?: string }) => {
        exported.push(request);
        return { ref: request.suggestedName, name: request.suggestedName };
      },
    });
    const { store, user } = await renderApp(blueprint('visual-search')!, host);
    act(() => store.set({ dialog: 'export' }));
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    const paper = within(dialog).getByRole('combobox', { name: 'Page size' });
    expect(paper).toHaveProperty('disabled', true);
    await user.click(within(dialog).getByRole('radio', { name: /PDF document/ }));
    expect(paper).toHaveProperty('disabled', false);
    await user.selectOptions(paper, 'A4 landscape');
    await user.click(within(dialog).getByRole('button', { name: 'Export PDF document' }));
    await waitFor(() => expect(exported).toHaveLength(1), { timeout: 10_000 });
    expect(exported[0]!.suggestedName).toMatch(/\.pdf$/);
    const pdf = await PDFDocument.load(Uint8Array.from(atob(exported[0]!.base64!), (c) => c.charCodeAt(0)));
    expect(pdf.getPage(0).getSize()).toEqual({ width: 841.89, height: 595.28 });
  });
});
