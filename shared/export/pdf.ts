import { PDFDocument, PDFFont, StandardFonts, rgb, type PDFPage } from 'pdf-lib';
import { sceneOf } from './drawing';
import type { Scene, Shape } from './scene';
import type { ExportFormat, Paper } from './types';

/** Points per picture unit on a page the picture's own size (a CSS pixel is 0.75 pt). */
const PT_PER_UNIT = 0.75;

/** Landscape paper in points, and the margin kept around a scaled picture. */
const PAPER_PT: Record<Exclude<Paper, 'fit'>, { width: number; height: number }> = {
  a4: { width: 841.89, height: 595.28 },
  letter: { width: 792, height: 612 },
};
const PAPER_MARGIN_PT = 36;

/** Characters the standard fonts cannot encode that have a plain stand-in. */
const STAND_INS: Record<string, string> = { '∞': 'inf', '≤': '<=', '≥': '>=', '→': '->', '←': '<-', '≈': '~', '−': '-' };

function colour(hex: string) {
  const n = Number.parseInt(hex.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/** Largest page side, pt: 200 inches, the limit PDF readers keep to (larger pages are drawn smaller to fit it). */
export const MAX_PAGE_PT = 14_400;

/** Where the picture goes on the page: the page size, the scale (pt per unit) and the picture's top-left corner. */
export function pageFit(scene: Pick<Scene, 'width' | 'height'>, paper: Paper): { width: number; height: number; scale: number; left: number; top: number } {
  if (paper === 'fit') {
    const scale = Math.min(PT_PER_UNIT, MAX_PAGE_PT / Math.max(scene.width, scene.height, 1));
    return { width: scene.width * scale, height: scene.height * scale, scale, left: 0, top: 0 };
  }
  const page = PAPER_PT[paper];
  const scale = Math.min((page.width - 2 * PAPER_MARGIN_PT) / scene.width, (page.height - 2 * PAPER_MARGIN_PT) / scene.height);
  return { ...page, scale, left: (page.width - scene.width * scale) / 2, top: (page.height - scene.height * scale) / 2 };
}

/** Text the font can set: characters outside its encoding get a stand-in or "?". */
function encodable(text: string, known: ReadonlySet<number>): string {
  let out = '';
  for (const char of text) out += known.has(char.codePointAt(0)!) ? char : (STAND_INS[char] ?? '?');
  return out;
}

interface Pen {
  page: PDFPage;
  fit: ReturnType<typeof pageFit>;
  fonts: { regular: PDFFont; bold: PDFFont };
  known: ReadonlySet<number>;
}

function draw(shape: Shape, pen: Pen): void {
  const { page, fit } = pen;
  if (shape.type === 'group') {
    for (const child of shape.children) draw(child, pen);
    return;
  }
  if (shape.type === 'path') {
    const at = shape.at ?? { x: 0, y: 0, scale: 1 };
    page.drawSvgPath(shape.d, {
      x: fit.left + at.x * fit.scale,
      y: fit.height - fit.top - at.y * fit.scale,
      scale: fit.scale * at.scale,
      ...(shape.fill && { color: colour(shape.fill) }),
      ...(shape.stroke && { borderColor: colour(shape.stroke), borderWidth: shape.strokeWidth ?? 1, borderDashArray: shape.dash ? [...shape.dash] : undefined }),
      ...(shape.at && { borderLineCap: 1 }),
    });
    return;
  }
  const font = shape.bold ? pen.fonts.bold : pen.fonts.regular;
  const text = encodable(shape.text, pen.known);
  const size = shape.size * fit.scale;
  const width = font.widthOfTextAtSize(text, size) + (shape.spacing ?? 0) * fit.scale * text.length;
  page.drawText(text, {
    x: fit.left + shape.x * fit.scale - (shape.anchor === 'middle' ? width / 2 : 0),
    y: fit.height - fit.top - shape.y * fit.scale,
    size,
    font,
    color: colour(shape.colour),
  });
}

/**
 * The picture as a one-page vector PDF: shapes as paths, text as text in
 * Helvetica (selectable and searchable), on a page the picture's size or on
 * A4 or Letter landscape, scaled to fit inside a half-inch margin. The same
 * diagram gives the same bytes.
 */
export async function renderPdf(scene: Scene, paper: Paper): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(scene.title);
  pdf.setCreator('MLSD Studio');
  pdf.setProducer('MLSD Studio');
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const fit = pageFit(scene, paper);
  const page = pdf.addPage([fit.width, fit.height]);
  page.drawRectangle({ x: 0, y: 0, width: fit.width, height: fit.height, color: colour(scene.background) });
  const pen: Pen = { page, fit, fonts, known: new Set(fonts.regular.getCharacterSet()) };
  for (const shape of scene.shapes) draw(shape, pen);
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
  takesPaper: true,
  render: async (input) => renderPdf(sceneOf(input), input.paper),
};
