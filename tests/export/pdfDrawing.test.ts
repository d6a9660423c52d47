import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { roundedRectPath } from '../../shared/export/iconPaths';
import { renderPdf } from '../../shared/export/pdf';
import { MAX_PAGE_PT, pageFit } from '../../shared/export/pdfPage';
import type { Scene, Shape } from '../../shared/export/scene';
import type { Paper } from '../../shared/export/types';
import { drawnOnPage, extent, rounded, type Drawn, type DrawnPath, type DrawnText } from '../pdfPage';

const sceneWith = (shapes: Shape[], size = { width: 400, height: 200 }): Scene => ({ ...size, title: 'Shapes', background: '#112233', shapes });
const page = async (shapes: Shape[], paper: Paper = 'fit', size?: { width: number; height: number }) => drawnOnPage(await renderPdf(sceneWith(shapes, size), paper));
const box = (x: number, y: number, width: number, height: number, r: number, paint: Omit<Extract<Shape, { type: 'path' }>, 'type' | 'd'>): Shape => ({ type: 'path', d: roundedRectPath(x, y, width, height, r), box: { x, y, width, height, r }, ...paint });
const paths = (drawn: Drawn[]) => drawn.filter((d): d is DrawnPath => d.kind === 'path');
const texts = (drawn: Drawn[]) => drawn.filter((d): d is DrawnText => d.kind === 'text');

/** Each number to within a hundredth. */
function near<T extends number[] | Record<string, number>>(values: T): T {
  const close = (v: number) => expect.closeTo(v, 2) as unknown as number;
  return (Array.isArray(values) ? values.map(close) : Object.fromEntries(Object.entries(values).map(([k, v]) => [k, close(v)]))) as T;
}

