import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../shared/export/pdf';
import { pdfFormat } from '../../shared/export/pdfFormat';

const scene = { width: 400, height: 200, title: 'Image search', background: '#ffffff', shapes: [] };

describe('a PDF document', () => {
  it('is titled after the design and says what made it, dated the same every time', async () => {
    const bytes = await renderPdf(scene, 'fit');
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Image search');
    expect(pdf.getCreator()).toBe('MLSD Studio');
    expect(pdf.getProducer()).toBe('MLSD Studio');
    expect(pdf.getCreationDate()).toEqual(new Date(0));
    expect(pdf.getModificationDate()).toEqual(new Date(0));
    expect(Buffer.from(await renderPdf(scene, 'fit')).equals(Buffer.from(bytes))).toBe(true);
  });

  it('names its regular and bold Helvetica and holds one page', async () => {
    const pdf = await PDFDocument.load(await renderPdf(scene, 'a4'));
    expect(pdf.getPageCount()).toBe(1);
    const fonts = pdf.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    for (const [key, font] of [['F1', '/Helvetica'], ['F2', '/Helvetica-Bold']]) expect(String(fonts.lookup(PDFName.of(key!), PDFDict).get(PDFName.of('BaseFont')))).toBe(font);
  });

  it('is offered as a binary PDF document that takes figures, a theme and a paper', () => {
    expect(pdfFormat).toMatchObject({ id: 'pdf', label: 'PDF document', extension: 'pdf', mimeType: 'application/pdf', binary: true, takesFigures: true, takesTheme: true, takesPaper: true });
  });
});
