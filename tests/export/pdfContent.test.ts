import { readFileSync } from 'node:fs';
import { inflateSync as inflate } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { rasterize } from '../../cli/nodeServices';
import { renderPdf } from '../../shared/export/pdf';
import { pathOperators } from '../../shared/export/pdfPath';
import type { RoundedBox, Shape } from '../../shared/export/scene';
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

describe('the PDF page content', () => {
  it('draws each node box, caption box and icon from one shared copy per size, a node\'s together, placed on the page for each', async () => {
    const diagram = structuredClone(fixture);
    // Many nodes of one kind and name length: their boxes and icons are the same few forms.
    const base = diagram.nodes[0]!;
    for (let i = 0; i < 40; i++) diagram.nodes.push({ ...structuredClone(base), id: `copy${i}`, label: `Copy ${i}`, position: { x: (i % 8) * 260, y: 900 + Math.floor(i / 8) * 120 } });
    const pageOf = async (d: typeof fixture) => (await PDFDocument.load((await exportDiagram(d, exportFormat('pdf')!, { rasterize })) as Uint8Array)).getPage(0).node;
    const formsOf = (page: Awaited<ReturnType<typeof pageOf>>) => page.Resources()!.lookup(PDFName.of('XObject'), PDFDict).keys().length;
    const page = await pageOf(diagram);
    expect(formsOf(await pageOf(fixture))).toBeGreaterThan(3);
    // The copies add no form of their own.
    expect(formsOf(page)).toBe(formsOf(await pageOf(fixture)));
    const contents = page.Contents()!;
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.context.lookup(ref) as PDFRawStream) : [contents as PDFRawStream];
    const content = streams.map((stream) => new TextDecoder().decode(inflate(stream.contents))).join('');
    // Each copy draws its box, colour bar, icon square and icon as one form, the same one for every copy.
    const copies = [...content.matchAll(/q\n1 0 0 1 [\d.]+ (9\d\d|1\d\d\d) cm\n(\/X\d+) Do\nQ\n/g)].map((m) => m[2]);
    expect(copies).toHaveLength(40);
    expect(new Set(copies).size).toBe(1);
    // Text stays text, upright in the page's flipped picture units.
    expect(content).toMatch(/BT\n\/F2 13 Tf\n1 0 0 -1 [\d.]+ [\d.]+ Tm\n<[0-9A-F]+> Tj\nET/);
  });
});

