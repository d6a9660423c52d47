import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import { renderDrawio } from '../../shared/export/drawio';
import { renderExcalidraw } from '../../shared/export/excalidraw';
import { importDiagram, reportLines, type ImportResult } from '../../shared/import';
import { MAX_IMPORT_ELEMENTS } from '../../shared/import/limits';
import { loadDiagramValue } from '../../shared/model/load';
import type { Diagram } from '../../shared/model/schema';
import { fixturePath } from '../helpers';

const fixture = (name: string) => readFileSync(fixturePath(`import/${name}`), 'utf8');

/** The import's diagram after the file format's checks, and its report as a person reads it. */
async function valid(text: string, page?: string): Promise<{ diagram: Diagram; lines: string[] }> {
  const result: ImportResult = await importDiagram(text, page === undefined ? {} : { page });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const loaded = loadDiagramValue(result.diagram);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return { diagram: loaded.diagram, lines: reportLines(result.report) };
}

/** draw.io's compressed form of a page: URI-encoded, raw-deflated, base64. */
const compress = (xml: string) => deflateRawSync(Buffer.from(encodeURIComponent(xml), 'latin1')).toString('base64');

describe('a draw.io file drawn by hand, compressed, two pages', () => {
  const file = fixture('search-ranking.drawio');

  it('reads the first page by default and lists both', async () => {
    const { diagram, lines } = await valid(file);
    expect(diagram.nodes.map((n) => [n.label, n.kind])).toEqual([['Client app', 'traffic'], ['Search backend', 'service']]);
    expect(diagram.annotations).toEqual([{ id: 'text-title', kind: 'text', text: 'Search ranking: overview', position: { x: 40, y: 20 } }]);
    expect(lines[0]).toBe('page 1 of 2 read ("Overview"); pages: 1 "Overview", 2 "Serving"');
  });

  it('reads a page chosen by name or number into an estimable diagram, each guess reported', async () => {
    const { diagram, lines } = await valid(file, 'Serving');
    expect((await valid(file, '2')).diagram).toEqual(diagram);
    expect(diagram.nodes.map((n) => [n.id, n.kind, n.label, n.group, n.position])).toEqual([
      ['users', 'traffic', 'Users', undefined, { x: 20, y: 200 }],
      ['lb', 'gateway', 'Load balancer', undefined, { x: 120, y: 200 }],
      ['svc', 'service', 'Query & rank service', 'online', { x: 320, y: 200 }],
      ['redis', 'cache', 'Redis', 'online', { x: 500, y: 110 }],
      ['es', 'searchIndex', 'Elasticsearch', 'online', { x: 500, y: 200 }],
      ['rank', 'model', 'LightGBM re-ranker', 'online', { x: 500, y: 290 }],
      ['pg', 'database', 'Documents', 'online', { x: 700, y: 200 }],
      ['blob', 'service', 'Mystery box', undefined, { x: 900, y: 200 }],
    ]);
    expect(diagram.groups).toEqual([{ id: 'online', label: 'Online serving' }]);
    expect(diagram.edges.map((e) => [e.source, e.target, e.mode ?? 'sync', e.label])).toEqual([
      ['users', 'lb', 'sync', undefined], ['lb', 'svc', 'sync', 'query'], ['svc', 'redis', 'sync', undefined], ['svc', 'es', 'sync', undefined],
      ['svc', 'rank', 'sync', 'top 200'], ['es', 'pg', 'sync', undefined], ['rank', 'blob', 'async', 'click logs'], ['blob', 'rank', 'offline', 'feedback'],
    ]);
    expect(lines).toEqual(expect.arrayContaining([
      '"Redis" is a Cache (from "Redis" in its label), with the palette\'s default figures',
      '"Documents" is a Database (from its shape (cylinder)), with the palette\'s default figures',
      '"Mystery box" is a Service (nothing in its label or shape names a kind), with the palette\'s default figures',
      'connector "e9" is not attached at both ends, left out',
      'arrow "Mystery box" -> "LightGBM re-ranker" closes a loop of calls: made offline (only offline work may loop)',
    ]));
    const figures = estimate(diagram);
    expect(figures.entries.length).toBe(1);
    expect(figures.nodes.find((n) => n.id === 'rank')!.qps.peak).toBeGreaterThan(0);
    expect(figures.entries[0]!.latencyMs!.p99).toBeGreaterThan(0);
  });

  it('names the pages when the one asked for is not there', async () => {
    expect(await importDiagram(file, { page: 'Training' })).toEqual({ ok: false, problems: ['no page "Training": the file\'s pages are 1 "Overview", 2 "Serving"'] });
    expect(await importDiagram(file, { page: '3' })).toMatchObject({ ok: false });
  });

  it('reads the diagram draw.io embeds in an exported SVG', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" content="${file.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"><rect/></svg>`;
    expect((await valid(svg, 'Serving')).diagram.nodes).toHaveLength(8);
  });

  it('refuses a compressed page that expands without end, and a page with too many cells', async () => {
    const bomb = deflateRawSync(Buffer.alloc(60_000_000, 0x41)).toString('base64');
    expect(await importDiagram(`<mxfile><diagram name="Big">${bomb}</diagram></mxfile>`)).toEqual({ ok: false, problems: ['page 1 "Big": the compressed diagram cannot be inflated: it expands past 50 MB'] });
    const cells = Array.from({ length: MAX_IMPORT_ELEMENTS + 1 }, (_, i) => `<mxCell id="c${i}" value="n" vertex="1" parent="1"/>`).join('');
    expect(await importDiagram(`<mxfile><diagram name="Many">${compress(`<mxGraphModel><root>${cells}</root></mxGraphModel>`)}</diagram></mxfile>`)).toEqual({ ok: false, problems: ['20,001 cells: at most 20,000 are imported'] });
  });

  it('keeps every number an MLSD Studio export still carries after it was edited in draw.io and compressed', async () => {
    const diagram = blueprint('news-feed')!;
    const xml = renderDrawio({ diagram, estimate: estimate(diagram), figures: true });
    const model = /<mxGraphModel[\s\S]*<\/mxGraphModel>/.exec(xml)![0];
    const added = model.replace('</root>', '<mxCell id="extra" value="Redis cache" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="5000" y="10" width="120" height="60" as="geometry"/></mxCell></root>');
    const { diagram: back, lines } = await valid(`<mxfile><diagram name="Edited">${compress(added)}</diagram></mxfile>`);
    expect(back.nodes.filter((n) => n.id !== 'extra')).toEqual(diagram.nodes);
    expect(back.nodes.find((n) => n.id === 'extra')).toMatchObject({ id: 'extra', kind: 'cache', label: 'Redis cache', position: { x: 5000, y: 10 } });
    expect(lines[0]).toBe(`${diagram.nodes.length} nodes kept their kind and figures from MLSD Studio's metadata`);
  });
});

