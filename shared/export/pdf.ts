import { PDFDocument, PDFName, StandardFonts, type PDFRef } from 'pdf-lib';
import { roundedRectPath } from './iconPaths';
import { Memo } from '../memo';
import { AsciiBytes, num, pathOperators } from './pdfPath';
import type { Paint, RoundedBox, Scene, Shape } from './scene';
import { drawDiagram, type ScenePlan } from './drawing';
import type { Drawer, IconPath, IconPlace, TextStyle } from './drawer';
import type { Paper } from './types';
import { pageFit } from './pdfPage';
import { setText, unitsOf, type TextPen } from './pdfText';
import { newFormName, placeTogether, WHOLE, type Placed, type RunPen } from './pdfRuns';

/** A #rrggbb colour as the three components a PDF colour operator takes (a picture has a few dozen colours, each written once here). */
function colour(hex: string): string {
  let components = colours.get(hex);
  if (components === undefined) {
    const n = Number.parseInt(hex.slice(1), 16);
    components = `${num(((n >> 16) & 255) / 255)} ${num(((n >> 8) & 255) / 255)} ${num((n & 255) / 255)}`;
    colours.set(hex, components);
  }
  return components;
}

/** Colours' components, by colour. */
const colours = new Memo<string, string>(256);

/** What the content has set so far (a new value is written only when it changes), and the copies it draws from. */
interface Pen extends TextPen, RunPen {
  fill: string;
  stroke: string;
  width: string;
  dash: string;
  /** The font and size operator in force. */
  font: string;
  /** Rounded boxes drawn many times, each size and paint once as a form, by width. */
  boxForms: Map<number, ({ box: RoundedBox; paint: Paint } & Named)[]>;
  /** Icons' paths, each path and paint once as a form, by path data. */
  iconForms: Map<string, ({ paint: Paint } & Named)[]>;
  /** Shared copies drawn one after another in the group being drawn, not yet written (see `placeTogether`). */
  run: Placed[];
}

/** A form's name. */
interface Named {
  name: string;
}

/** Whether two paints are written the same (a form's paint; dashes as their text). */
function samePaint(a: Paint, b: Paint): boolean {
  return a.fill === b.fill && a.stroke === b.stroke && sameNumber(a.strokeWidth, b.strokeWidth) && (a.dash === b.dash || String(a.dash) === String(b.dash));
}

/** Whether two numbers (or their absence) are written the same. */
const sameNumber = (a: number | undefined, b: number | undefined) => a === b || String(a) === String(b);

/** The names the page's resources give the two fonts. */
const FONT_KEYS = { regular: 'F1', bold: 'F2' } as const;

/** A shape's paint as operators, and its painting operator. */
function paintOf(shape: Paint, round: boolean): { setup: string; paint: string } {
  let setup = '';
  if (shape.fill) setup += `${colour(shape.fill)} rg\n`;
  if (shape.stroke) {
    setup += `${colour(shape.stroke)} RG\n${num(shape.strokeWidth ?? 1)} w\n`;
    if (round) setup += '1 J\n';
    // A form takes the dash in force where it is drawn: its own, or none, is set.
    setup += `[${shape.dash ? shape.dash.map(num).join(' ') : ''}] 0 d\n`;
  }
  return { setup, paint: paintOperator(shape) };
}

/** The name of a new form that draws `d` (in its own units) with this paint. */
function newForm(pen: Pen, shape: Paint, round: boolean, d: string, box: readonly number[]): string {
  const name = newFormName(pen);
  const { setup, paint } = paintOf(shape, round);
  pen.formContent.set(name, { content: `${setup}${pathOperators(d)}${paint}\n`, box });
  return name;
}

/** The form among `known` that `matches`, or a new one `make` draws (its name added to the list). */
function formAmong<T>(known: (T & Named)[], matches: (form: T) => boolean, make: () => T & Named): string {
  const found = known.find(matches);
  if (found) return found.name;
  const form = make();
  known.push(form);
  return form.name;
}

