import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { rasterize } from '../../cli/nodeServices';
import { estimate } from '../../shared/estimator/estimate';
import { pictureOf } from '../../shared/export/geometry';
import { findKind } from '../../shared/kinds';
import { EXPORT_FORMATS, exportDiagram, exportFormat, selectionOf } from '../../shared/export/registry';
import { NODE_HEIGHT, NODE_WIDTH } from '../../shared/layout/elkGraph';
import { loadDiagram } from '../../shared/model/load';
import type { Diagram } from '../../shared/model/schema';
import { fixturePath } from '../helpers';

// What the export options and the figures change in each format, beyond the golden files of the default export.
const fixture = (): Diagram => {
  const result = loadDiagram(readFileSync(fixturePath('small-search.laid.mlsd.json'), 'utf8'));
  if (!result.ok) throw new Error('fixture invalid');
  return structuredClone(result.diagram);
};
const run = async (id: string, diagram = fixture(), options = {}) => (await exportDiagram(diagram, exportFormat(id)!, { rasterize }, options)) as string;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

/** The fixture with its re-ranker made a constant 35 ms on single-request replicas: 81 QPS offers 2.84 busy servers. */
function withRerankReplicas(replicas: number): Diagram {
  const d = fixture();
  const rerank = d.nodes.find((n) => n.id === 'rerank')!;
  rerank.latency = { p50Ms: 35, p99Ms: 35 };
  rerank.capacity = { replicas, concurrency: 1 };
  return d;
}

describe('the export formats', () => {
  it('are listed once each, with the file extension and type a save dialog needs', () => {
    expect(EXPORT_FORMATS.map((f) => [f.id, f.extension, f.mimeType, f.binary])).toEqual([
      ['svg', 'svg', 'image/svg+xml', false],
      ['png', 'png', 'image/png', true],
      ['pdf', 'pdf', 'application/pdf', true],
      ['markdown', 'md', 'text/markdown', false],
      ['mermaid', 'mmd', 'text/vnd.mermaid', false],
      ['drawio', 'drawio', 'application/vnd.jgraph.mxfile', false],
      ['excalidraw', 'excalidraw', 'application/vnd.excalidraw+json', false],
    ]);
    expect(EXPORT_FORMATS.filter((f) => f.takesTheme).map((f) => f.id)).toEqual(['svg', 'png', 'pdf']);
    expect(EXPORT_FORMATS.filter((f) => !f.takesFigures).map((f) => f.id)).toEqual(['markdown']);
    expect(new Set(EXPORT_FORMATS.map((f) => f.label)).size).toBe(EXPORT_FORMATS.length);
    expect(exportFormat('drawoi')).toBeUndefined();
  });

  it('a selection keeps only the groups its nodes use', () => {
    const picked = selectionOf(fixture(), new Set(['cache', 'rerank']));
    expect(picked.groups!.map((g) => g.id)).toEqual(['online']);
    expect(picked.edges.map((e) => e.id)).toEqual(['e5']);
    expect(selectionOf(fixture(), new Set(['images'])).groups!.map((g) => g.id)).toEqual(['offline']);
  });
});

/**
 * What a format shows, without the model's own fields it carries for import
 * (Mermaid's `%% mlsd` comments, draw.io's mlsd_ attributes, Excalidraw's
 * customData), which hold inputs such as replicas, not figures.
 */
function shown(format: string, out: string): string {
  if (format === 'mermaid') return out.split('\n').filter((line) => !line.trim().startsWith('%% mlsd')).join('\n');
  if (format === 'drawio') return out.replace(/ mlsd_\w+="[^"]*"/g, '');
  if (format === 'excalidraw') return JSON.stringify((JSON.parse(out) as { elements: Record<string, unknown>[] }).elements.map(({ customData: _model, ...rest }) => rest));
  return out;
}

describe('figures off', () => {
  it('every format that takes figures drops the rates and node figures, and keeps calls and edge labels', async () => {
    for (const id of ['svg', 'mermaid', 'drawio', 'excalidraw']) {
      const on = await run(id);
      const off = await run(id, fixture(), { figures: false });
      expect(on, id).toMatch(/648 QPS/);
      expect(shown(id, String(off)), id).not.toMatch(/QPS|replica/);
      expect(off, id).toMatch(/×8/);
      expect(off, id).toContain('8 shards');
      expect(off, id).toContain('uploads');
    }
  });

  it('a sequential fan-out says "in turn"', async () => {
    const d = fixture();
    d.edges.find((e) => e.id === 'e4')!.fanout = 'sequential';
    expect(await run('mermaid', d)).toContain('×8 in turn');
  });
});

