import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { rasterize } from '../../cli/nodeServices';
import { routeMidpoint } from '../../shared/export/drawio';
import { pictureOf } from '../../shared/export/geometry';
import { edgeGeometry } from '../../shared/layout/edgeGeometry';
import { exportDiagram, exportFormat } from '../../shared/export/registry';
import { PRINT_SCALE } from '../../shared/export/raster';
import { loadDiagram } from '../../shared/model/load';
import { fixturePath } from '../helpers';

const services = { rasterize };

/** The data of a PNG chunk that holds a resolution (pHYs), read from the bytes. */
function pngChunk(png: Buffer, type: 'pHYs'): { xPerMetre: number; yPerMetre: number; unit: number } | undefined {
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    if (png.toString('latin1', at + 4, at + 8) === type) return { xPerMetre: png.readUInt32BE(at + 8), yPerMetre: png.readUInt32BE(at + 12), unit: png[at + 16]! };
  }
  return undefined;
}
const fixture = (() => {
  const result = loadDiagram(readFileSync(fixturePath('small-search.laid.mlsd.json'), 'utf8'));
  if (!result.ok) throw new Error('fixture invalid');
  return result.diagram;
})();
const run = async (id: string, options = {}) => exportDiagram(fixture, exportFormat(id)!, services, options);
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