/** The form of a rounded box of this size and paint, made the first time it is asked for. */
function boxForm(pen: Pen, width: number, height: number, r: number, shape: Paint): string {
  let known = pen.boxForms.get(width);
  if (known === undefined) pen.boxForms.set(width, (known = []));
  return formAmong(known, (f) => sameNumber(f.box.height, height) && sameNumber(f.box.r, r) && samePaint(f.paint, shape), () => ({
    box: { x: 0, y: 0, width, height, r }, paint: shape,
    name: newForm(pen, shape, false, roundedRectPath(0, 0, width, height, r), [-FORM_ROOM, -FORM_ROOM, width + FORM_ROOM, height + FORM_ROOM]),
  }));
}

/** The form of an icon's path with this paint, made the first time it is asked for. */
function iconForm(pen: Pen, d: string, shape: Paint): string {
  let known = pen.iconForms.get(d);
  if (known === undefined) pen.iconForms.set(d, (known = []));
  return formAmong(known, (f) => samePaint(f.paint, shape), () => ({ paint: shape, name: newForm(pen, shape, true, d, WHOLE) }));
}

/** Sets the paint state a line or text needs, writing only what changed. */
function setPaint(pen: Pen, shape: Paint): string {
  let out = '';
  if (shape.fill && shape.fill !== pen.fill) {
    pen.fill = shape.fill;
    out += `${colour(shape.fill)} rg\n`;
  }
  if (shape.stroke) {
    if (shape.stroke !== pen.stroke) {
      pen.stroke = shape.stroke;
      out += `${colour(shape.stroke)} RG\n`;
    }
    const width = num(shape.strokeWidth ?? 1);
    if (width !== pen.width) {
      pen.width = width;
      out += `${width} w\n`;
    }
    const dash = `[${shape.dash ? shape.dash.map(num).join(' ') : ''}] 0 d`;
    if (dash !== pen.dash) {
      pen.dash = dash;
      out += `${dash}\n`;
    }
  }
  return out;
}

/** Room around a form's shape for its stroke, in its own units. */
const FORM_ROOM = 8;

/** A rounded box drawn from its shared copy, joining the run of the group being drawn. */
function placeBox(pen: Pen, x: number, y: number, width: number, height: number, r: number, paint: Paint): void {
  pen.run.push({ name: boxForm(pen, width, height, r, paint), x, y, scale: 1 });
}

/** An icon's path drawn from its shared copy, joining the run of the group being drawn. */
function placeIconPath(pen: Pen, d: string, paint: Paint, at: { x: number; y: number; scale: number }): void {
  // Icons: drawn the same on every node of a kind. Their form spans any path's reach in its units.
  pen.run.push({ name: iconForm(pen, d, paint), x: at.x, y: at.y, scale: at.scale });
}

/** Writes the run of shared copies waiting, if any. */
function endRun(pen: Pen): void {
  if (pen.run.length === 0) return;
  placeTogether(pen.run, pen);
  pen.run = [];
}

/** Draws a shape from a shared copy (a rounded box or an icon) into the run, making its form the first time; false for any other shape. */
function placedForm(shape: Shape, pen: Pen): boolean {
  if (shape.type !== 'path') return false;
  const { box, at } = shape;
  if (box) placeBox(pen, box.x, box.y, box.width, box.height, box.r, shape);
  else if (at) placeIconPath(pen, shape.d, shape, at);
  return !!(box || at);
}

/** A path's painting operator: fill and stroke, fill, stroke or neither. */
const paintOperator = (shape: Paint) => (shape.fill && shape.stroke ? 'B' : shape.fill ? 'f' : shape.stroke ? 'S' : 'n');

/** A path drawn as it is (not from a shared copy), its operators already written. */
function drawOperators(pen: Pen, operators: string, paint: Paint): void {
  endRun(pen);
  pen.content.write(setPaint(pen, paint));
  pen.content.write(operators);
  pen.content.write(PAINT_LINE[paintOperator(paint)]);
}

