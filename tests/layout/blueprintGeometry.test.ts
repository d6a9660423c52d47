import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { edgeCaption } from '../../shared/export/caption';
import { pictureOf } from '../../shared/export/geometry';
import { boxesOverlap, segmentCrossesBox } from '../../shared/layout/boxes';
import { applyLayout, layoutDiagram } from '../../shared/layout/elkGraph';
import { servingNodes } from '../../shared/layout/stages';
import { unwrapped } from './unwrapped';

const elk = new ELK();

describe.each(BLUEPRINT_SLUGS)('the geometry of %s', (slug) => {
  const doc = blueprint(slug)!;
  // The stored file is what opens; it must be laid out as auto layout lays it out.
  const picture = pictureOf(doc, (e) => edgeCaption(e, 46_300, true));

  it('has every node name in full', () => {
    for (const node of doc.nodes) {
      const drawn = picture.nodes.find((n) => n.id === node.id)!;
      expect(drawn.lines.length).toBeLessThanOrEqual(3);
      expect(unwrapped(drawn.lines, node.label), node.label).toBe(true);
    }
  });

  it('keeps captions off nodes and off each other', () => {
    const labels = picture.edges.flatMap((e) => (e.label ? [{ id: e.edge.id, ...e.label }] : []));
    expect(labels.length).toBeGreaterThan(0);
    const onNodes = labels.flatMap((l) => picture.nodes.filter((n) => boxesOverlap(l, n)).map((n) => `${l.id} on ${n.id}`));
    const onLabels = labels.flatMap((l, i) => labels.slice(i + 1).filter((m) => boxesOverlap(l, m)).map((m) => `${l.id} on ${m.id}`));
    expect(onNodes).toEqual([]);
    expect(onLabels).toEqual([]);
  });

  it('routes no edge through a node other than its ends', () => {
    const through = picture.edges.flatMap(({ edge, points }) =>
      picture.nodes
        .filter((n) => n.id !== edge.source && n.id !== edge.target)
        .filter((n) => points.slice(1).some((b, i) => segmentCrossesBox(points[i]!, b, n)))
        .map((n) => `${edge.id} through ${n.id}`),
    );
    expect(through).toEqual([]);
    expect(picture.edges).toHaveLength(doc.edges.length);
  });

  it('is stored as auto layout lays it out, with a route for every edge', async () => {
    const laid = applyLayout(doc, await layoutDiagram(doc, elk));
    expect(laid.nodes.map((n) => n.position)).toEqual(doc.nodes.map((n) => n.position));
    expect(laid.edges.map((e) => e.route)).toEqual(doc.edges.map((e) => e.route));
    expect(doc.edges.every((e) => e.route)).toBe(true);
  }, 60_000);

  it('draws the offline band (nodes reached only by async or offline edges, in no group with the serving path) below the serving band', () => {
    const serving = servingNodes(doc);
    const servingGroups = new Set(doc.nodes.filter((n) => serving.has(n.id) && n.group).map((n) => n.group));
    const inServingBand = (n: (typeof doc.nodes)[number]) => (n.group ? servingGroups.has(n.group) : serving.has(n.id));
    const box = (id: string) => picture.nodes.find((n) => n.id === id)!;
    const bottomOfServing = Math.max(...doc.nodes.filter(inServingBand).map((n) => box(n.id).y + box(n.id).height));
    for (const n of doc.nodes.filter((n) => !inServingBand(n))) expect(box(n.id).y, n.id).toBeGreaterThan(bottomOfServing);
  });
});

describe('call order', () => {
  it('puts each stage of the video recommendation cache-miss path in its own column, in call order, with numbered markers', () => {
    const doc = blueprint('video-recommendation')!;
    const picture = pictureOf(doc);
    const x = (id: string) => picture.nodes.find((n) => n.id === id)!.x;
    const stage = (id: string) => picture.edges.find((e) => e.edge.id === id)!.stage;
    const stageZero = ['userTower', 'trending', 'popular', 'geo'];
    expect(new Set(stageZero.map(x)).size).toBe(1);
    expect(Math.max(...stageZero.map(x))).toBeLessThan(x('features'));
    expect(x('features')).toBeLessThan(x('ranker'));
    expect(x('ranker')).toBeLessThan(x('rerank'));
    expect(['e4', 'e6', 'e7', 'e8', 'e12', 'e13', 'e14'].map(stage)).toEqual([1, 1, 1, 1, 2, 3, 4]);
    expect(stage('e1')).toBeUndefined();
  });

  it('lays an ungrouped design out with offline nodes below the request path', async () => {
    const doc = blueprint('video-recommendation')!;
    const loose = { ...doc, groups: undefined, nodes: doc.nodes.map(({ group, position, ...n }) => n), edges: doc.edges.map(({ route, ...e }) => e) };
    const layout = await layoutDiagram(loose, elk);
    const y = (id: string) => layout.positions.get(id)!.y;
    const requestPath = ['users', 'gateway', 'api', 'feedCache', 'ranker', 'rerank'];
    for (const offline of ['registry', 'videoTower', 'finetune', 'lake']) {
      for (const online of requestPath) expect(y(offline), `${offline} below ${online}`).toBeGreaterThan(y(online));
    }
  }, 60_000);
});
