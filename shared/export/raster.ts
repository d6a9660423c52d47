import { PDFDocument } from 'pdf-lib';
import { renderSvg } from './svg';
import type { ExportFormat } from './types';

/** Pixels per picture unit in PNG and PDF exports: 3x, about 300 dpi at the picture's natural size. */
export const PRINT_SCALE = 3;

export const pngFormat: ExportFormat = {
  id: 'png',
  label: 'PNG image',
  extension: 'png',
  mimeType: 'image/png',
  binary: true,
  takesFigures: true,
  takesTheme: true,
  render: async (input, services) => services.rasterize(renderSvg(input), PRINT_SCALE),
};

/** A one-page PDF the size of the picture (1 px = 0.75 pt), holding the print-resolution image. */
export async function renderPdf(png: Uint8Array, widthPx: number, heightPx: number, title: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator('MLSD Studio');
  pdf.setProducer('MLSD Studio');
  // Fixed dates keep the same diagram's PDF byte for byte the same.
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  const image = await pdf.embedPng(png);
  const page = pdf.addPage([widthPx * 0.75, heightPx * 0.75]);
  page.drawImage(image, { x: 0, y: 0, width: widthPx * 0.75, height: heightPx * 0.75 });
  return pdf.save({ useObjectStreams: false });
}

export const pdfFormat: ExportFormat = {
  id: 'pdf',
  label: 'PDF document',
  extension: 'pdf',
  mimeType: 'application/pdf',
  binary: true,
  takesFigures: true,
  takesTheme: true,
  async render(input, services) {
    const svg = renderSvg(input);
    const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
    return renderPdf(await services.rasterize(svg, PRINT_SCALE), Number(width), Number(height), input.diagram.title);
  },
};