/** Compares with the golden file (UPDATE_GOLDEN=1 rewrites it after a deliberate change). */
function golden(name: string, actual: string): void {
  const path = new URL(`../golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(existsSync(path), `missing golden file ${name}: run with UPDATE_GOLDEN=1 once`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('exports of the fixture diagram', () => {
  it('SVG: valid XML with every node, edge and group, figures on, and a dark theme', async () => {
    const svg = (await run('svg')) as string;
    golden('small-search.svg', svg);
    expect(XMLValidator.validate(svg)).toBe(true);
    const groups = xml.parse(svg).svg.g as { class: string; 'data-node'?: string; 'data-edge'?: string; 'data-mode'?: string }[];
    expect(groups.filter((g) => g.class === 'node').map((g) => g['data-node'])).toEqual(fixture.nodes.map((n) => n.id));
    expect(groups.filter((g) => g.class === 'edge').map((g) => g['data-edge'])).toEqual(fixture.edges.map((e) => e.id));
    expect(groups.filter((g) => g.class === 'group')).toHaveLength(2);
    expect(svg).toMatch(/<g class="edge" data-edge="e6" data-mode="async">\n<title>async · 116 QPS|<path d="[^"]+" fill="none" stroke="#7c3aed" stroke-width="1.6" stroke-dasharray="6 4"\/>/);
    expect(svg).toMatch(/116 QPS/);
    // Title block and legend.
    expect(svg).toContain('>Small image search</text>');
    expect(svg).toMatch(/>Users: peak 116 QPS · p50 [\d.]+ ms · p99 [\d.]+ ms against a p99 budget of 150 ms \(within\)</);
    expect(svg).toMatch(/>Monthly cost \$[\d.]+k against a budget of \$50k \(within\)</);
    expect(svg).toMatch(/>Total storage [\d.]+ TB</);
    for (const legend of ['sync (caller waits)', 'async (queued)', 'offline (batch data)', 'up to 60%', 'saturated']) expect(svg).toContain(`>${legend}</text>`);
    // Stage markers where a caller runs its calls in stages.
    expect(svg).toMatch(/data-edge="e4" data-mode="sync" data-stage="\d"/);
    const plain = (await run('svg', { figures: false })) as string;
    expect(plain).not.toMatch(/QPS/);
    expect(plain).toContain('>sync (caller waits)</text>');
    expect((await run('svg', { theme: 'dark' })) as string).toContain('fill="#0b1120"');
  });

  it('PNG: decodes to the picture at print resolution and records 300 dpi', async () => {
    const svg = (await run('svg')) as string;
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
    const bytes = Buffer.from((await run('png')) as Uint8Array);
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([Math.round(Number(w) * PRINT_SCALE), Math.round(Number(h) * PRINT_SCALE)]);
    expect(pngChunk(bytes, 'pHYs')).toEqual({ xPerMetre: 11811, yPerMetre: 11811, unit: 1 });
  });

  it('PDF: vector, one page the size of the picture or of the paper asked, the same bytes every time', async () => {
    const svg = (await run('svg')) as string;
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
    const bytes = (await run('pdf')) as Uint8Array;
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize()).toEqual({ width: Number(w) * 0.75, height: Number(h) * 0.75 });
    expect(pdf.getTitle()).toBe('Small image search');
    expect(Buffer.from((await run('pdf')) as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
    // Drawn with paths and text in a standard font, not an embedded picture.
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).not.toMatch(/\/Subtype\s*\/Image/);
    expect(text).toMatch(/\/BaseFont\s*\/Helvetica/);
    const a4 = await PDFDocument.load((await run('pdf', { paper: 'a4' })) as Uint8Array);
    expect(a4.getPage(0).getSize()).toEqual({ width: 841.89, height: 595.28 });
    const letter = await PDFDocument.load((await run('pdf', { paper: 'letter' })) as Uint8Array);
    expect(letter.getPage(0).getSize()).toEqual({ width: 792, height: 612 });
  });

  it('Markdown: a design doc with the brief, diagram, tables, budgets, diagnostics and assumptions', async () => {
    const md = (await run('markdown')) as string;
    golden('small-search.md', md);
    for (const heading of ['# Small image search', '## The question', '## Requirements', '## Serving', '## Architecture', '## End-to-end latency', '## Components', '## Budgets', '## Diagnostics', '## Assumptions']) {
      expect(md).toContain(`${heading}\n`);
    }
    expect(md).toContain('```mermaid\nflowchart LR');
    for (const node of fixture.nodes) expect(md).toMatch(new RegExp(`^\\| ${node.label.replace(/[()]/g, '\\$&')} \\|`, 'm'));
    expect(md).toContain('## Notes\n\n| Component | Notes |\n| --- | --- |\n| Re-ranker | Filters near-duplicates and unsafe images. |');
    expect(md).toMatch(/\| ANN shard \| Vector index \| 648 QPS \| [\d.]+ ms \| \d+ \| [\d.]+% \| 30\.7 GB \| \$[\d.]+k? \|/);
  });

  it('Mermaid: every node in its subgraph and every edge, drawn by mode', async () => {
    const mmd = (await run('mermaid')) as string;
    golden('small-search.mmd', mmd);
    expect(mmd.startsWith('flowchart LR\n')).toBe(true);
    for (const node of fixture.nodes) expect(mmd).toContain(`n_${node.id}["${node.label}\n`);
    expect(mmd).toContain('n_gateway -.->|"async · 116 QPS"| n_logs');
    expect(mmd).toContain('n_images ==>|"offline"| n_indexer');
    expect(mmd.match(/-->|-\.->|==>/g)).toHaveLength(fixture.edges.length);
  });

  it('draw.io: valid mxGraph XML with positions, containers, labels and edge styles', async () => {
    const drawio = (await run('drawio')) as string;
    golden('small-search.drawio', drawio);
    expect(XMLValidator.validate(drawio)).toBe(true);
    type Cell = { id: string; vertex?: string; edge?: string; parent: string; style?: string; value?: string; mxGeometry?: { x: string; y: string; Array?: { mxPoint: { x: string; y: string }[] } } };
    const root = xml.parse(drawio).mxfile.diagram.mxGraphModel.root as { mxCell: Cell[]; object: { id: string; label: string; tooltip?: string; mlsd_node?: string; mxCell: Cell }[] };
    expect(root.mxCell.filter((c) => c.vertex === '1').map((c) => c.id)).toEqual(['g_online', 'g_offline']);
    const vertices = root.object.filter((o) => o.mxCell.vertex === '1');
    expect(vertices.map((o) => o.id)).toEqual(fixture.nodes.map((n) => `n_${n.id}`));
    const ann = vertices.find((o) => o.id === 'n_ann')!;
    expect(ann.mxCell.parent).toBe('g_online');
    expect(ann.label).toContain('<b>ANN shard</b>');
    expect(JSON.parse(ann.mlsd_node!)).toMatchObject({ kind: 'vectorIndex', latency: fixture.nodes.find((n) => n.id === 'ann')!.latency });
    expect(vertices.find((o) => o.id === 'n_rerank')!.tooltip).toBe('Filters near-duplicates and unsafe images.');
    const edges = root.object.filter((o) => o.mxCell.edge === '1');
    expect(edges.map((o) => o.id)).toEqual(fixture.edges.map((e) => `e_${e.id}`));
    const e6 = edges.find((o) => o.id === 'e_e6')!.mxCell;
    expect(e6.style).toContain('dashed=1');
    // The route: leaves a side of the caller, enters a side of the callee, through the picture's bends.
    expect(e6.style).toMatch(/exitX=[01];exitY=[\d.]+;.*entryX=[01];entryY=[\d.]+;/);
    const route = pictureOf(fixture).edges.find((e) => e.edge.id === 'e6')!.points;
    expect([e6.mxGeometry?.Array?.mxPoint ?? []].flat()).toHaveLength(route.length - 2);
  });

  it('draw.io: each caption sits at the centre of the box the layout kept for it', async () => {
    type Point = { x: string; y: string; as?: string };
    type Geometry = { x?: string; y?: string; width?: string; height?: string; Array?: { mxPoint: Point | Point[] }; mxPoint?: Point };
    type Cell = { id?: string; parent: string; style?: string; source?: string; target?: string; mxGeometry: Geometry };
    const root = xml.parse((await run('drawio')) as string).mxfile.diagram.mxGraphModel.root as { mxCell: Cell[]; object: { id: string; label: string; mxCell: Cell }[] };
    const groups = new Map(root.mxCell.filter((c) => c.id?.startsWith('g_')).map((c) => [c.id!, c.mxGeometry]));
    const boxes = new Map(root.object.filter((o) => !o.mxCell.source && o.mxCell.mxGeometry?.width).map((o) => {
      const g = o.mxCell.mxGeometry;
      const parent = groups.get(o.mxCell.parent);
      return [o.id, { x: Number(g.x ?? 0) + Number(parent?.x ?? 0), y: Number(g.y ?? 0) + Number(parent?.y ?? 0), width: Number(g.width), height: Number(g.height) }];
    }));
    // Where draw.io draws a label: halfway along the edge by length (geometry x = 0), moved by the offset point.
    const drawnAt = (cell: Cell) => {
      const from = boxes.get(cell.source!)!;
      const to = boxes.get(cell.target!)!;
      const style = (key: string) => Number(new RegExp(`${key}=([\\d.]+);`).exec(cell.style!)![1]);
      const points = [
        { x: from.x + style('exitX') * from.width, y: from.y + style('exitY') * from.height },
        ...[cell.mxGeometry.Array?.mxPoint ?? []].flat().map((p) => ({ x: Number(p.x), y: Number(p.y) })),
        { x: to.x + style('entryX') * to.width, y: to.y + style('entryY') * to.height },
      ];
      const lengths = points.slice(1).map((b, i) => Math.hypot(b.x - points[i]!.x, b.y - points[i]!.y));
      let left = lengths.reduce((a, b) => a + b, 0) / 2;
      let i = 0;
      while (left > lengths[i]!) left -= lengths[i++]!;
      const t = lengths[i] ? left / lengths[i]! : 0;
      const offset = cell.mxGeometry.mxPoint!;
      expect(offset.as).toBe('offset');
      expect(Number(cell.mxGeometry.x ?? 0)).toBe(0);
      return { x: points[i]!.x + (points[i + 1]!.x - points[i]!.x) * t + Number(offset.x), y: points[i]!.y + (points[i + 1]!.y - points[i]!.y) * t + Number(offset.y) };
    };
    const captioned = new Set(root.object.filter((o) => o.mxCell.source && o.label !== '').map((o) => o.id));
    const kept = edgeGeometry(fixture).filter((g) => g.label && captioned.has(`e_${g.edge.id}`));
    expect(kept.length).toBeGreaterThan(3);
    let offCentre = 0;
    for (const { edge, label } of kept) {
      const at = drawnAt(root.object.find((o) => o.id === `e_${edge.id}`)!.mxCell);
      expect(at.x).toBeCloseTo(label!.x + label!.width / 2, -0.5);
      expect(at.y).toBeCloseTo(label!.y + label!.height / 2, -0.5);
      const middle = routeMidpoint(pictureOf(fixture).edges.find((e) => e.edge.id === edge.id)!.points);
      offCentre += Math.abs(label!.x + label!.width / 2 - middle.x) + Math.abs(label!.y + label!.height / 2 - middle.y);
    }
    // Some captions are kept away from the route's middle, so draw.io's default place would be wrong.
    expect(offCentre).toBeGreaterThan(10);
  });

  it('Excalidraw: boxes with bound labels and arrows bound at both ends', async () => {
    const text = (await run('excalidraw')) as string;
    golden('small-search.excalidraw', text);
    const scene = JSON.parse(text) as { type: string; elements: { id: string; type: string; text?: string; containerId?: string; startBinding?: { elementId: string }; endBinding?: { elementId: string }; strokeStyle?: string; points?: number[][]; customData?: Record<string, unknown> }[] };
    expect(scene.type).toBe('excalidraw');
    for (const node of fixture.nodes) {
      expect(scene.elements.find((e) => e.id === `n_${node.id}`)?.type).toBe('rectangle');
      expect(scene.elements.find((e) => e.containerId === `n_${node.id}`)?.text).toContain(node.label);
    }
    const { id: _id, label, group, ...rerank } = fixture.nodes.find((n) => n.id === 'rerank')!;
    expect(scene.elements.find((e) => e.id === 'n_rerank')!.customData).toEqual({ mlsdId: 'rerank', mlsdLabel: label, ...(group && { mlsdInGroup: group }), ...rerank });
    const arrows = scene.elements.filter((e) => e.type === 'arrow');
    expect(arrows.map((a) => [a.startBinding?.elementId, a.endBinding?.elementId])).toEqual(fixture.edges.map((e) => [`n_${e.source}`, `n_${e.target}`]));
    const e8 = arrows.find((a) => a.id === 'e_e8')!;
    expect(e8.strokeStyle).toBe('dotted');
    // The arrow follows the picture's route, relative to its start.
    const route = pictureOf(fixture).edges.find((e) => e.edge.id === 'e8')!.points;
    expect(e8.points).toEqual(route.map((p) => [p.x - route[0]!.x, p.y - route[0]!.y]));
  });

  it('exports only the selection, with the whole diagram\'s figures', async () => {
    const svg = (await run('svg', { only: new Set(['cache', 'ann', 'rerank']) })) as string;
    const groups = xml.parse(svg).svg.g as { class: string; 'data-node'?: string; 'data-edge'?: string }[];
    expect(groups.filter((g) => g.class === 'node').map((g) => g['data-node'])).toEqual(['cache', 'ann', 'rerank']);
    expect(groups.filter((g) => g.class === 'edge').map((g) => g['data-edge'])).toEqual(['e4', 'e5']);
    expect(svg).toContain('648 QPS');
  });
});

