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

  it('draws a box without rounding as a plain rect, and keeps the radius within half the narrower side', () => {
    const box = (width: number, height: number, r: number) => ({ type: 'path' as const, d: 'ignored', box: { x: 0, y: 0, width, height, r }, fill: '#111111' });
    const svg = [...sceneSvg({ width: 100, height: 100, title: 't', background: '#ffffff', shapes: [box(10, 10, 0), box(4, 30, 8)] })].join('');
    expect(svg).toContain('<rect x="0" y="0" width="10" height="10" fill="#111111"/>');
    expect(svg).toContain('<rect x="0" y="0" width="4" height="30" rx="2" fill="#111111"/>');
  });

  it('tells icons apart by every path and its paint, and a group\'s paths at other spots are icons of their own', () => {
    const at = (x: number) => ({ x, y: 0, scale: 1 });
    const path = (d: string, x: number, stroke = '#ffffff') => ({ type: 'path' as const, d, at: at(x), stroke, strokeWidth: 2 });
    const node = (...children: ReturnType<typeof path>[]) => ({ type: 'group' as const, attributes: { class: 'node' }, children });
    const shapes = [
      node(path('M0,0 L1,1', 0), path('M2,2 L3,3', 0)),
      node(path('M0,0 L1,1', 10), path('M2,2 L3,3', 10)),
      node(path('M0,0 L1,1', 20), path('M4,4 L5,5', 20)),
      node(path('M0,0 L1,1', 30, '#000000'), path('M2,2 L3,3', 30, '#000000')),
      node(path('M0,0 L1,1', 40), path('M2,2 L3,3', 50)),
    ];
    const svg = [...sceneSvg({ width: 100, height: 100, title: 't', background: '#ffffff', shapes })].join('');
    const uses = [...svg.matchAll(/<use xlink:href="#(icon\d+)" transform="translate\((\d+) 0\) scale\(1\)"\/>/g)].map((m) => [m[1], Number(m[2])]);
    expect(uses).toEqual([['icon1', 0], ['icon1', 10], ['icon2', 20], ['icon3', 30], ['icon4', 40], ['icon5', 50]]);
    expect(svg.match(/<g id="icon4">([^]*?)<\/g>/)![1]!.match(/<path/g)).toHaveLength(1);
    expect(svg.match(/<g id="icon1">([^]*?)<\/g>/)![1]!.match(/<path/g)).toHaveLength(2);
  });
});