describe('the pictures', () => {
  const colours = (svg: string) => [...svg.matchAll(/(?:fill|stroke)="([^"]*)"/g)].map((m) => m[1]!);

  it('dark and light use a full palette of real colours, and only the kind colours stay', async () => {
    const light = await run('svg');
    const dark = await run('svg', fixture(), { theme: 'dark' });
    for (const svg of [light, dark]) for (const c of colours(svg)) expect(c).toMatch(/^(#[0-9a-f]{6}|none)$/);
    // Same picture, same order of painted attributes: every theme colour changes, the kinds' own stay.
    const kinds = new Set([...fixture().nodes.map((n) => findKind(n.kind)!.colour), '#ffffff', 'none']);
    const [l, d] = [colours(light), colours(dark)];
    expect(d).toHaveLength(l.length);
    l.forEach((c, i) => {
      if (c === d[i]) expect(kinds.has(c), `${c} at ${i}`).toBe(true);
    });
    expect(l.filter((c, i) => c !== d[i]).length).toBeGreaterThan(l.length / 2);
    expect(dark).toContain('<rect width="100%" height="100%" fill="#0b1120"/>');
    expect(light).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
  });

  it('draws a utilization bar as wide as the load, coloured by its level', async () => {
    const d = fixture();
    // The bar is the node's path that is 3 units tall: M x,y h WIDTH v3 h -WIDTH Z.
    const bars = (svg: string) =>
      Object.fromEntries(
        (parser.parse(svg).svg.g as { class: string; 'data-node'?: string; path?: { d: string; fill?: string }[] | { d: string; fill?: string } }[])
          .filter((g) => g.class === 'node')
          .map((g) => {
            const bar = [g.path ?? []].flat().map((p) => ({ p, m: /^M[\d.-]+,[\d.-]+ h([\d.]+) v3 /.exec(p.d) })).find(({ m }) => m);
            return [g['data-node'], bar && { width: bar.m![1]!, fill: bar.p.fill! }];
          }),
      );
    const boxWidth = (diagram: Diagram, id: string) => pictureOf(diagram).nodes.find((n) => n.id === id)!.width;
    const svg = await run('svg', d);
    for (const node of estimate(d).nodes) {
      const bar = bars(svg)[node.id];
      if (node.utilization === null) {
        expect(bar, node.id).toBeUndefined();
        continue;
      }
      expect(Number(bar!.width)).toBeCloseTo((boxWidth(d, node.id) - 10) * Math.min(1, node.utilization), 6);
    }
    // The re-ranker loaded to each level in turn: 2.84 busy servers on 8, 4, 3 and 2 replicas.
    const fill = async (replicas: number) => bars(await run('svg', withRerankReplicas(replicas)))['rerank']!;
    expect((await fill(8)).fill).toBe('#16a34a');
    expect((await fill(4)).fill).toBe('#ca8a04');
    expect((await fill(3)).fill).toBe('#ea580c');
    const full = await fill(2);
    expect(full.fill).toBe('#dc2626');
    expect(Number(full.width)).toBe(boxWidth(withRerankReplicas(2), 'rerank') - 10);
  });
});

describe('the design document of a design in trouble', () => {
  it('shows unbounded latency, over-budget lines and every diagnostic', async () => {
    const d = withRerankReplicas(2);
    d.budgets = { p99Ms: 150, monthlyCostUsd: 10 };
    const md = await run('markdown', d);
    expect(md).toMatch(/^\| Users \| 116 QPS \| 57\.9 QPS \| ∞ \| ∞ \| ∞ \| ∞ \| ∞ \|$/m);
    expect(md).toMatch(/^- p99: .* against 150 ms: \*\*over budget\*\*$/m);
    expect(md).toMatch(/^- Cost: .*\/month against \$10\/month: \*\*over budget\*\*$/m);
    expect(md).toMatch(/^- \*\*error\*\* \(saturated\): "Re-ranker" is saturated/m);
    expect(md).toMatch(/^\| Re-ranker \| Service \| 81 QPS \| ∞ \| 2 \| 142% \|/m);
    expect(md).not.toContain('None: the design holds');
  });

  it('says so when nothing is wrong', async () => {
    const d = fixture();
    // A monitor watching the encoder clears the fixture's one warning; one call to the index keeps its figures analytic (no sampled-batch note).
    d.edges.push({ id: 'watch', source: 'encoder', target: 'monitor', mode: 'async' });
    d.edges.find((e) => e.id === 'e4')!.calls = 1;
    const md = await run('markdown', d);
    expect(md).toContain('## Diagnostics\n\nNone: the design holds at its stated load.\n');
    expect(md).toMatch(/^- p99: .* against 150 ms: within budget$/m);
  });
});
