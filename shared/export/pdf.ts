import { drawSvgPath, PDFDocument, PDFFont, PDFName, StandardFonts, type PDFOperator } from 'pdf-lib';
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

/** A number as the page's content writes it: at most three decimals (a thousandth of a point), never an exponent. */
function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return rounded === 0 ? '0' : String(rounded);
}

/** A #rrggbb colour as the three components a PDF colour operator takes. */
function colour(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `${num(((n >> 16) & 255) / 255)} ${num(((n >> 8) & 255) / 255)} ${num((n & 255) / 255)}`;
}

/** The operators' text, one a line, numbers at most three decimals. */
function operatorsText(operators: readonly PDFOperator[]): string {
  return `${operators.join('\n')}\n`.replace(/-?\d+\.\d{4,}/g, (long) => num(Number(long)));
}

/** Paths drawn many times (every node's icon) are read once: their operators' text by path data. */
const PATH_CACHE_ENTRIES = 4096;
const pathCache = new Map<string, string>();

/** SVG path data as PDF path operators, in the path's own units (y down, as SVG). */
function pathOperators(d: string): string {
  let text = pathCache.get(d);
  if (text === undefined) {
    // pdf-lib's own drawing of a path: push, three transforms, the dash, the path, the paint, pop; the path is what is kept.
    text = operatorsText(drawSvgPath(d, { x: 0, y: 0 } as Parameters<typeof drawSvgPath>[1]).slice(5, -2));
    if (pathCache.size >= PATH_CACHE_ENTRIES) pathCache.clear();
    pathCache.set(d, text);
  }
  return text;
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
  fit: ReturnType<typeof pageFit>;
  fonts: { regular: PDFFont; bold: PDFFont };
  known: ReadonlySet<number>;
  /** The page's content so far, a shape a piece. */
  content: string[];
}

/** The names the page's resources give the two fonts. */
const FONT_KEYS = { regular: 'F1', bold: 'F2' } as const;

function draw(shape: Shape, pen: Pen): void {
  const { fit } = pen;
  if (shape.type === 'group') {
    for (const child of shape.children) draw(child, pen);
    return;
  }
  if (shape.type === 'path') {
    const at = shape.at ?? { x: 0, y: 0, scale: 1 };
    const scale = num(fit.scale * at.scale);
    let out = `q\n${scale} 0 0 -${scale} ${num(fit.left + at.x * fit.scale)} ${num(fit.height - fit.top - at.y * fit.scale)} cm\n`;
    if (shape.fill) out += `${colour(shape.fill)} rg\n`;
    if (shape.stroke) {
      out += `${colour(shape.stroke)} RG\n${num(shape.strokeWidth ?? 1)} w\n`;
      if (shape.at) out += '1 J\n';
      if (shape.dash) out += `[${shape.dash.map(num).join(' ')}] 0 d\n`;
    }
    const paint = shape.fill && shape.stroke ? 'B' : shape.fill ? 'f' : shape.stroke ? 'S' : 'n';
    pen.content.push(`${out}${pathOperators(shape.d)}${paint}\nQ\n`);
    return;
  }
  const font = shape.bold ? pen.fonts.bold : pen.fonts.regular;
  const text = encodable(shape.text, pen.known);
  const size = shape.size * fit.scale;
  const width = font.widthOfTextAtSize(text, size) + (shape.spacing ?? 0) * fit.scale * text.length;
  const x = fit.left + shape.x * fit.scale - (shape.anchor === 'middle' ? width / 2 : 0);
  const y = fit.height - fit.top - shape.y * fit.scale;
  pen.content.push(
    `q\nBT\n${colour(shape.colour)} rg\n/${shape.bold ? FONT_KEYS.bold : FONT_KEYS.regular} ${num(size)} Tf\n1 0 0 1 ${num(x)} ${num(y)} Tm\n${font.encodeText(text).toString()} Tj\nET\nQ\n`,
  );
}

/** Text of ASCII pieces as bytes (the content is ASCII: numbers, operators and hex strings). */
function asciiBytes(pieces: readonly string[]): Uint8Array {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    for (let i = 0; i < piece.length; i++) bytes[at++] = piece.charCodeAt(i);
  }
  return bytes;
}

/**
 * The picture as a one-page vector PDF: shapes as paths, text as text in
 * Helvetica (selectable and searchable), on a page the picture's size or on
 * A4 or Letter landscape, scaled to fit inside a half-inch margin. The same
 * diagram gives the same bytes. The page's content is written as text (one
 * compressed stream, numbers to a thousandth of a point), so a picture of
 * 100,000 nodes holds no object for each operator.
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
  // Each font is named once in the page's resources, and the content is written as text: a large picture holds no object per operator.
  page.node.setFontDictionary(PDFName.of(FONT_KEYS.regular), fonts.regular.ref);
  page.node.setFontDictionary(PDFName.of(FONT_KEYS.bold), fonts.bold.ref);
  const content = [`q\n${colour(scene.background)} rg\n0 0 ${num(fit.width)} ${num(fit.height)} re\nf\nQ\n`];
  const pen: Pen = { fit, fonts, known: new Set(fonts.regular.getCharacterSet()), content };
  for (const shape of scene.shapes) draw(shape, pen);
  page.node.addContentStream(pdf.context.register(pdf.context.flateStream(asciiBytes(content))));
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
