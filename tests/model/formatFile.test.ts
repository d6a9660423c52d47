import { describe, expect, it } from 'vitest';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { formatDiagramFile } from '../../shared/model/formatFile';
import { loadDiagram } from '../../shared/model/load';

describe('the diagram file text', () => {
  it.each(BLUEPRINT_SLUGS)('%s: reads back to the same diagram, one node and edge per line', (slug) => {
    const d = blueprint(slug)!;
    const text = formatDiagramFile(d);
    const back = loadDiagram(text);
    expect(back.ok && back.diagram).toEqual(d);
    const lines = text.split('\n');
    for (const node of d.nodes) expect(lines.filter((l) => l.includes(`"id":"${node.id}","kind"`))).toHaveLength(1);
    expect(lines.filter((l) => /^ {4}\{"id":"e\d+","source"/.test(l))).toHaveLength(d.edges.length);
  });

  it('leaves out a key set to undefined, as saving an edited document can leave one', () => {
    const d = blueprint('news-feed')!;
    const text = formatDiagramFile({ ...d, annotations: undefined });
    const back = loadDiagram(text);
    expect(back.ok && back.diagram).toEqual({ ...d, annotations: undefined });
    expect(text).not.toContain('"annotations"');
  });
});