// A 400 x 200 picture on a page its own size is 300 x 150 pt: (x, y) in the picture is (0.75 x, 150 - 0.75 y) on the page.
describe('a PDF page draws each shape where the picture has it', () => {
  it('paints the background over the whole page first', async () => {
    const { width, height, drawn } = await page([]);
    expect([width, height]).toEqual([300, 150]);
    expect(drawn).toHaveLength(1);
    expect(drawn[0]).toMatchObject({ kind: 'path', paint: 'f', fill: '#112233' });
    expect(extent(drawn[0] as DrawnPath)).toEqual([0, 0, 300, 150]);
  });

  it('draws a rounded box with its fill, outline, width and dash, inside the copy it is drawn from', async () => {
    const { drawn } = await page([box(10, 20, 100, 50, 6, { fill: '#ff0000', stroke: '#00ff00', strokeWidth: 2, dash: [6, 4] })]);
    const [drawnBox] = paths(drawn).slice(1);
    expect(drawnBox).toMatchObject({ paint: 'B', fill: '#ff0000', stroke: '#00ff00', lineWidth: 1.5, dash: [4.5, 3], insideForm: true });
    expect(extent(drawnBox!)).toEqual([7.5, 97.5, 82.5, 135]);
  });

  it('keeps the stroke of a box inside its copy\'s bounds, however thick', async () => {
    const { drawn } = await page([box(10, 20, 100, 50, 0, { stroke: '#000000', strokeWidth: 6 })]);
    const [drawnBox] = paths(drawn).slice(1);
    expect(drawnBox).toMatchObject({ paint: 'S', insideForm: true, lineWidth: 4.5 });
    expect(extent(drawnBox!)).toEqual([7.5, 97.5, 82.5, 135]);
  });

  it('draws lines and filled shapes with their own paint, each colour, width and dash as given', async () => {
    const { drawn } = await page([
      { type: 'path', d: 'M0,100 L400,100', stroke: '#0000ff', strokeWidth: 1.6 },
      { type: 'path', d: 'M0,150 L200,150', stroke: '#0000ff', strokeWidth: 1.6, dash: [2, 4] },
      { type: 'path', d: 'M300,10 L320,10 L310,30 Z', fill: '#808080' },
      { type: 'path', d: 'M0,40 L40,40', stroke: '#0000ff' },
      { type: 'path', d: 'M0,50 L40,50', stroke: '#ff00ff', strokeWidth: 1.6, dash: [2, 4] },
      { type: 'path', d: 'M0,60 L40,60', stroke: '#ff00ff', strokeWidth: 1.6 },
      { type: 'path', d: 'M10,10 L20,20 L10,20 Z', fill: '#808080', stroke: '#0000ff' },
      { type: 'path', d: 'M30,10 L40,20' },
    ]);
    const [solid, dashed, triangle, thin, pinkDashed, pinkSolid, both, unpainted] = paths(drawn).slice(1);
    expect(solid).toMatchObject({ paint: 'S', stroke: '#0000ff', lineWidth: 1.2, dash: [] });
    expect(rounded(solid!.points)).toEqual([[0, 75], [300, 75]]);
    expect(dashed).toMatchObject({ paint: 'S', stroke: '#0000ff', lineWidth: 1.2, dash: [1.5, 3] });
    expect(rounded(dashed!.points)).toEqual([[0, 37.5], [150, 37.5]]);
    expect(triangle).toMatchObject({ paint: 'f', fill: '#808080' });
    expect(rounded(triangle!.points)).toEqual([[225, 142.5], [240, 142.5], [232.5, 127.5]]);
    // A stroke without a width is 1 unit wide, solid.
    expect(thin).toMatchObject({ paint: 'S', stroke: '#0000ff', lineWidth: 0.75, dash: [] });
    expect(pinkDashed).toMatchObject({ paint: 'S', stroke: '#ff00ff', lineWidth: 1.2, dash: [1.5, 3] });
    expect(pinkSolid).toMatchObject({ paint: 'S', stroke: '#ff00ff', lineWidth: 1.2, dash: [] });
    expect(both).toMatchObject({ paint: 'B', fill: '#808080', stroke: '#0000ff', lineWidth: 0.75 });
    expect(unpainted).toMatchObject({ paint: 'n' });
  });

  it('draws an icon at its place and scale with round line ends', async () => {
    const { drawn } = await page([{ type: 'path', d: 'M0,0 L24,24', at: { x: 50, y: 60, scale: 0.5 }, stroke: '#ffffff', strokeWidth: 2 }]);
    const [icon] = paths(drawn).slice(1);
    expect(icon).toMatchObject({ paint: 'S', stroke: '#ffffff', lineWidth: 0.75, lineCap: 1, insideForm: true });
    expect(rounded(icon!.points)).toEqual([[37.5, 105], [46.5, 96]]);
  });

  it('sets text in its font, size and colour, starting at its place or centred on it', async () => {
    const bold = await (await PDFDocument.create()).embedFont(StandardFonts.HelveticaBold);
    const { drawn } = await page([
      { type: 'path', d: 'M300,10 L320,10 L310,30 Z', fill: '#808080' },
      { type: 'text', x: 20, y: 180, text: 'p99 ≤ 5 ms → ok ≈ ∞ ☃', size: 10, colour: '#333333' },
      { type: 'text', x: 200, y: 190, text: 'Mid', size: 13, bold: true, colour: '#333333', anchor: 'middle', spacing: 1 },
      { type: 'text', x: 200, y: 100, text: 'Mid', size: 13, bold: true, colour: '#808080', anchor: 'middle' },
      { type: 'text', x: 20, y: 20, text: 'plain', size: 13, colour: '#808080' },
    ]);
    const [start, middle, unspaced, plain] = texts(drawn);
    expect(start).toEqual({ kind: 'text', text: 'p99 <= 5 ms -> ok ~ inf ?', font: 'F1', size: 7.5, fill: '#333333', x: 15, y: 15 });
    const width = bold.widthOfTextAtSize('Mid', 13);
    expect(middle).toMatchObject({ text: 'Mid', font: 'F2', size: 9.75, fill: '#333333', y: 7.5 });
    expect(middle!.x).toBeCloseTo((200 - (width + 3) / 2) * 0.75, 2);
    expect(unspaced).toMatchObject({ font: 'F2', size: 9.75, fill: '#808080', y: 75 });
    expect(unspaced!.x).toBeCloseTo((200 - width / 2) * 0.75, 2);
    expect(plain).toMatchObject({ text: 'plain', font: 'F1', size: 9.75, fill: '#808080', x: 15, y: 135 });
  });

  it('draws boxes and icons that differ in any way from copies of their own', async () => {
    const base = { fill: '#ff0000', stroke: '#00ff00', strokeWidth: 2 };
    const variants: [string, Record<string, unknown>][] = [['same', {}], ['fill', { fill: '#0000ff' }], ['stroke', { stroke: '#ffffff' }], ['width', { strokeWidth: 4 }], ['dash', { dash: [6, 4] }]];
    const boxes = variants.map(([, change], i) => box(10 + 70 * i, 20, 60, 30, 4, { ...base, ...change }));
    const icons = variants.map(([, change], i): Shape => ({ type: 'path', d: 'M0,0 L24,24', at: { x: 10 + 70 * i, y: 100, scale: 1 }, ...base, ...change }));
    const { drawn } = await page([...boxes, box(10, 60, 60, 30, 8, base), box(10, 160, 60, 20, 4, base), ...icons, { type: 'path', d: 'M0,24 L24,0', at: { x: 10, y: 140, scale: 1 }, ...base }]);
    const drawnPaths = paths(drawn).slice(1);
    for (const [i, [, change]] of variants.entries()) {
      const expected = { ...base, ...change };
      for (const shape of [drawnPaths[i]!, drawnPaths[7 + i]!]) {
        expect(shape).toMatchObject({ fill: expected.fill, stroke: expected.stroke, lineWidth: (expected.strokeWidth as number) * 0.75, dash: 'dash' in change ? [4.5, 3] : [] });
      }
      expect(extent(drawnPaths[i]!)).toEqual([(10 + 70 * i) * 0.75, 112.5, (70 + 70 * i) * 0.75, 135]);
      expect(rounded(drawnPaths[7 + i]!.points)).toEqual([[(10 + 70 * i) * 0.75, 75], [(34 + 70 * i) * 0.75, 57]]);
    }
    // Another corner radius or size, another path.
    const [, sharp, tall] = [undefined, drawnPaths[5]!, drawnPaths[6]!];
    expect(extent(sharp)).toEqual([7.5, 82.5, 52.5, 105]);
    expect(extent(tall)).toEqual([7.5, 15, 52.5, 30]);
    expect(rounded(drawnPaths[12]!.points)).toEqual([[7.5, 27], [25.5, 45]]);
    // The top edge begins where the corner's curve ends: further along with a larger radius.
    expect(rounded(drawnPaths[0]!.points)[0]).toEqual([10.5, 135]);
    expect(rounded(sharp.points)[0]).toEqual([13.5, 105]);
  });

  it('draws a node\'s box, bar, icon and a second box together, each at its place, and text between them on top', async () => {
    const node = (x: number, y: number, barX: number): Shape => ({
      type: 'group', attributes: {}, children: [
        box(x, y, 100, 50, 8, { fill: '#ffffff', stroke: '#cbd5e1', strokeWidth: 1.5 }),
        box(x + barX, y, 5, 50, 2, { fill: '#7c3aed' }),
        { type: 'path', d: 'M0,0 L24,24', at: { x: x + 15, y: y + 11, scale: 1 }, stroke: '#ffffff', strokeWidth: 2 },
        { type: 'text', x: x + 42, y: y + 23, text: 'Name', size: 13, colour: '#0f172a' },
        box(x + 60, y + 30, 20, 10, 2, { fill: '#16a34a' }),
        { type: 'path', d: `M${x},${y + 60} L${x + 100},${y + 60}`, stroke: '#0f172a' },
        box(x + 70, y + 30, 20, 10, 2, { fill: '#dc2626' }),
      ],
    });
    const { drawn } = await page([node(0, 0, 0), node(200, 100, 0), node(200, 0, 50)]);
    const order = drawn.slice(1).map((d) => (d.kind === 'text' ? `text ${d.text}` : `${d.paint === 'S' ? d.stroke : d.fill} ${extent(d).join(' ')}`));
    const at = (x: number, y: number, barX: number) => {
      const p = (px: number, py: number) => `${px * 0.75} ${150 - py * 0.75}`;
      return [
        `#ffffff ${p(x, y + 50)} ${p(x + 100, y)}`,
        `#7c3aed ${p(x + barX, y + 50)} ${p(x + barX + 5, y)}`,
        `#ffffff ${p(x + 15, y + 35)} ${p(x + 39, y + 11)}`,
        'text Name',
        `#16a34a ${p(x + 60, y + 40)} ${p(x + 80, y + 30)}`,
        `#0f172a ${p(x, y + 60)} ${p(x + 100, y + 60)}`,
        `#dc2626 ${p(x + 70, y + 40)} ${p(x + 90, y + 30)}`,
      ];
    };
    expect(order).toEqual([...at(0, 0, 0), ...at(200, 100, 0), ...at(200, 0, 50)]);
    expect(texts(drawn).map((t) => [t.x, t.y])).toEqual([[31.5, 132.75], [181.5, 57.75], [181.5, 132.75]]);
  });
});

