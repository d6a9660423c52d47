import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';

/**
 * What a PDF reader draws on the first page, in page points (y up, as PDF):
 * each painted path with its paint and points, each text with its font,
 * size and place. Forms are drawn where they are placed, inside their own
 * bounding box (a reader clips a form to it). Reads only what the exports
 * write: q Q cm Do rg RG w J d re m l c h f S B n BT ET Tf Tm Tj.
 */
export interface DrawnPath {
  kind: 'path';
  /** f fill, S stroke, B both, n neither. */
  paint: string;
  fill: string;
  stroke: string;
  /** Line width and dash in page points. */
  lineWidth: number;
  dash: number[];
  lineCap: number;
  /** Every point the path passes through or is pulled towards (curves' control points too), in page points. */
  points: [number, number][];
  /** Whether every point lies inside the bounding boxes of the forms it is drawn from. */
  insideForm: boolean;
}

export interface DrawnText {
  kind: 'text';
  text: string;
  /** F1 regular, F2 bold. */
  font: string;
  /** Type size in page points. */
  size: number;
  fill: string;
  /** Where the text starts (its baseline's left end), in page points. */
  x: number;
  y: number;
}

export type Drawn = DrawnPath | DrawnText;

type Matrix = [number, number, number, number, number, number];

/** m applied first, then n. */
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
/** To a millionth, past the rounding of binary fractions. */
const fine = (v: number) => Math.round(v * 1e6) / 1e6;
const hex2 = (v: number) => Math.round(v * 255).toString(16).padStart(2, '0');

interface State {
  ctm: Matrix;
  fill: string;
  stroke: string;
  width: number;
  dash: number[];
  cap: number;
  font: string;
  size: number;
  /** Form bounding boxes in page points: [minX, minY, maxX, maxY]. */
  clips: [number, number, number, number][];
}

const TOKEN = /\/[^\s/[\]<>()]+|<[0-9A-Fa-f]*>|\[|\]|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z*'"]+/g;

/** The page's drawing, in order. */
export async function drawnOnPage(bytes: Uint8Array): Promise<{ width: number; height: number; drawn: Drawn[] }> {
  const pdf = await PDFDocument.load(bytes);
  const page = pdf.getPage(0);
  const { width, height } = page.getSize();
  const decoded = (stream: PDFRawStream) => new TextDecoder('latin1').decode(stream.dict.get(PDFName.of('Filter')) ? inflateSync(stream.contents) : stream.contents);
  const contents = page.node.Contents()!;
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref) as PDFRawStream) : [contents as PDFRawStream];
  const drawn: Drawn[] = [];
  let state: State = { ctm: [1, 0, 0, 1, 0, 0], fill: '#000000', stroke: '#000000', width: 1, dash: [], cap: 0, font: '', size: 0, clips: [] };

  const run = (content: string, resources: PDFDict | undefined): void => {
    const stack: State[] = [];
    const operands: (number | string | number[])[] = [];
    let array: number[] | undefined;
    let path: [number, number][] = [];
    let textMatrix: Matrix = [1, 0, 0, 1, 0, 0];
    const scaleOf = (m: Matrix) => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
    const n = (i: number) => operands[i] as number;
    for (const [token] of content.matchAll(TOKEN)) {
      if (token === '[') { array = []; continue; }
      if (token === ']') { operands.push(array!); array = undefined; continue; }
      if (/^[-+.\d]/.test(token)) {
        if (array) array.push(Number(token));
        else operands.push(Number(token));
        continue;
      }
      if (token.startsWith('/') || token.startsWith('<')) { operands.push(token); continue; }
      const point = (x: number, y: number) => path.push(apply(state.ctm, x, y));
      switch (token) {
        case 'q': stack.push({ ...state, clips: [...state.clips] }); break;
        case 'Q': state = stack.pop()!; break;
        case 'cm': state.ctm = times([n(0), n(1), n(2), n(3), n(4), n(5)], state.ctm); break;
        case 'rg': state.fill = `#${hex2(n(0))}${hex2(n(1))}${hex2(n(2))}`; break;
        case 'RG': state.stroke = `#${hex2(n(0))}${hex2(n(1))}${hex2(n(2))}`; break;
        case 'w': state.width = n(0); break;
        case 'J': state.cap = n(0); break;
        case 'd': state.dash = operands[0] as number[]; break;
        case 'm': case 'l': point(n(0), n(1)); break;
        case 'c': point(n(0), n(1)); point(n(2), n(3)); point(n(4), n(5)); break;
        case 're': point(n(0), n(1)); point(n(0) + n(2), n(1)); point(n(0) + n(2), n(1) + n(3)); point(n(0), n(1) + n(3)); break;
        case 'h': break;
        case 'f': case 'S': case 'B': case 'n': {
          const scale = scaleOf(state.ctm);
          const insideForm = path.every(([x, y]) => state.clips.every(([x0, y0, x1, y1]) => x >= x0 - 1e-6 && x <= x1 + 1e-6 && y >= y0 - 1e-6 && y <= y1 + 1e-6));
          drawn.push({ kind: 'path', paint: token, fill: state.fill, stroke: state.stroke, lineWidth: fine(state.width * scale), dash: state.dash.map((d) => fine(d * scale)), lineCap: state.cap, points: path, insideForm });
          path = [];
          break;
        }
        case 'BT': textMatrix = [1, 0, 0, 1, 0, 0]; break;
        case 'ET': break;
        case 'Tf': state.font = (operands[0] as string).slice(1); state.size = n(1); break;
        case 'Tm': textMatrix = [n(0), n(1), n(2), n(3), n(4), n(5)]; break;
        case 'Tj': {
          const m = times(textMatrix, state.ctm);
          const [x, y] = apply(m, 0, 0);
          const text = Buffer.from((operands[0] as string).slice(1, -1), 'hex').toString('latin1');
          drawn.push({ kind: 'text', text, font: state.font, size: fine(state.size * scaleOf(m)), fill: state.fill, x, y });
          break;
        }
        case 'Do': {
          const xobjects = resources?.lookup(PDFName.of('XObject'), PDFDict);
          const form = xobjects?.lookup(PDFName.of((operands[0] as string).slice(1))) as PDFRawStream;
          const box = (form.dict.lookup(PDFName.of('BBox'), PDFArray).asArray() as PDFNumber[]).map((v) => v.asNumber());
          const corners = [apply(state.ctm, box[0]!, box[1]!), apply(state.ctm, box[2]!, box[3]!)];
          const saved = { ...state, clips: [...state.clips] };
          state.clips.push([Math.min(corners[0]![0], corners[1]![0]), Math.min(corners[0]![1], corners[1]![1]), Math.max(corners[0]![0], corners[1]![0]), Math.max(corners[0]![1], corners[1]![1])]);
          const own = form.dict.lookup(PDFName.of('Resources'));
          run(decoded(form), own instanceof PDFDict ? own : resources);
          state = saved;
          break;
        }
        default: throw new Error(`unexpected operator ${token}`);
      }
      operands.length = 0;
    }
  };
  const resources = page.node.Resources();
  for (const stream of streams) run(decoded(stream), resources);
  return { width, height, drawn };
}

/** A path's extent on the page: [left, bottom, right, top], to a thousandth of a point. */
export function extent(path: DrawnPath): number[] {
  const xs = path.points.map(([x]) => x);
  const ys = path.points.map(([, y]) => y);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].map((v) => Math.round(v * 1000) / 1000);
}

/** Points to a thousandth of a point. */
export const rounded = (points: [number, number][]) => points.map(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]);
