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

  it('Mermaid keeps every quoted label closed, with markup characters as entity codes', async () => {
    const mmd = (await run('mermaid')) as string;
    for (const id of Object.keys(LABELS)) {
      // One quoted string per node (its name, then its kind on a second line): a stray quote would end it early and break the chart.
      expect(mmd).toMatch(new RegExp(`^\\s*n_${id}\\["[^"]*"\\]$`, 'm'));
    }
    expect(mmd).toContain('CLIP #34;ViT-B/32#34; #60;fp16#62;');
    expect(mmd).toContain('R#38;D gateway');
    expect(mmd).toMatch(/subgraph g_online\["Online #38; #34;hot#34; path"\]/);
  });

  it('draw.io stays valid XML and its HTML labels show the text, not markup', async () => {
    const drawio = (await run('drawio')) as string;
    expect(XMLValidator.validate(drawio)).toBe(true);
    const root = parser.parse(drawio).mxfile.diagram.mxGraphModel.root as { mxCell: { id: string; value?: string }[]; object: { id: string; label?: string }[] };
    // The label is HTML: markup of the page's own (<b>), the name's characters as entities.
    expect(root.object.find((c) => c.id === 'n_encoder')!.label).toContain('<b>CLIP &quot;ViT-B/32&quot; &lt;fp16&gt;</b>');
    expect(root.object.find((c) => c.id === 'n_gateway')!.label).toContain('<b>R&amp;D gateway</b>');
    expect(root.mxCell.find((c) => c.id === 'g_online')!.value).toBe('Online &amp; &quot;hot&quot; path');
    expect(parser.parse(drawio).mxfile.diagram.name).toBe(TITLE);
  });

  it('Excalidraw carries the labels as plain text', async () => {
    const scene = JSON.parse((await run('excalidraw')) as string) as { elements: { containerId?: string; text?: string }[] };
    for (const [id, label] of Object.entries(LABELS)) expect(scene.elements.find((e) => e.containerId === `n_${id}`)?.text).toContain(label);
  });

  it('Markdown shows the title as text and keeps a pipe in a label inside its table cell', async () => {
    const md = (await run('markdown')) as string;
    expect(md).toContain('# Search &amp; "rank" &lt;v2&gt;\n');
    expect(md).toMatch(/^\| Shard's \\\| index &amp; co \| Vector index \|/m);
  });
});
