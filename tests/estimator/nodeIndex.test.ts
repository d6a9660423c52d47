import { describe, expect, it } from 'vitest';
import { byNumber, edgeEnds, idNumbers, knownNumbers, nodeNumbers, nodesById, slots, withNodeIndex } from '../../shared/estimator/nodeIndex';
import type { DiagramNode } from '../../shared/model/schema';

describe('nodes by id', () => {
  const node = (id: string, label = id): DiagramNode => ({ id, kind: 'service', label });

  it('finds every node by its id, the last one where an id repeats', () => {
    const nodes = [node('a'), node('b', 'first b'), node('b', 'second b')];
    const byId = nodesById(nodes);
    expect([byId.get('a')?.label, byId.get('b')?.label, byId.get('c'), byId.size]).toEqual(['a', 'second b', undefined, 2]);
  });

  it('lists the nodes as a map by id would: each id where it first comes, with its last node', () => {
    const nodes = [node('b', 'first b'), node('a'), node('b', 'second b'), node('c')];
    const byId = nodesById(nodes);
    const expected = [['b', 'second b'], ['a', 'a'], ['c', 'c']];
    expect([...byId].map(([id, n]) => [id, n.label])).toEqual(expected);
    expect([...byId.entries()].map(([id, n]) => [id, n.label])).toEqual(expected);
    expect([...byId.keys()]).toEqual(['b', 'a', 'c']);
    expect([...byId.values()].map((n) => n.label)).toEqual(['second b', 'a', 'c']);
    const seen: string[] = [];
    const self = { tag: 'this' };
    byId.forEach(function (this: typeof self, n, id, map) {
      seen.push(`${id}=${n.label} ${map === byId} ${this.tag}`);
    }, self);
    expect(seen).toEqual(['b=second b true this', 'a=a true this', 'c=c true this']);
    expect([byId.has('a'), byId.has('d')]).toEqual([true, false]);
  });

  it('is built once for the whole of an estimate and sees in-place edits outside one', () => {
    const nodes = [node('a')];
    withNodeIndex(() => {
      expect(nodesById(nodes)).toBe(nodesById(nodes));
      expect(nodesById([...nodes])).not.toBe(nodesById(nodes));
    });
    nodes.push(node('b'));
    expect(nodesById(nodes).has('b')).toBe(true);
    expect(nodesById(nodes)).not.toBe(nodesById(nodes));
  });

  it('numbers each id by its last node and each edge end by its node, -1 where no node has it', () => {
    const nodes = [node('a'), node('b'), node('b', 'second b')];
    const edges = [{ id: 'e0', source: 'a', target: 'b' }, { id: 'e1', source: 'ghost', target: 'a' }];
    expect([...nodeNumbers(nodes)]).toEqual([['a', 0], ['b', 2]]);
    const ends = edgeEnds({ nodes, edges });
    expect([[...ends.source], [...ends.target]]).toEqual([[0, -1], [2, 0]]);
  });

  it('shares edge ends within an estimate for the same lists, and renumbers for another list of nodes', () => {
    const edges = [{ id: 'e0', source: 'a', target: 'b' }];
    const nodes = [node('a'), node('b')];
    withNodeIndex(() => {
      expect(edgeEnds({ nodes, edges })).toBe(edgeEnds({ nodes, edges }));
      expect(nodeNumbers(nodes)).toBe(nodeNumbers(nodes));
      const swapped = [node('b'), node('a')];
      expect([...edgeEnds({ nodes: swapped, edges }).source]).toEqual([1]);
      expect([...edgeEnds({ nodes, edges }).source]).toEqual([0]);
    });
    expect(edgeEnds({ nodes, edges })).not.toBe(edgeEnds({ nodes, edges }));
    // Ends worked out outside an estimate are not kept for the next one: the edges may be edited in place meanwhile.
    edges[0]!.source = 'b';
    withNodeIndex(() => expect([...edgeEnds({ nodes, edges }).source]).toEqual([1]));
  });

  it('numbers a list of ids (-1 where no node has one) and moves values by id to their node numbers', () => {
    const nodes = [node('a'), node('b'), node('c')];
    expect([...idNumbers(nodes, ['c', 'ghost', 'a'])]).toEqual([2, -1, 0]);
    expect(byNumber(nodes, new Map([['c', 'third'], ['ghost', 'none'], ['a', 'first']]))).toEqual(['first', undefined, 'third']);
    expect(slots(2)).toEqual([undefined, undefined]);
  });

  it('shares the numbers of an order within an estimate for the same nodes, and renumbers for another list', () => {
    const order = ['b', 'a'];
    const nodes = [node('a'), node('b')];
    withNodeIndex(() => {
      expect(idNumbers(nodes, order)).toBe(idNumbers(nodes, order));
      expect([...idNumbers([node('b'), node('a')], order)]).toEqual([0, 1]);
      expect([...idNumbers(nodes, order)]).toEqual([1, 0]);
    });
    expect(idNumbers(nodes, order)).not.toBe(idNumbers(nodes, order));
  });

  it('takes the numbers of an order worked out by number for the rest of an estimate, for those nodes only', () => {
    const order = ['b', 'a'];
    const nodes = [node('a'), node('b')];
    const numbers = Int32Array.of(1, 0);
    withNodeIndex(() => {
      knownNumbers(nodes, order, numbers);
      expect(idNumbers(nodes, order)).toBe(numbers);
      expect([...idNumbers([node('b'), node('a')], order)]).toEqual([0, 1]);
    });
    // Outside an estimate nothing is kept, for this call or the next estimate: the ids are looked up.
    const stale = Int32Array.of(0, 1);
    knownNumbers(nodes, order, stale);
    expect(idNumbers(nodes, order)).not.toBe(stale);
    expect([...idNumbers(nodes, order)]).toEqual([1, 0]);
    withNodeIndex(() => expect([...idNumbers(nodes, order)]).toEqual([1, 0]));
  });
});
