import { describe, expect, it } from 'vitest';
import { edgeEnds, withNodeIndex } from '../../shared/estimator/nodeIndex';
import { components, firstRepeated, numberDiagramEdges, reachable, sharedEdgeNumbers } from '../../shared/lint/graphQueries';
import { lintGraphOf } from '../../shared/lint/lintGraph';
import type { DiagramEdge, DiagramNode } from '../../shared/model/schema';

const node = (id: string): DiagramNode => ({ id, kind: 'service', label: id });
const edge = (id: string, source: string, target: string, mode?: DiagramEdge['mode']): DiagramEdge => ({ id, source, target, ...(mode ? { mode } : {}) }) as DiagramEdge;

describe('edges numbered with their nodes', () => {
  it('numbers nodes by position (the last, for a repeated id) and ids only edges name after them', () => {
    const nodes = [node('a'), node('b'), node('a'), node('c')];
    const g = numberDiagramEdges({ nodes, edges: [edge('e1', 'b', 'ghost'), edge('e2', 'a', 'c'), edge('e3', 'other', 'ghost')] });
    expect([...g.nodeNumber]).toEqual([2, 1, 2, 3]);
    expect(g.ids).toEqual(['a', 'b', 'a', 'c', 'ghost', 'other']);
    expect([...g.source]).toEqual([1, 2, 5]);
    expect([...g.target]).toEqual([4, 3, 4]);
    expect(g.number.get('a')).toBe(2);
    expect(g.number.get('other')).toBe(5);
    expect(g.number.get('nowhere')).toBeUndefined();
  });

  it('gives the rules the nodes numbered with them even after a query that numbered the edges alone', () => {
    const nodes = [node('users'), node('api')];
    nodes[0]!.kind = 'traffic';
    const d = { nodes, edges: [edge('e1', 'users', 'api')] } as Parameters<typeof lintGraphOf>[0];
    for (const first of [() => components(d), () => reachable(d, ['users'])]) {
      sharedEdgeNumbers(() => {
        first();
        const lg = lintGraphOf(d);
        expect([...lg.nodeNumber]).toEqual([0, 1]);
        expect([...lg.online]).toEqual([0, 1]);
      });
    }
  });

  it("leaves the estimate's own edge ends as they were (-1 where no node has the id)", () => {
    const d = { nodes: [node('a')], edges: [edge('e1', 'a', 'ghost')] };
    withNodeIndex(() => {
      numberDiagramEdges(d);
      expect([...edgeEnds(d).target]).toEqual([-1]);
    });
  });
});

describe('connected parts', () => {
  it('joins nodes through edges of the chosen modes only, and names no part for an id no node has', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e'].map(node);
    const edges = [edge('1', 'a', 'b', 'async'), edge('2', 'c', 'b', 'offline'), edge('3', 'c', 'd'), edge('4', 'e', 'ghost', 'async')];
    const part = components({ nodes, edges }, ['async', 'offline']);
    expect(part.get('a')).toBe(part.get('c'));
    expect(part.get('b')).toBe(part.get('a'));
    expect(part.get('d')).not.toBe(part.get('c'));
    expect(part.get('e')).toBe('e');
    expect(part.get('ghost')).toBeUndefined();
    expect(part.get('nowhere')).toBeUndefined();
  });

  it('keeps one part for a long line of nodes, whichever end the edges start from', () => {
    const count = 2000;
    const nodes = Array.from({ length: count }, (_, i) => node(`n${i}`));
    const forward = Array.from({ length: count - 1 }, (_, i) => edge(`f${i}`, `n${i}`, `n${i + 1}`));
    const backward = Array.from({ length: count - 1 }, (_, i) => edge(`b${i}`, `n${count - 1 - i}`, `n${count - 2 - i}`));
    for (const edges of [forward, backward]) {
      const part = components({ nodes, edges });
      expect(new Set(nodes.map((n) => part.get(n.id))).size).toBe(1);
    }
  });
});

describe('repeated edges', () => {
  it('points each repeat at the first edge with the same ends and mode, whatever lies between', () => {
    const nodes = ['a', 'b', 'c'].map(node);
    const edges = [
      edge('1', 'a', 'b'),
      edge('2', 'b', 'c'),
      edge('3', 'a', 'b', 'async'),
      edge('4', 'a', 'b', 'sync'),
      edge('5', 'b', 'c'),
      edge('6', 'a', 'b'),
      edge('7', 'a', 'c'),
      edge('8', 'a', 'b', 'async'),
      edge('9', 'c', 'b'),
      edge('10', 'a', 'ghost'),
      edge('11', 'a', 'ghost'),
    ];
    const g = numberDiagramEdges({ nodes, edges });
    expect([...firstRepeated(g, edges)]).toEqual([-1, -1, -1, 0, 1, 0, -1, 2, -1, -1, 9]);
  });

  it('matches an edge in a mode the format does not know by its ends and mode as written', () => {
    const nodes = ['a', 'b'].map(node);
    const odd = (id: string, mode: string) => ({ ...edge(id, 'a', 'b'), mode }) as unknown as DiagramEdge;
    const edges = [odd('1', 'later'), edge('2', 'a', 'b'), odd('3', 'later'), odd('4', 'other')];
    expect([...firstRepeated(numberDiagramEdges({ nodes, edges }), edges)]).toEqual([-1, -1, 0, -1]);
  });
});