/** Each painting operator with its line's end. */
const PAINT_LINE = { B: 'B\n', f: 'f\n', S: 'S\n', n: 'n\n' } as const;

/**
 * Straight lines through x, y pairs drawn as they are (the operators
 * `pathOperators` writes for the same lines as path data), written number by
 * number.
 */
function drawLines(pen: Pen, xy: readonly number[], closed: boolean, paint: Paint): void {
  endRun(pen);
  const content = pen.content;
  content.write(setPaint(pen, paint));
  for (let i = 0; i < xy.length; i += 2) {
    content.writePoint(xy[i]!, xy[i + 1]!);
    content.write(i === 0 ? ' m\n' : ' l\n');
  }
  if (closed) content.write('h\n');
  content.write(PAINT_LINE[paintOperator(paint)]);
}

/** A text at its place: centred on x with anchor middle, else starting there. */
function drawText(pen: Pen, x: number, y: number, raw: string, size: number, colour: string, bold: boolean, middle: boolean, spacing: number | undefined): void {
  endRun(pen);
  const set = setText(pen, raw, bold);
  // As the font measures it at a size: its width in thousandths of the size, scaled.
  const width = middle ? unitsOf(pen, set, bold) * (size / 1000) + (spacing ?? 0) * set.text.length : 0;
  const left = x - width / 2;
  // The font and size stay set from one text to the next (they outlast BT and ET): written only when they change.
  const fontSize = `/${bold ? FONT_KEYS.bold : FONT_KEYS.regular} ${num(size)} Tf\n`;
  const setFont = fontSize === pen.font ? '' : fontSize;
  pen.font = fontSize;
  const content = pen.content;
  content.write(setPaint(pen, { fill: colour }));
  content.write(setFont === '' ? 'BT\n1 0 0 -1 ' : `BT\n${setFont}1 0 0 -1 `);
  content.writePoint(left, y);
  content.write(' Tm\n');
  content.write(set.encoded);
  content.write(' Tj\nET\n');
}

/** One shape into the page's content, in picture units (the page's transform flips y, as SVG). */
function draw(shape: Shape, pen: Pen): void {
  if (shape.type === 'group') {
    endRun(pen);
    for (const child of shape.children) if (!placedForm(child, pen)) draw(child, pen);
    endRun(pen);
    return;
  }
  if (shape.type === 'path') {
    if (placedForm(shape, pen)) endRun(pen);
    else drawOperators(pen, pathOperators(shape.d), shape);
    return;
  }
  drawText(pen, shape.x, shape.y, shape.text, shape.size, shape.colour, shape.bold === true, shape.anchor === 'middle', shape.spacing);
}

/** Draws the diagram straight into the page's content, with no shape made on the way (the same operators `draw` writes for the shapes). */
class PdfDrawer implements Drawer {
  constructor(private readonly pen: Pen) {}
  open(): void {}
  close(): void {
    endRun(this.pen);
  }
  rect(x: number, y: number, width: number, height: number, r: number, paint: Paint): void {
    placeBox(this.pen, x, y, width, height, r, paint);
  }
  circle(x: number, y: number, r: number, paint: Paint): void {
    placeBox(this.pen, x - r, y - r, 2 * r, 2 * r, r, paint);
  }
  lines(xy: readonly number[], closed: boolean, paint: Paint): void {
    drawLines(this.pen, xy, closed, paint);
  }
  path(d: string, paint: Paint): void {
    drawOperators(this.pen, pathOperators(d), paint);
  }
  icon(paths: readonly IconPath[], at: IconPlace): void {
    for (const p of paths) placeIconPath(this.pen, p.d, p, at);
  }
  text(x: number, y: number, text: string, size: number, colour: string, style?: TextStyle): void {
    drawText(this.pen, x, y, text, size, colour, style?.bold === true, style?.anchor === 'middle', style?.spacing);
  }
}

/**
 * Bytes compressed for a FlateDecode stream (zlib's format) by the host's
 * own deflate (the Compression Streams standard, in Node and in browsers
 * alike): several times faster than pdf-lib's script one, which a large
 * picture's content (tens of MB) waited seconds for.
 */
