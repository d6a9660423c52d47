import { describe, expect, it } from 'vitest';
import { sceneOf } from '../../shared/export/drawing';
import { iconPaths } from '../../shared/export/iconPaths';
import { textWidth, THEMES, type Shape } from '../../shared/export/scene';
import { estimate } from '../../shared/estimator/estimate';
import { findKind } from '../../shared/kinds';
import { annotatedSearch, inputOf, smallSearch, stackedSearch } from '../exportInput';
import { pictureOf } from '../../shared/export/geometry';
import { annotationBox, NOTE_COLOUR } from '../../shared/layout/annotationBox';

type Group = Extract<Shape, { type: 'group' }>;
type PathShape = Extract<Shape, { type: 'path' }>;
type TextShape = Extract<Shape, { type: 'text' }>;

const groupsOf = (shapes: Iterable<Shape>, kind: string) => [...shapes].filter((s): s is Group => s.type === 'group' && s.attributes.class === kind);
const numbers = (d: string) => d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)!.map(Number);
const pairs = (d: string) => numbers(d).flatMap((v, i, all) => (i % 2 === 0 ? [{ x: v, y: all[i + 1]! }] : []));

/** The design with a long name that wraps, a component of a kind the catalogue does not know, and its figures. */
function design(figures: boolean) {
  const diagram = smallSearch();
  diagram.nodes[1]!.label = 'An API gateway with a name long enough to wrap';
  diagram.nodes[2]!.kind = 'mystery-box' as never;
  diagram.edges[0]!.label = 'a label long enough to wrap onto a second line of its box';
  const input = inputOf(diagram);
  return figures ? { ...input, estimate: estimate(diagram), figures: true } : input;
}

describe('the picture\'s edges', () => {
  // The laid-out design's edges all end going right; the stacked one's end in every direction.
  const edges = [...groupsOf(sceneOf(design(false)).shapes, 'edge'), ...groupsOf(sceneOf(inputOf(stackedSearch())).shapes, 'edge')];

  it('are checked ending in every direction, staged ones going down', () => {
    const last = (edge: Group) => pairs((edge.children[0] as PathShape).d).slice(-2) as [{ x: number; y: number }, { x: number; y: number }];
    const direction = (edge: Group) => {
      const [from, tip] = last(edge);
      return `${Math.sign(tip.x - from.x)},${Math.sign(tip.y - from.y)}`;
    };
    expect(new Set(edges.map(direction))).toEqual(new Set(['1,0', '-1,0', '0,1', '0,-1']));
    expect(edges.some((e) => e.attributes['data-stage'] !== undefined && direction(e) === '0,1')).toBe(true);
  });

  it('end in an arrowhead 10 units long and 9 wide, its tip on the route\'s end, pointing along the last stretch', () => {
    expect(edges.length).toBeGreaterThan(5);
    for (const edge of edges) {
      const [route, head] = edge.children as [PathShape, PathShape];
      const points = pairs(route.d);
      const [from, tip] = points.slice(-2) as [{ x: number; y: number }, { x: number; y: number }];
      const [t, left, right] = pairs(head.d) as [{ x: number; y: number }, { x: number; y: number }, { x: number; y: number }];
      expect(head.d.endsWith('Z')).toBe(true);
      expect(head.fill).toBe(route.stroke);
      expect(t).toEqual(tip);
      const length = Math.hypot(tip.x - from.x, tip.y - from.y);
      const [ux, uy] = [(tip.x - from.x) / length, (tip.y - from.y) / length];
      const base = { x: (left.x + right.x) / 2, y: (left.y + right.y) / 2 };
      expect(base.x).toBeCloseTo(tip.x - 10 * ux, 6);
      expect(base.y).toBeCloseTo(tip.y - 10 * uy, 6);
      expect(Math.hypot(left.x - right.x, left.y - right.y)).toBeCloseTo(9, 6);
      // The base is square to the last stretch, its left corner on the left of the direction of travel.
      expect((left.x - right.x) * ux + (left.y - right.y) * uy).toBeCloseTo(0, 6);
      expect(left.x - base.x).toBeCloseTo(-4.5 * uy, 6);
      expect(left.y - base.y).toBeCloseTo(4.5 * ux, 6);
    }
  });

  it('mark a call\'s stage with a numbered circle on the last stretch, 22 units short of the end or half a short stretch', () => {
    const staged = edges.filter((e) => e.attributes['data-stage'] !== undefined);
    expect(staged.length).toBeGreaterThan(0);
    for (const edge of staged) {
      const points = pairs((edge.children[0] as PathShape).d);
      const [b, a] = points.slice(-2) as [{ x: number; y: number }, { x: number; y: number }];
      const length = Math.hypot(b.x - a.x, b.y - a.y);
      const back = Math.min(22, length / 2);
      const centre = { x: a.x + ((b.x - a.x) / length) * back, y: a.y + ((b.y - a.y) / length) * back };
      const [circle, number] = edge.children.slice(-2) as [PathShape, TextShape];
      expect(circle.box!.x + 7).toBeCloseTo(centre.x, 6);
      expect(circle.box!.y + 7).toBeCloseTo(centre.y, 6);
      expect(circle.box).toMatchObject({ width: 14, height: 14, r: 7 });
      expect(circle.stroke).toBe((edge.children[0] as PathShape).stroke);
      expect(number).toMatchObject({ text: edge.attributes['data-stage'], size: 9, bold: true, anchor: 'middle' });
      expect(number.x).toBeCloseTo(centre.x, 6);
      expect(number.y).toBeCloseTo(centre.y + 3.5, 6);
      const [cx, cy] = [circle.box!.x + 7, circle.box!.y + 7];
      expect(circle.d).toBe(`M${cx - 7},${cy} A7,7 0 1 0 ${cx + 7},${cy} A7,7 0 1 0 ${cx - 7},${cy} Z`);
    }
  });

  it('draw no stage marker on an edge without a stage', () => {
    const unstaged = edges.filter((e) => e.attributes['data-stage'] === undefined);
    expect(unstaged.length).toBeGreaterThan(0);
    for (const edge of unstaged) expect(edge.children.filter((c) => c.type === 'path' && c.box?.r === 7)).toEqual([]);
  });

  it('carry their caption in a box, one 10-unit line every 12 units, centred across it', () => {
    const captioned = edges.filter((e) => e.children.some((c) => c.type === 'text' && c.size === 10));
    expect(captioned.length).toBeGreaterThan(0);
    expect(captioned.some((e) => e.children.filter((c) => c.type === 'text' && c.size === 10).length > 1)).toBe(true);
    for (const edge of captioned) {
      const box = edge.children.find((c): c is PathShape => c.type === 'path' && c.box?.r === 3)!.box!;
      const lines = edge.children.filter((c): c is TextShape => c.type === 'text' && c.size === 10);
      lines.forEach((line, i) => {
        expect(line.x).toBeCloseTo(box.x + box.width / 2, 6);
        expect(line.y).toBeCloseTo(box.y + 11 + i * 12, 6);
      });
      expect(box.height).toBeGreaterThanOrEqual(lines.length * 12 + 4);
      expect(box.width).toBeGreaterThanOrEqual(Math.max(...lines.map((l) => textWidth(l.text, 10))) + 8 - 1e-9);
    }
  });
});

