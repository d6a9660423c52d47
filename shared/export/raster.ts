import { PDFDocument } from 'pdf-lib';
import { renderSvg } from './svg';
import type { ExportFormat } from './types';

/** Pixels per picture unit in PNG and PDF exports: 3x, about 300 dpi at the picture's natural size. */
export const PRINT_SCALE = 3;

/**
 * Most pixels a PNG or PDF export may hold: 32 Mpixel (a 5,600 x 5,600
 * picture, 128 MB while drawn at 4 bytes a pixel; a PDF holds a second copy
 * while it embeds the image). Past it a picture is drawn at a smaller scale,
 * and refused when even its natural size is larger.
 */
export const RASTER_BUDGET_PIXELS = 32_000_000;

/** An export refused because its picture would not fit the pixel budget; the message says how large it would be. */
export class PictureTooLarge extends Error {}

/**
 * The scale a picture of widthPx x heightPx (at scale 1) is rasterized at:
 * PRINT_SCALE, or the largest that stays within RASTER_BUDGET_PIXELS. Throws
 * PictureTooLarge when the picture exceeds the budget even at scale 1.
 */
export function rasterScale(widthPx: number, heightPx: number): number {
  const pixels = widthPx * heightPx;
  if (!(pixels > 0)) return PRINT_SCALE;
  if (pixels > RASTER_BUDGET_PIXELS) {
    const size = `${Math.round(widthPx).toLocaleString('en-US')} x ${Math.round(heightPx).toLocaleString('en-US')} px`;
    throw new PictureTooLarge(
      `the picture would be ${size} (${Math.round(pixels / 1e6).toLocaleString('en-US')} Mpixel) even at its natural size, more than ` +
        `the ${RASTER_BUDGET_PIXELS / 1e6} Mpixel a PNG or PDF export holds: export SVG instead, or bring the nodes closer together`,
    );
  }
  return Math.min(PRINT_SCALE, Math.floor(Math.sqrt(RASTER_BUDGET_PIXELS / pixels) * 1000) / 1000);
}

/** rasterScale for an SVG picture, read from its width and height attributes. */
export function svgRasterScale(svg: string): number {
  const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg) ?? [];
  return rasterScale(Number(width), Number(height));
}

export const pngFormat: ExportFormat = {
  id: 'png',
  label: 'PNG image',
  extension: 'png',
  mimeType: 'image/png',
  binary: true,
  takesFigures: true,
  takesTheme: true,
  render: async (input, services) => {
    const svg = renderSvg(input);
    return services.rasterize(svg, svgRasterScale(svg));
  },
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
    return renderPdf(await services.rasterize(svg, svgRasterScale(svg)), Number(width), Number(height), input.diagram.title);
  },
};
