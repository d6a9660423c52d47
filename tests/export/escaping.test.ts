import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { rasterize } from '../../cli/nodeServices';
import { exportDiagram, exportFormat } from '../../shared/export/registry';
import { loadDiagram } from '../../shared/model/load';
import type { Diagram } from '../../shared/model/schema';
import { fixturePath } from '../helpers';

// Labels people really type: ampersands, quotes, angle brackets and pipes must come out as text, never as markup.
const TITLE = 'Search & "rank" <v2>';
const LABELS: Record<string, string> = {
  gateway: 'R&D gateway',
  encoder: 'CLIP "ViT-B/32" <fp16>',
  ann: "Shard's | index & co",
};
const GROUP = 'Online & "hot" path';

function awkward(): Diagram {
  const result = loadDiagram(readFileSync(fixturePath('small-search.laid.mlsd.json'), 'utf8'));
  if (!result.ok) throw new Error('fixture invalid');
  const d = structuredClone(result.diagram);
  d.title = TITLE;
  for (const node of d.nodes) node.label = LABELS[node.id] ?? node.label;
  d.groups = d.groups!.map((g) => (g.id === 'online' ? { ...g, label: GROUP } : g));
  return d;
}

const run = async (id: string) => exportDiagram(awkward(), exportFormat(id)!, { rasterize });
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

describe('labels with markup characters in every export', () => {
  it('fixture has the awkward labels', () => {
    expect(awkward().nodes.filter((n) => n.id in LABELS)).toHaveLength(3);
  });

  it('SVG stays valid XML and shows each label as written', async () => {
    const svg = (await run('svg')) as string;
    expect(XMLValidator.validate(svg)).toBe(true);
    const parsed = parser.parse(svg).svg;
    expect(parsed.title).toBe(TITLE);
    const texts = JSON.stringify(parsed);
    for (const label of Object.values(LABELS)) expect(texts).toContain(JSON.stringify(label).slice(1, -1));
    expect(texts).toContain(JSON.stringify(GROUP.toUpperCase()).slice(1, -1));
  });

  it('PNG renders from that SVG', async () => {
    const png = PNG.sync.read(Buffer.from((await run('png')) as Uint8Array));
    expect(png.width).toBeGreaterThan(100);
  });

  it('Mermaid keeps every quoted label closed, with quotes as #quot;', async () => {
    const mmd = (await run('mermaid')) as string;
    for (const id of Object.keys(LABELS)) {
      const line = mmd.split('\n').find((l) => l.trimStart().startsWith(`n_${id}[`))!;
      // One quoted string per node: a stray quote would end it early and break the chart.
      expect(line).toMatch(new RegExp(`^\\s*n_${id}\\["[^"]*"\\]$`));
    }
    expect(mmd).toContain('CLIP #quot;ViT-B/32#quot;');
    expect(mmd).toMatch(/subgraph g_online\["Online & #quot;hot#quot; path"\]/);
  });

  it('draw.io stays valid XML and its HTML labels show the text, not markup', async () => {
    const drawio = (await run('drawio')) as string;
    expect(XMLValidator.validate(drawio)).toBe(true);
    const cells = parser.parse(drawio).mxfile.diagram.mxGraphModel.root.mxCell as { id: string; value?: string }[];
    expect(cells.find((c) => c.id === 'encoder')!.value).toContain('<b>CLIP &quot;ViT-B/32&quot; &lt;fp16&gt;</b>');
    expect(cells.find((c) => c.id === 'gateway')!.value).toContain('<b>R&amp;D gateway</b>');
    expect(cells.find((c) => c.id === 'group-online')!.value).toBe(GROUP);
    expect(parser.parse(drawio).mxfile.diagram.name).toBe(TITLE);
  });

  it('Excalidraw carries the labels as plain text', async () => {
    const scene = JSON.parse((await run('excalidraw')) as string) as { elements: { containerId?: string; text?: string }[] };
    for (const [id, label] of Object.entries(LABELS)) expect(scene.elements.find((e) => e.containerId === id)?.text).toContain(label);
  });

  it('Markdown keeps a pipe in a label inside its table cell', async () => {
    const md = (await run('markdown')) as string;
    expect(md).toContain(`# ${TITLE}\n`);
    expect(md).toMatch(/^\| Shard's \\\| index & co \| Vector index \|/m);
  });
});