describe('the picture\'s nodes', () => {
  it('set the name a line every 16 units beside the icon, and the kind 17 units below the last line', () => {
    const diagram = design(false).diagram;
    const nodes = groupsOf(sceneOf(design(false)).shapes, 'node');
    expect(nodes).toHaveLength(diagram.nodes.length);
    let wrapped = 0;
    for (const node of nodes) {
      const source = diagram.nodes.find((n) => n.id === node.attributes['data-node'])!;
      const { x, y } = (node.children[0] as PathShape).box!;
      const texts = node.children.filter((c): c is TextShape => c.type === 'text');
      const name = texts.filter((t) => t.bold);
      if (name.length > 1) wrapped++;
      name.forEach((line, i) => expect([line.x, line.y, line.size]).toEqual([x + 42, y + 23 + i * 16, 13]));
      const kind = texts.find((t) => !t.bold)!;
      expect([kind.x, kind.y, kind.size]).toEqual([x + 42, y + 23 + (name.length - 1) * 16 + 17, 11]);
      expect(kind.text).toBe(findKind(source.kind)?.label ?? source.kind);
    }
    expect(wrapped).toBe(1);
  });

  it('draw a component of an unknown kind in grey with the server icon, named by its kind', () => {
    const nodes = groupsOf(sceneOf(design(false)).shapes, 'node');
    const mystery = nodes.find((n) => n.attributes['data-kind'] === 'mystery-box')!;
    const [, bar, square] = mystery.children as PathShape[];
    expect([bar!.fill, square!.fill]).toEqual(['#64748b', '#64748b']);
    const icon = mystery.children.filter((c): c is PathShape => c.type === 'path' && c.at !== undefined).map((c) => c.d);
    expect(icon).toEqual(iconPaths('server'));
    expect(mystery.children.some((c) => c.type === 'text' && c.text === 'mystery-box')).toBe(true);
    const known = nodes.find((n) => n.attributes['data-kind'] === 'traffic')!;
    expect((known.children[1] as PathShape).fill).toBe(findKind('traffic')!.colour);
  });

  it('without figures, add neither figures nor a bar, even when the estimate is at hand', () => {
    const input = { ...design(true), figures: false };
    for (const node of groupsOf(sceneOf(input).shapes, 'node')) {
      const box = (node.children[0] as PathShape).box!;
      expect(node.children.filter((c) => c.type === 'text' && c.x === box.x + 14)).toEqual([]);
      expect(node.children.filter((c) => c.type === 'path' && c.box === undefined && c.at === undefined)).toEqual([]);
    }
  });

  it('with figures, add the figures line 39 units below the name and a bar as long as the utilization', () => {
    const input = design(true);
    const nodes = groupsOf(sceneOf(input).shapes, 'node');
    const busy = input.estimate.nodes.filter((n) => n.utilization !== null);
    expect(busy.length).toBeGreaterThan(0);
    for (const node of nodes) {
      const figures = input.estimate.nodes.find((n) => n.id === node.attributes['data-node'])!;
      const box = (node.children[0] as PathShape).box!;
      const name = node.children.filter((c): c is TextShape => c.type === 'text' && c.bold === true);
      const line = node.children.find((c): c is TextShape => c.type === 'text' && c.x === box.x + 14)!;
      expect(line.y).toBe(box.y + 23 + (name.length - 1) * 16 + 39);
      const bar = node.children.find((c): c is PathShape => c.type === 'path' && c.box === undefined && c.at === undefined);
      if (figures.utilization === null) {
        expect(bar).toBeUndefined();
        continue;
      }
      const [x, y, width, height] = numbers(bar!.d);
      expect([x, y, height]).toEqual([box.x + 5, box.y + box.height - 5, 3]);
      expect(width).toBeCloseTo((box.width - 10) * Math.min(1, figures.utilization), 6);
    }
    // Without figures, neither.
    for (const node of groupsOf(sceneOf(design(false)).shapes, 'node')) expect(node.children.filter((c) => c.type === 'path' && !c.box && !c.at)).toHaveLength(0);
  });

  it('are drawn in the theme\'s panel and border colours', () => {
    for (const theme of ['light', 'dark'] as const) {
      const nodes = groupsOf(sceneOf({ ...design(false), theme }).shapes, 'node');
      for (const node of nodes) expect(node.children[0]).toMatchObject({ fill: THEMES[theme].panel, stroke: THEMES[theme].border, strokeWidth: 1.5 });
    }
  });
});