describe('the PDF\'s shared copies', () => {
  /** The forms a page of these shapes holds. */
  const formsFor = async (shapes: Shape[]) => {
    const bytes = await renderPdf({ width: 400, height: 300, title: 'forms', background: '#ffffff', shapes }, 'fit');
    return (await PDFDocument.load(bytes)).getPage(0).node.Resources()!.lookup(PDFName.of('XObject'), PDFDict).keys().length;
  };
  const box = (x: number, paint: Omit<Extract<Shape, { type: 'path' }>, 'type' | 'd' | 'box'>, size: Partial<RoundedBox> = {}): Shape => ({ type: 'path', d: '', box: { x, y: 10, width: 40, height: 20, r: 3, ...size }, ...paint });
  const icon = (x: number, paint: Omit<Extract<Shape, { type: 'path' }>, 'type' | 'd' | 'at'>, d = 'M0,0 L10,10'): Shape => ({ type: 'path', d, at: { x, y: 50, scale: 1 }, ...paint });

  it('draws boxes of one size and paint from one copy, dashes compared by their values', async () => {
    expect(await formsFor([box(0, { fill: '#ff0000', stroke: '#000000', strokeWidth: 1, dash: [6, 4] }), box(100, { fill: '#ff0000', stroke: '#000000', strokeWidth: 1, dash: [6, 4] })])).toBe(1);
  });

  it('makes a copy of its own for each size, corner and paint that differs', async () => {
    const paint = { fill: '#ff0000', stroke: '#000000', strokeWidth: 1 };
    expect(await formsFor([box(0, paint), box(100, paint, { height: 21 })])).toBe(2);
    expect(await formsFor([box(0, paint), box(100, paint, { r: 4 })])).toBe(2);
    expect(await formsFor([box(0, paint), box(100, { ...paint, fill: '#00ff00' })])).toBe(2);
    expect(await formsFor([box(0, paint), box(100, { ...paint, stroke: '#0000ff' })])).toBe(2);
    expect(await formsFor([box(0, paint), box(100, { ...paint, strokeWidth: 2 })])).toBe(2);
    expect(await formsFor([box(0, paint), box(100, { ...paint, dash: [2, 4] })])).toBe(2);
    expect(await formsFor([box(0, { ...paint, dash: [6, 4] }), box(100, { ...paint, dash: [2, 4] })])).toBe(2);
  });

  it('draws an icon\'s path from one copy per paint', async () => {
    const paint = { stroke: '#ffffff', strokeWidth: 2 };
    expect(await formsFor([icon(0, paint), icon(100, { ...paint })])).toBe(1);
    expect(await formsFor([icon(0, paint), icon(100, { ...paint, stroke: '#000000' })])).toBe(2);
    expect(await formsFor([icon(0, paint), icon(100, paint, 'M0,0 L10,12')])).toBe(2);
  });

  it('draws copies drawn together at the same places from one form of them all, and at other places from another', async () => {
    const paint = { fill: '#ff0000' };
    const placed = (x: number, y: number, scale: number): Shape => ({ type: 'path', d: 'M0,0 L10,10', at: { x, y, scale }, ...paint });
    const run = (x: number, iconX: number, scale = 1, iconY = 50): Shape => ({ type: 'group', attributes: {}, children: [box(x, paint), placed(iconX, iconY, scale)] });
    // The box's form and the icon's, then one form for each way the two are placed together.
    expect(await formsFor([run(0, 5), run(100, 105), run(200, 205)])).toBe(3);
    expect(await formsFor([run(0, 5), run(100, 106)])).toBe(4);
    expect(await formsFor([run(0, 5), run(100, 105, 2)])).toBe(4);
    expect(await formsFor([run(0, 5), run(100, 105), run(200, 206), run(300, 305), run(400, 406)])).toBe(4);
    // Places written the same (to a thousandth of a unit) are the same form.
    expect(await formsFor([run(0, 5), run(100, 105.0001)])).toBe(3);
    expect(await formsFor([run(0, 5), run(100, 105, 1, 51)])).toBe(4);
  });

  it('writes a content far larger than one compressed part whole, in order', async () => {
    const shapes: Shape[] = Array.from({ length: 4000 }, (_, i) => ({ type: 'text', x: i % 400, y: Math.floor(i / 400) * 20, text: `label ${i}`, size: 12, colour: '#000000' }));
    const page = (await PDFDocument.load(await renderPdf({ width: 400, height: 300, title: 'large', background: '#ffffff', shapes }, 'fit'))).getPage(0).node;
    const contents = page.Contents()!;
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.context.lookup(ref) as PDFRawStream) : [contents as PDFRawStream];
    expect(streams).toHaveLength(1);
    const content = new TextDecoder().decode(inflate(streams[0]!.contents));
    expect(content.length).toBeGreaterThan(100_000);
    const labels = [...content.matchAll(/<([0-9A-F]+)> Tj/g)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1'));
    expect(labels).toEqual(shapes.map((s) => (s.type === 'text' ? s.text : '')));
    expect(content.endsWith('Q\n')).toBe(true);
  });
});

describe('path data as PDF operators', () => {
  it('reads straight lines, absolute and relative, without pdf-lib', () => {
    expect(pathOperators('M1,2 L3,4 h5 v-6 Z')).toBe('1 2 m\n3 4 l\n8 4 l\n8 -2 l\nh\n');
    expect(pathOperators('M0.12345,1 H10 V2.5 l1,1 1,1')).toBe('0.123 1 m\n10 1 l\n10 2.5 l\n11 3.5 l\n12 4.5 l\n');
    expect(pathOperators('m 10 10 20 0')).toBe('10 10 m\n30 10 l\n');
  });

  it('turns arcs into curves', () => {
    const circle = pathOperators('M0,7 A7,7 0 1 0 14,7 A7,7 0 1 0 0,7 Z');
    expect(circle.match(/ c\n/g)!.length).toBe(4);
    expect(circle.startsWith('0 7 m\n')).toBe(true);
  });
});
