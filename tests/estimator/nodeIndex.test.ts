import { describe, expect, it } from 'vitest';
import { nodesById, withNodeIndex } from '../../shared/estimator/nodeIndex';
import type { DiagramNode } from '../../shared/model/schema';

describe('nodes by id', () => {
  const node = (id: string, label = id): DiagramNode => ({ id, kind: 'service', label });

  it('finds every node by its id, the last one where an id repeats', () => {
    const nodes = [node('a'), node('b', 'first b'), node('b', 'second b')];
    const byId = nodesById(nodes);
    expect([byId.get('a')?.label, byId.get('b')?.label, byId.get('c'), byId.size]).toEqual(['a', 'second b', undefined, 2]);
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
});
