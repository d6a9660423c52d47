import { describe, expect, it } from 'vitest';
import { syncStages } from '../../shared/estimator/latency';
import { edgeGeometry } from '../../shared/layout/edgeGeometry';
import { stageMarkers } from '../../shared/layout/stages';
import type { Diagram, DiagramEdge } from '../../shared/model/schema';

type Edge = Pick<DiagramEdge, 'id' | 'source' | 'target'> & Partial<DiagramEdge>;
const edge = (id: string, source: string, target: string, more: Partial<DiagramEdge> = {}): DiagramEdge => ({ id, source, target, ...more }) as DiagramEdge;
const markersOf = (edges: Edge[]) => [...stageMarkers({ edges: edges as DiagramEdge[] })];

describe('stage markers', () => {
  it('numbers each stage of a caller that calls in stages, in stage order, whatever the document order', () => {
    const edges = [
      edge('a', 'api', 'x', { stage: 2 }),
      edge('b', 'api', 'y', { stage: 1 }),
      edge('c', 'api', 'z', { stage: 2 }),
    ];
    expect(markersOf(edges)).toEqual([2, 1, 2]);
  });

  it('reads a call without a stage as its position among its caller\'s sync calls, skipping async and offline ones', () => {
    const edges = [
      edge('a', 'api', 'x'),
      edge('b', 'api', 'q', { mode: 'async' }),
      edge('c', 'api', 'y'),
      edge('d', 'api', 'z', { mode: 'offline' }),
      edge('e', 'api', 'w'),
    ];
    expect(markersOf(edges)).toEqual([1, 0, 2, 0, 3]);
  });

  it('keeps each caller\'s calls apart when callers are interleaved in the document', () => {
    const edges = [
      edge('a1', 'a', 'x', { stage: 5 }),
      edge('b1', 'b', 'x'),
      edge('a2', 'a', 'y', { stage: 3 }),
      edge('b2', 'b', 'y'),
      edge('c1', 'c', 'x'),
    ];
    expect(markersOf(edges)).toEqual([2, 1, 1, 2, 0]);
  });

  it('marks none of a caller with one call, or with every call in one stage', () => {
    const edges = [
      edge('a', 'solo', 'x'),
      edge('b', 'together', 'x', { stage: 1 }),
      edge('c', 'together', 'y', { stage: 1 }),
    ];
    expect(markersOf(edges)).toEqual([0, 0, 0]);
    expect(markersOf([])).toEqual([]);
  });

  it('gives every edge the stage the estimator runs it in, on a mixed diagram', () => {
    const modes = ['sync', 'sync', 'sync', 'async', 'offline'] as const;
    const edges: DiagramEdge[] = [];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 400; i++) {
      const stage = random(3) === 0 ? undefined : random(4);
      edges.push(edge(`e${i}`, `n${random(30)}`, `n${random(30)}`, { mode: modes[random(modes.length)], ...(stage === undefined ? {} : { stage }) }));
    }
    // What the estimator says: each caller's sync calls in stages, numbered when there are two or more.
    const expected = new Map<string, number>();
    for (const caller of new Set(edges.map((e) => e.source))) {
      const stages = syncStages(edges.filter((e) => e.source === caller && (e.mode ?? 'sync') === 'sync'));
      if (stages.length > 1) stages.forEach((s, k) => s.edges.forEach((e) => expected.set(e.id, k + 1)));
    }
    expect(expected.size).toBeGreaterThan(50);
    expect(markersOf(edges)).toEqual(edges.map((e) => expected.get(e.id) ?? 0));
  });

  it('puts a numbered marker on the route of each call made in stages, and none on others', () => {
    const node = (id: string, x: number, y: number) => ({ id, kind: 'service', label: id, position: { x, y } });
    const diagram = {
      nodes: [node('api', 0, 0), node('x', 400, -200), node('y', 400, 200), node('z', 400, 600)],
      edges: [edge('ignored', 'api', 'missing', { stage: 1 }), edge('e1', 'api', 'x', { stage: 2 }), edge('e2', 'api', 'y', { stage: 1 }), edge('e3', 'x', 'z')],
    } as unknown as Pick<Diagram, 'nodes' | 'edges'>;
    const geometry = edgeGeometry(diagram);
    expect(geometry.map((g) => [g.edge.id, g.stage])).toEqual([['e1', 2], ['e2', 1], ['e3', undefined]]);
    expect(geometry[0]!.stageAt).toBeDefined();
    expect(geometry[2]!.stageAt).toBeUndefined();
  });
});