describe('a PDF page of a given paper', () => {
  const whole = box(0, 0, 400, 200, 0, { fill: '#ff0000' });

  it('scales the picture into A4 landscape inside a half-inch margin, centred', async () => {
    expect(pageFit({ width: 400, height: 200 }, 'a4')).toEqual(near({ width: 841.89, height: 595.28, scale: 1.924725, left: 36, top: 105.1675 }));
    const { width, height, drawn } = await page([whole], 'a4');
    expect([width, height]).toEqual([841.89, 595.28]);
    expect(extent(drawn[0] as DrawnPath)).toEqual([0, 0, 841.89, 595.28]);
    expect(extent(drawn[1] as DrawnPath)).toEqual(near([36, 105.168, 805.89, 490.113]));
  });

  it('scales a tall picture on Letter by its height, centred across', async () => {
    expect(pageFit({ width: 100, height: 400 }, 'letter')).toEqual(near({ width: 792, height: 612, scale: 1.35, left: 328.5, top: 36 }));
    const { drawn } = await page([box(0, 0, 100, 400, 0, { fill: '#ff0000' })], 'letter', { width: 100, height: 400 });
    expect(extent(drawn[1] as DrawnPath)).toEqual(near([328.5, 36, 463.5, 576]));
    expect(pageFit({ width: 400, height: 200 }, 'letter')).toEqual(near({ width: 792, height: 612, scale: 1.8, left: 36, top: 126 }));
  });

  it('draws a picture too large for a page at its own size smaller, to the 200-inch limit of PDF readers', async () => {
    expect(MAX_PAGE_PT).toBe(14_400);
    expect(pageFit({ width: 40_000, height: 100 }, 'fit')).toEqual(near({ width: 14_400, height: 36, scale: 0.36, left: 0, top: 0 }));
    expect(pageFit({ width: 100, height: 40_000 }, 'fit')).toEqual(near({ width: 36, height: 14_400, scale: 0.36, left: 0, top: 0 }));
    expect(pageFit({ width: 19_200, height: 100 }, 'fit').scale).toBe(0.75);
    const { width, height, drawn } = await page([box(0, 0, 40_000, 100, 0, { fill: '#ff0000' })], 'fit', { width: 40_000, height: 100 });
    expect([width, height]).toEqual([14_400, 36]);
    expect(extent(drawn[1] as DrawnPath)).toEqual([0, 0, 14_400, 36]);
  });
});