describe('the picture\'s sticky notes and free text', () => {
  const diagram = annotatedSearch();
  diagram.annotations![0]!.text = 'Check the cache hit rate before the ranker sees the candidates';
  const { offset } = pictureOf(diagram);
  const annotations = groupsOf(sceneOf(inputOf(diagram)).shapes, 'annotation');

  it('are drawn over the diagram, one group each, named by id and kind and titled with their text', () => {
    expect(annotations.map((a) => [a.attributes['data-annotation'], a.attributes['data-annotation-kind'], a.title])).toEqual(
      diagram.annotations!.map((a) => [a.id, a.kind, a.text]),
    );
  });

  it('draw a note as a card with its corner folded, in its own colour or yellow, its lines inside the padding', () => {
    for (const [i, expected] of [[0, NOTE_COLOUR], [1, '#bfdbfe']] as const) {
      const annotation = diagram.annotations![i]!;
      const box = annotationBox(annotation);
      const [x, y] = [box.x + offset.x, box.y + offset.y];
      const [card, fold, ...lines] = annotations[i]!.children as [PathShape, PathShape, ...TextShape[]];
      expect(card).toMatchObject({ fill: expected, stroke: '#ca8a04', strokeWidth: 1 });
      expect(card.d).toBe(`M${x},${y} h${box.width - 14} l14,14 v${box.height - 14} h${-box.width} Z`);
      expect(fold).toMatchObject({ d: `M${x + box.width - 14},${y} v14 h14`, stroke: '#ca8a04', strokeWidth: 1 });
      expect(lines.map((l) => [l.text, l.x, l.y, l.size, l.colour])).toEqual(box.lines.map((text, k) => [text, x + 10, y + 10 + 13 + k * 17, 13, '#1f2937']));
    }
    expect(annotationBox(diagram.annotations![0]!).lines.length).toBeGreaterThan(1);
  });

  it('draw free text as its lines alone, in the theme\'s text colour', () => {
    const annotation = diagram.annotations![2]!;
    const box = annotationBox(annotation);
    const children = annotations[2]!.children as TextShape[];
    expect(children.map((l) => [l.type, l.text, l.x, l.y, l.colour])).toEqual(box.lines.map((text, k) => ['text', text, box.x + offset.x, box.y + offset.y + 13 + k * 17, THEMES.light.text]));
  });
});
