import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rasterize } from '../../cli/nodeServices';
import { estimate } from '../../shared/estimator/estimate';
import { exportDiagram, exportFormat } from '../../shared/export/registry';
import { pictureOf } from '../../shared/export/geometry';
import { importDiagram } from '../../shared/import';
import { formatDiagramFile } from '../../shared/model/formatFile';
import { lint } from '../../shared/lint/rules';
import { loadDiagram } from '../../shared/model/load';
import { formatProblem } from '../../shared/model/problems';
import type { Diagram } from '../../shared/model/schema';
import { fixturePath } from '../helpers';

function laid(): Diagram {
  const result = loadDiagram(readFileSync(fixturePath('small-search.laid.mlsd.json'), 'utf8'));
  if (!result.ok) throw new Error('fixture invalid');
  return structuredClone(result.diagram);
}

const withNotes = (): Diagram => ({
  ...laid(),
  annotations: [
    { id: 'why', kind: 'note', text: 'Cache hit rate <90%? ask "product" & ops | *soon*', position: { x: -400, y: -300 } },
    { id: 'title2', kind: 'text', text: 'Online path', position: { x: 0, y: 900 }, width: 120 },
  ],
});

const problems = (doc: unknown) => {
  const result = loadDiagram(JSON.stringify(doc));
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('annotations in the file', () => {
  it('load as written', () => {
    const result = loadDiagram(JSON.stringify(withNotes()));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.diagram.annotations).toEqual(withNotes().annotations);
  });

  it('save one per line, and read back the same', () => {
    const text = formatDiagramFile(withNotes());
    expect(text.split('\n').filter((line) => line.includes('"kind":"note"') || line.includes('"kind":"text"'))).toHaveLength(2);
    const result = loadDiagram(text);
    expect(result.ok && result.diagram.annotations).toEqual(withNotes().annotations);
  });

  it('report a bad annotation at its field', () => {
    const doc = withNotes();
    const bad = { ...doc, annotations: [{ ...doc.annotations![0]!, kind: 'arrow' }, { ...doc.annotations![1]!, text: '' }] };
    const found = problems(bad);
    expect(found.some((m) => m.startsWith('annotations[0].kind: '))).toBe(true);
    expect(found.some((m) => m.startsWith('annotations[1].text: '))).toBe(true);
  });

  it('share one set of ids with nodes, edges and groups', () => {
    const doc = withNotes();
    doc.annotations![1]!.id = doc.nodes[2]!.id;
    doc.annotations!.push({ ...doc.annotations![0]!, position: { x: 0, y: 0 } });
    expect(problems(doc)).toEqual([
      'annotations[2].id: duplicate id "why" (also annotations[0])',
      `annotations[1].id: id "${doc.nodes[2]!.id}" is already used by a node, edge or group`,
    ]);
  });

  it('change no figure and no lint finding', () => {
    const plain = laid();
    const noted = withNotes();
    expect(JSON.stringify(estimate(noted))).toBe(JSON.stringify(estimate(plain)));
    expect(lint(noted, estimate(noted))).toEqual(lint(plain, estimate(plain)));
  });
});

describe('annotations in the exports', () => {
  it('widen the picture to hold them', () => {
    const plain = pictureOf(laid());
    const noted = pictureOf(withNotes());
    expect(noted.width).toBeGreaterThan(plain.width);
    expect(noted.height).toBeGreaterThan(plain.height);
    const note = noted.annotations[0]!;
    expect(note.x + noted.offset.x).toBeGreaterThanOrEqual(0);
    expect(note.y + noted.offset.y).toBeGreaterThanOrEqual(0);
  });

  it('draw a note in SVG with its text escaped, and plain text without a card', async () => {
    const svg = (await exportDiagram(withNotes(), exportFormat('svg')!, { rasterize })) as string;
    const note = /<g class="annotation" data-annotation="why" data-annotation-kind="note">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(note).toContain('Cache hit rate &lt;90%? ask &quot;product&quot; &amp; ops |');
    expect(note).toContain('fill="#fef08a"');
    const text = /<g class="annotation" data-annotation="title2" data-annotation-kind="text">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(text).toContain('>Online path</text>');
    expect(text).not.toContain('<path');
  });

  it('list them in Markdown, escaped, and leave a diagram without them unchanged', async () => {
    const md = (await exportDiagram(withNotes(), exportFormat('markdown')!, { rasterize })) as string;
    expect(md).toContain('## Notes on the diagram\n\n- Sticky note: Cache hit rate &lt;90%? ask "product" &amp; ops \\| \\*soon\\*\n- Text: Online path\n');
    const plain = (await exportDiagram(laid(), exportFormat('markdown')!, { rasterize })) as string;
    expect(plain).not.toContain('Notes on the diagram');
  });

  it('come out of draw.io as notes, not components, with the text and place they were given there', async () => {
    const xml = (await exportDiagram(withNotes(), exportFormat('drawio')!, { rasterize })) as string;
    expect(xml).toContain('style="shape=note;');
    expect(xml).toContain('label="Cache hit rate &amp;lt;90%? ask &amp;quot;product&amp;quot; &amp;amp; ops | *soon*"');
    const edited = xml.replace('label="Online path"', 'label="Online path (v2)"').replace(/(mlsd_annotation="title2"><mxCell[^>]*><mxGeometry) x="[^"]*"/, '$1 x="64"');
    const result = await importDiagram(edited);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.diagram.nodes.map((n) => n.id)).toEqual(laid().nodes.map((n) => n.id));
    expect(result.diagram.annotations).toEqual([withNotes().annotations![0], { ...withNotes().annotations![1], text: 'Online path (v2)', position: { x: 64, y: 900 } }]);
  });

  it('come out in Excalidraw as a yellow card with its text, and as free text', async () => {
    const scene = JSON.parse((await exportDiagram(withNotes(), exportFormat('excalidraw')!, { rasterize })) as string) as { elements: Record<string, unknown>[] };
    const card = scene.elements.find((e) => e.id === 'a_why')!;
    expect(card).toMatchObject({ type: 'rectangle', backgroundColor: '#fef08a', customData: { mlsdAnnotation: 'why' }, boundElements: [{ type: 'text', id: 'a_why-label' }] });
    const label = scene.elements.find((e) => e.id === 'a_why-label')!;
    expect(label).toMatchObject({ type: 'text', containerId: 'a_why' });
    expect((label.text as string).replace(/\n/g, ' ')).toBe(withNotes().annotations![0]!.text);
    expect(scene.elements.find((e) => e.id === 'a_title2')).toMatchObject({ type: 'text', text: 'Online path', containerId: null });
  });
});
