import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rasterize } from '../../cli/nodeServices';
import { exportDiagram, exportFormat } from '../../shared/export/registry';
import { sceneSvg } from '../../shared/export/svg';
import { loadDiagram } from '../../shared/model/load';
import type { Diagram } from '../../shared/model/schema';
import { fixturePath } from '../helpers';

const laid = (): Diagram => {
  const result = loadDiagram(readFileSync(fixturePath('small-search.laid.mlsd.json'), 'utf8'));
  if (!result.ok) throw new Error('fixture invalid');
  return result.diagram;
};
const svgOf = async (diagram: Diagram) => (await exportDiagram(diagram, exportFormat('svg')!, { rasterize })) as string;

describe('SVG icons and boxes', () => {
  it('defines each kind icon once, where first drawn, and uses it on every node of that kind', async () => {
    const diagram = laid();
    // Every node made a cache: one kind, one icon, however many nodes.
    const caches: Diagram = { ...diagram, nodes: diagram.nodes.map((n) => ({ ...n, kind: 'cache' })) };
    const svg = await svgOf(caches);
    expect([...svg.matchAll(/<g id="(icon\d+)">/g)].map((m) => m[1])).toEqual(['icon1']);
    expect([...svg.matchAll(/<use xlink:href="#icon1" transform="translate\([\d.]+ [\d.]+\) scale\(0\.6+7?\)"\/>/g)]).toHaveLength(diagram.nodes.length);
    // The definition comes before its first use, inside the first node's group.
    expect(svg.indexOf('<g id="icon1">')).toBeLessThan(svg.indexOf('<use xlink:href="#icon1"'));
  });

  it('gives each distinct kind icon its own definition, and every use names a defined icon', async () => {
    const svg = await svgOf(laid());
    const defined = [...svg.matchAll(/<g id="(icon\d+)">/g)].map((m) => m[1]!);
    const kinds = new Set(laid().nodes.map((n) => n.kind));
    expect(defined).toHaveLength(kinds.size);
    const used = new Set([...svg.matchAll(/<use xlink:href="#(icon\d+)"/g)].map((m) => m[1]!));
    expect([...used].sort()).toEqual([...defined].sort());
  });

  it('draws a rounded box as a rect with its corner radius kept within half its sides, and a path as a path', () => {
    const scene = {
      width: 100, height: 100, title: 't', background: '#ffffff',
      shapes: [
        { type: 'path' as const, d: 'ignored', box: { x: 1, y: 2, width: 30, height: 4, r: 8 }, fill: '#111111' },
        { type: 'path' as const, d: 'M0,0 L5,5', box: undefined, stroke: '#222222', strokeWidth: 2, dash: [6, 4] },
      ],
    };
    const svg = [...sceneSvg(scene)].join('');
    expect(svg).toContain('<rect x="1" y="2" width="30" height="4" rx="2" fill="#111111"/>');
    expect(svg).toContain('<path d="M0,0 L5,5" fill="none" stroke="#222222" stroke-width="2" stroke-dasharray="6 4"/>');
  });
});
