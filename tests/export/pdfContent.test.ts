import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { rasterize } from '../../cli/nodeServices';
import { exportDiagram, exportFormat } from '../../shared/export/registry';
import { loadDiagram } from '../../shared/model/load';
import { fixturePath } from '../helpers';

const loaded = loadDiagram(readFileSync(fixturePath('small-search.laid.mlsd.json'), 'utf8'));
if (!loaded.ok) throw new Error('fixture invalid');
const fixture = loaded.diagram;

describe('the PDF page', () => {
  it('names each font once in its resources, however many texts it sets', async () => {
    const pdf = await PDFDocument.load((await exportDiagram(fixture, exportFormat('pdf')!, { rasterize })) as Uint8Array);
    const fonts = pdf.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    expect(fonts.keys().map(String)).toEqual(['/F1', '/F2']);
  });
});
