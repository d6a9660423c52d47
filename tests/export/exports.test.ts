import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { rasterize } from '../../cli/nodeServices';
import { exportDiagram, exportFormat } from '../../shared/export/registry';
import { PRINT_SCALE } from '../../shared/export/raster';
import { loadDiagram } from '../../shared/model/load';
import { fixturePath } from '../helpers';

const services = { rasterize };
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
    expect(svg).toContain('stroke-dasharray="6 4" marker-end="url(#arrow-async)"');
    expect(svg).toMatch(/116 QPS/);
    const plain = (await run('svg', { figures: false })) as string;
    expect(plain).not.toMatch(/QPS/);
    expect((await run('svg', { theme: 'dark' })) as string).toContain('fill="#0b1120"');
  });

  it('PNG: decodes to the picture at print resolution', async () => {
    const svg = (await run('svg')) as string;
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
    const png = PNG.sync.read(Buffer.from((await run('png')) as Uint8Array));
    expect([png.width, png.height]).toEqual([Number(w) * PRINT_SCALE, Number(h) * PRINT_SCALE]);
  });

  it('PDF: one page the size of the picture, the same bytes every time', async () => {
    const svg = (await run('svg')) as string;
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
    const bytes = (await run('pdf')) as Uint8Array;
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize()).toEqual({ width: Number(w) * 0.75, height: Number(h) * 0.75 });
    expect(pdf.getTitle()).toBe('Small image search');
    expect(Buffer.from((await run('pdf')) as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
  });

  it('Markdown: a design doc with the brief, diagram, tables, budgets, diagnostics and assumptions', async () => {
    const md = (await run('markdown')) as string;
    golden('small-search.md', md);
    for (const heading of ['# Small image search', '## The question', '## Requirements', '## Serving', '## Architecture', '## End-to-end latency', '## Components', '## Budgets', '## Diagnostics', '## Assumptions']) {
      expect(md).toContain(`${heading}\n`);
    }
    expect(md).toContain('```mermaid\nflowchart LR');
    for (const node of fixture.nodes) expect(md).toMatch(new RegExp(`^\\| ${node.label.replace(/[()]/g, '\\$&')} \\|`, 'm'));
    expect(md).toMatch(/\| ANN shard \| Vector index \| 648 QPS \| [\d.]+ ms \| \d+ \| [\d.]+% \| 30\.7 GB \| \$[\d.]+k? \|/);
  });

  it('Mermaid: every node in its subgraph and every edge, drawn by mode', async () => {
    const mmd = (await run('mermaid')) as string;
    golden('small-search.mmd', mmd);
    expect(mmd.startsWith('flowchart LR\n')).toBe(true);
    for (const node of fixture.nodes) expect(mmd).toContain(`n_${node.id}["${node.label}`);
    expect(mmd).toContain('n_gateway -.->|"async · 116 QPS"| n_logs');
    expect(mmd).toContain('n_images ==>|"offline"| n_indexer');
    expect(mmd.match(/-->|-\.->|==>/g)).toHaveLength(fixture.edges.length);
  });

  it('draw.io: valid mxGraph XML with positions, containers, labels and edge styles', async () => {
    const drawio = (await run('drawio')) as string;
    golden('small-search.drawio', drawio);
    expect(XMLValidator.validate(drawio)).toBe(true);
    const cells = xml.parse(drawio).mxfile.diagram.mxGraphModel.root.mxCell as { id: string; vertex?: string; edge?: string; parent: string; style?: string; value?: string; mxGeometry?: { x: string; y: string } }[];
    const vertices = cells.filter((c) => c.vertex === '1');
    expect(vertices.map((c) => c.id)).toEqual(['group-online', 'group-offline', ...fixture.nodes.map((n) => n.id)]);
    const ann = vertices.find((c) => c.id === 'ann')!;
    expect(ann.parent).toBe('group-online');
    expect(ann.value).toContain('<b>ANN shard</b>');
    const edges = cells.filter((c) => c.edge === '1');
    expect(edges).toHaveLength(fixture.edges.length);
    expect(edges.find((c) => c.id === 'edge-e6')!.style).toContain('dashed=1');
  });

  it('Excalidraw: boxes with bound labels and arrows bound at both ends', async () => {
    const text = (await run('excalidraw')) as string;
    golden('small-search.excalidraw', text);
    const scene = JSON.parse(text) as { type: string; elements: { id: string; type: string; text?: string; containerId?: string; startBinding?: { elementId: string }; endBinding?: { elementId: string }; strokeStyle?: string }[] };
    expect(scene.type).toBe('excalidraw');
    for (const node of fixture.nodes) {
      expect(scene.elements.find((e) => e.id === node.id)?.type).toBe('rectangle');
      expect(scene.elements.find((e) => e.containerId === node.id)?.text).toContain(node.label);
    }
    const arrows = scene.elements.filter((e) => e.type === 'arrow');
    expect(arrows.map((a) => [a.startBinding?.elementId, a.endBinding?.elementId])).toEqual(fixture.edges.map((e) => [e.source, e.target]));
    expect(arrows.find((a) => a.id === 'edge-e8')!.strokeStyle).toBe('dotted');
  });

  it('exports only the selection, with the whole diagram\'s figures', async () => {
    const svg = (await run('svg', { only: new Set(['cache', 'ann', 'rerank']) })) as string;
    const groups = xml.parse(svg).svg.g as { class: string; 'data-node'?: string; 'data-edge'?: string }[];
    expect(groups.filter((g) => g.class === 'node').map((g) => g['data-node'])).toEqual(['cache', 'ann', 'rerank']);
    expect(groups.filter((g) => g.class === 'edge').map((g) => g['data-edge'])).toEqual(['e4', 'e5']);
    expect(svg).toContain('648 QPS');
  });
});
