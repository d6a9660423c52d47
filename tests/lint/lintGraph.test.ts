import { describe, expect, it } from 'vitest';
import { edgeEnds, hasKind, isOnline, lintGraphOf, nodesOfKind, numbersOfKind, TAKES } from '../../shared/lint/lintGraph';
import type { Diagram, DiagramEdge, DiagramNode } from '../../shared/model/schema';

const node = (id: string, kind: DiagramNode['kind'] = 'service'): DiagramNode => ({ id, kind, label: id });
const edge = (id: string, source: string, target: string, mode?: string): DiagramEdge => ({ id, source, target, ...(mode ? { mode } : {}) }) as DiagramEdge;
const diagram = (nodes: DiagramNode[], edges: DiagramEdge[]) => ({ nodes, edges }) as unknown as Diagram;

describe('the lint graph', () => {
  it("lists each kind's nodes in the nodes' order, by position and by number (a repeated id's number is its last)", () => {
    const d = diagram([node('m1', 'model'), node('api'), node('m2', 'model'), node('m1', 'model'), node('users', 'traffic')], []);
    const lg = lintGraphOf(d);
    expect(nodesOfKind(d, lg, 'model').map((n) => n.label)).toEqual(['m1', 'm2', 'm1']);
    expect(nodesOfKind(d, lg, 'model', (n, i) => i > 0).map((n) => n.id)).toEqual(['m2', 'm1']);
    expect(numbersOfKind(lg, 'model')).toEqual([3, 2, 3]);
    expect(numbersOfKind(lg, 'monitoring')).toEqual([]);
    expect(nodesOfKind(d, lg, 'monitoring')).toEqual([]);
    expect([hasKind(lg, 'traffic'), hasKind(lg, 'monitoring')]).toEqual([true, false]);
  });

  it('marks edge ends by the modes taken: an edge of a mode the format does not know is not a sync one', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e'].map((id) => node(id));
    const edges = [edge('1', 'a', 'b'), edge('2', 'a', 'c', 'async'), edge('3', 'b', 'd', 'offline'), edge('4', 'c', 'e', 'carrier pigeon'), edge('5', 'd', 'e', 'sync')];
    const lg = lintGraphOf(diagram(nodes, edges));
    expect([...edgeEnds(lg, 'target', TAKES.sync)]).toEqual([0, 1, 0, 0, 1]);
    expect([...edgeEnds(lg, 'target', TAKES.notSync)]).toEqual([0, 0, 1, 1, 1]);
    expect([...edgeEnds(lg, 'source', TAKES.any)]).toEqual([1, 1, 1, 1, 0]);
    expect([...edgeEnds(lg, 'source', TAKES.notSync, Uint8Array.of(0, 0, 1, 0, 1))]).toEqual([1, 0, 1, 0, 0]);
  });

  it('puts on the request path what traffic reaches through sync calls only', () => {
    const nodes = [node('users', 'traffic'), node('api'), node('logs'), node('job'), node('api')];
    const edges = [edge('1', 'users', 'api'), edge('2', 'api', 'logs', 'async'), edge('3', 'job', 'logs')];
    const lg = lintGraphOf(diagram(nodes, edges));
    expect(nodes.map((n, i) => isOnline(lg, i))).toEqual([false, true, false, false, true]);
  });
});