describe('an Excalidraw scene drawn by hand', () => {
  it('reads shapes with bound or enclosed text, arrows, frames and groups, keeping positions', async () => {
    const { diagram, lines } = await valid(fixture('recsys-sketch.excalidraw'));
    expect(diagram.nodes.map((n) => [n.id, n.kind, n.label, n.group, n.position])).toEqual([
      ['mobile-users', 'traffic', 'Mobile users', undefined, { x: 40, y: 180 }],
      ['api-gateway', 'gateway', 'API gateway', 'online-serving', { x: 330, y: 170 }],
      ['feature-store-feast', 'featureStore', 'Feature store (Feast)', 'online-serving', { x: 620, y: 80 }],
      ['two-tower-retrieval-model', 'model', 'Two-tower retrieval model', 'online-serving', { x: 620, y: 260 }],
      ['kafka', 'queue', 'Kafka', 'streaming-features', { x: 330, y: 520 }],
      ['flink-job', 'streamProcessor', 'Flink job', 'streaming-features', { x: 560, y: 520 }],
      ['thingamajig', 'service', 'Thingamajig', undefined, { x: 950, y: 260 }],
    ]);
    expect(diagram.groups).toEqual([{ id: 'online-serving', label: 'Online serving' }, { id: 'streaming-features', label: 'Streaming features' }]);
    expect(diagram.edges.map((e) => [e.source, e.target, e.mode ?? 'sync', e.label])).toEqual([
      ['mobile-users', 'api-gateway', 'sync', undefined],
      ['api-gateway', 'feature-store-feast', 'sync', 'features'],
      ['api-gateway', 'two-tower-retrieval-model', 'sync', undefined],
      ['api-gateway', 'kafka', 'async', 'events'],
      ['kafka', 'flink-job', 'sync', undefined],
      ['flink-job', 'feature-store-feast', 'offline', undefined],
      // Drawn with its only head at the start: the call goes the other way.
      ['two-tower-retrieval-model', 'thingamajig', 'sync', undefined],
    ]);
    expect(diagram.annotations).toEqual([{ id: 'text-todo-add-monitoring-and-a-model-registry', kind: 'text', text: 'TODO: add monitoring\nand a model registry', position: { x: 40, y: 640 } }]);
    expect(lines).toEqual(expect.arrayContaining([
      '"Two-tower retrieval model" is a Model (from "Model" in its label), with the palette\'s default figures',
      '"Thingamajig" is a Service (nothing in its label or shape names a kind), with the palette\'s default figures',
      'arrow "a5" is not bound at its end: joined to the shape under it',
      '1 element other than shapes, arrows, text and frames left out (line)',
    ]));
    expect(estimate(diagram).nodes.find((n) => n.id === 'feature-store-feast')!.qps.peak).toBeGreaterThan(0);
  });

  it('makes a guessed Traffic with arrows into it a Service, and drops an arrow from a shape to itself', async () => {
    const box = (id: string, x: number) => ({ id, type: 'rectangle', x, y: 0, width: 100, height: 50, boundElements: [{ type: 'text', id: `${id}t` }] });
    const label = (id: string, text: string) => ({ id: `${id}t`, type: 'text', x: 0, y: 0, width: 10, height: 10, text, containerId: id });
    const arrow = (id: string, from: string, to: string) => ({ id, type: 'arrow', x: 0, y: 0, width: 1, height: 1, points: [[0, 0], [1, 1]], startBinding: { elementId: from }, endBinding: { elementId: to } });
    const scene = { type: 'excalidraw', elements: [box('a', 0), label('a', 'Clients'), box('b', 200), label('b', 'Users'), arrow('x', 'a', 'b'), arrow('y', 'a', 'a')] };
    const { diagram, lines } = await valid(JSON.stringify(scene));
    expect(diagram.nodes.map((n) => [n.label, n.kind])).toEqual([['Clients', 'traffic'], ['Users', 'service']]);
    expect(diagram.edges).toEqual([{ id: 'e1', source: 'clients', target: 'users' }]);
    expect(lines).toEqual(expect.arrayContaining([
      'arrow "Clients" -> "Clients" goes from a node to itself, left out',
      '"Users" looks like Traffic, but arrows point into it: made a Service (load only leaves an entry)',
    ]));
  });
});