async function deflated(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  // Written straight into the stream (not through a Blob, whose stream() some page environments lack).
  const deflate = new CompressionStream('deflate');
  const writer = deflate.writable.getWriter();
  const [, , out] = await Promise.all([writer.write(bytes), writer.close(), new Response(deflate.readable).arrayBuffer()]);
  return new Uint8Array(out);
}

/** ASCII text as bytes. */
function asciiBytes(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new AsciiBytes();
  bytes.write(text);
  return bytes.done();
}

/**
 * The picture as a one-page vector PDF: shapes as paths, text as text in
 * Helvetica (selectable and searchable), on a page the picture's size or on
 * A4 or Letter landscape, scaled to fit inside a half-inch margin. The same
 * diagram gives the same bytes. The page's content is written as text in
 * picture units (one compressed stream, numbers to a thousandth of a unit,
 * colours and widths written only when they change), and shapes drawn many
 * times (node boxes, caption boxes, stage markers, icons) are each drawn
 * from one shared copy, so a picture of 100,000 nodes holds no object for
 * each operator and stays a few bytes a shape.
 */
export async function renderPdf(scene: Scene, paper: Paper): Promise<Uint8Array> {
  return pdfOf(scene, paper, (pen) => {
    for (const shape of scene.shapes) draw(shape, pen);
  });
}

/** A plan's picture as a PDF (the same bytes as `renderPdf` of its scene), the diagram drawn into the content as it is worked out. */
export async function renderPlanPdf(plan: ScenePlan, paper: Paper): Promise<Uint8Array> {
  const page = { width: plan.width, height: plan.height, title: plan.input.diagram.title, background: plan.t.background };
  return pdfOf(page, paper, (pen) => {
    for (const _ of drawDiagram(plan.input, plan.picture, plan.t, new PdfDrawer(pen)));
    for (const shape of plan.sheet.shapes) draw(shape, pen);
  });
}

/** The one-page PDF whose picture `drawAll` draws onto the pen, in picture units. */
async function pdfOf(scene: Pick<Scene, 'width' | 'height' | 'title' | 'background'>, paper: Paper, drawAll: (pen: Pen) => void): Promise<Uint8Array> {
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
  const scale = String(Math.round(fit.scale * 1e6) / 1e6);
  // The background, then the picture in its own units: one transform flips y (as SVG) and scales the picture onto the page.
  const content = new AsciiBytes();
  content.write(`q\n${colour(scene.background)} rg\n0 0 ${num(fit.width)} ${num(fit.height)} re\nf\nQ\nq\n${scale} 0 0 -${scale} ${num(fit.left)} ${num(fit.height - fit.top)} cm\n`);
  const pen: Pen = {
    fonts, known: new Set(fonts.regular.getCharacterSet()), content, fill: '', stroke: '', width: '1', dash: '[] 0 d', font: '',
    boxForms: new Map(), iconForms: new Map(), runForms: new Map(), runsByFirst: new Map(), formContent: new Map(),
    texts: { regular: new Map(), bold: new Map() }, codes: { regular: [], bold: [] }, run: [],
  };
  drawAll(pen);
  content.write('Q\n');
  // Forms in the order made: those a form draws are registered before it.
  const refs = new Map<string, PDFRef>();
  for (const [name, form] of pen.formContent) {
    const uses = form.uses && { Resources: { XObject: Object.fromEntries(form.uses.map((used) => [used, refs.get(used)!])) } };
    const stream = pdf.context.stream(await deflated(asciiBytes(form.content)), { Type: 'XObject', Subtype: 'Form', BBox: [...form.box], ...uses, Filter: 'FlateDecode' });
    refs.set(name, pdf.context.register(stream));
    page.node.setXObject(PDFName.of(name), refs.get(name)!);
  }
  page.node.addContentStream(pdf.context.register(pdf.context.stream(await deflated(content.done()), { Filter: 'FlateDecode' })));
  return pdf.save({ useObjectStreams: false });
}