describe('a diagram whose text and ids are hostile', () => {
  const hostile = (() => {
    const result = loadDiagram(readFileSync(fixturePath('hostile.mlsd.json'), 'utf8'));
    if (!result.ok) throw new Error('hostile fixture invalid');
    return result.diagram;
  })();
  const render = async (id: string) => (await exportDiagram(hostile, exportFormat(id)!, services)) as string;

  it('SVG and draw.io are well-formed XML with no markup from labels', async () => {
    for (const id of ['svg', 'drawio']) {
      const out = await render(id);
      expect(XMLValidator.validate(out), id).toBe(true);
      expect(out, id).not.toMatch(/<(script|img|svg onload|iframe)[\s>]/i);
    }
    const svg = await render('svg');
    expect(svg).toContain('Users &lt;script&gt;window.__hostile=1&lt;/script&gt; &amp; &quot;friends&quot;');
  });

  it('draw.io labels are HTML-escaped inside the XML, and every cell id is unique and prefixed', async () => {
    const drawio = await render('drawio');
    // The XML attribute holds "&lt;img" escaped once more: the HTML label shows the text, never an element.
    expect(drawio).toContain('Gate &amp;lt;img src=x onerror=&amp;quot;window.__hostile=1&amp;quot;&amp;gt;');
    const ids = [...drawio.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['n_filter', 'n_map', 'n_constructor', 'n_group_honline', 'g_online', 'e_edge_he1', 'n_edge_he1', 'e_group_honline', 'n_a_hb', 'n_a__b']));
  });

  it('Excalidraw element ids are unique', async () => {
    const scene = JSON.parse(await render('excalidraw')) as { elements: { id: string }[] };
    const ids = scene.elements.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('Mermaid keeps a-b and a_b apart and writes syntax characters as entity codes', async () => {
    const mmd = await render('mermaid');
    expect(mmd).toContain('n_a_hb["Features a-b #60;b#62;x#60;/b#62;\nFeature store"]');
    expect(mmd).toContain('n_a__b["Features a#95;b #38;amp#59; #38;lt#59;\nFeature store"]');
    const drawn = mmd.split('\n').filter((line) => !line.trim().startsWith('%% mlsd '));
    expect(drawn.join('\n')).not.toMatch(/`|%%|<script|<img/);
    // The comments carry the model's fields as JSON with every risky character escaped.
    expect(mmd).toContain('%% mlsd edge e_e6 {"mode":"async","label":"\\u003cscript\\u003ewindow.__hostile=1\\u003c/script\\u003e"}');
  });

  it('Markdown has no raw HTML from the diagram and no fence left open', async () => {
    const md = await render('markdown');
    expect(md).not.toMatch(/<(script|img|iframe|details|svg)/i);
    expect(md).toContain('# Hostile &lt;script&gt;window.\\_\\_hostile=1&lt;/script&gt; &amp; "title" \\`\\`\\` \\]\\]&gt; --&gt;\n');
    const fences = md.split('\n').filter((line) => /^(`{3,}|~{3,})/.test(line));
    expect(fences.length % 2).toBe(0);
  });
});