describe('an MLSD Studio Excalidraw export edited in Excalidraw', () => {
  it('keeps the numbers, and takes the new place, the new label and an added box', async () => {
    const diagram = blueprint('video-recommendation')!;
    const scene = JSON.parse(renderExcalidraw({ diagram, estimate: estimate(diagram), figures: true })) as { elements: Record<string, any>[] };
    const first = diagram.nodes[0]!;
    const rect = scene.elements.find((e) => e.customData?.mlsdId === first.id)!;
    rect.x += 40;
    // Excalidraw keeps the text as typed in originalText and wrapped to the box in text.
    Object.assign(scene.elements.find((e) => e.containerId === rect.id)!, { text: 'Renamed in\nExcalidraw\nTraffic', originalText: 'Renamed in Excalidraw\nTraffic' });
    scene.elements.push({ id: 'new1', type: 'ellipse', x: 3000, y: 40, width: 100, height: 60 }, { id: 'new1t', type: 'text', x: 3010, y: 50, width: 80, height: 20, text: 'Milvus', containerId: 'new1' });
    const { diagram: back } = await valid(JSON.stringify(scene));
    expect(back.title).toBe(diagram.title);
    expect(back.budgets).toEqual(diagram.budgets);
    expect(back.nodes[0]).toEqual({ ...first, label: 'Renamed in Excalidraw', position: { x: first.position!.x + 40, y: first.position!.y } });
    expect(back.nodes.slice(1, -1)).toEqual(diagram.nodes.slice(1));
    expect(back.nodes.at(-1)).toMatchObject({ kind: 'vectorIndex', label: 'Milvus', position: { x: 3000, y: 40 } });
    expect(back.edges).toEqual(diagram.edges);
  });
});
