import { describe, expect, it, vi } from 'vitest';
import { EXPORT_FORMATS, exportDiagram } from '../../shared/export/registry';
import { fixtureJson, mustLoad } from '../helpers';

/** Whether pdf-lib has been loaded so far in this file's run. */
const loaded = vi.hoisted(() => ({ pdfLib: false }));
vi.mock('pdf-lib', async (original) => {
  loaded.pdfLib = true;
  return original();
});

const diagram = mustLoad(fixtureJson('small-search.laid.mlsd.json'));
const services = { rasterize: async () => new Uint8Array() };

describe('loading the PDF writer', () => {
  it('waits for the first PDF export: the text and picture formats are made without pdf-lib', async () => {
    // PNG is left out only for time: it draws through the SVG writer, which the loop covers.
    for (const format of EXPORT_FORMATS.filter((f) => f.id !== 'pdf' && f.id !== 'png')) await exportDiagram(diagram, format, services, { figures: false });
    expect(loaded.pdfLib).toBe(false);
    const pdf = await exportDiagram(diagram, EXPORT_FORMATS.find((f) => f.id === 'pdf')!, services, { figures: false });
    expect(loaded.pdfLib).toBe(true);
    expect(new TextDecoder().decode((pdf as Uint8Array).subarray(0, 5))).toBe('%PDF-');
  });
});
