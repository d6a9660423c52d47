import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../shared/catalog';
import { findLoadCycles } from '../../shared/model/graph';
import type { Diagram, DiagramNode } from '../../shared/model/schema';
import { readFileSync } from 'node:fs';
import { estimate } from '../../shared/estimator/estimate';
import { edgeEnds, nodeNumbers } from '../../shared/estimator/nodeIndex';
import { loadDiagram } from '../../shared/model/load';
import { checkStructure, vouchedIndex, withCheckedStructure } from '../../shared/model/structure';

const service = (id: string): DiagramNode => ({ id, kind: 'service', label: id });
const graph = (ids: string[], links: [string, string, ('sync' | 'async' | 'offline')?][]): Diagram => ({
  format: 'mlsd-studio/diagram', version: 1, title: 'Test',
  nodes: ids.map(service),
  edges: links.map(([source, target, mode], i) => ({ id: `e${i}`, source, target, ...(mode ? { mode } : {}) })),
});

describe('load cycles', () => {
  it('names one cycle per tangle, in the order a walk from the first node meets them, with the edge that closes it', () => {
    const design = graph(['a', 'b', 'c', 'd', 'e', 'f'], [
      ['a', 'b'], ['b', 'c'], ['c', 'a', 'async'], ['c', 'b'], ['d', 'e'], ['e', 'd'], ['f', 'a', 'offline'], ['a', 'f', 'offline'], ['b', 'zzz'],
    ]);
    expect(findLoadCycles(design)).toEqual([
      { nodes: ['a', 'b', 'c', 'a'], closingEdge: 2 },
      { nodes: ['d', 'e', 'd'], closingEdge: 5 },
    ]);
  });

  it('follows a repeated node id as one node', () => {
    const design = graph(['a', 'b', 'a'], [['a', 'b'], ['b', 'a']]);
    expect(findLoadCycles(design)).toEqual([{ nodes: ['a', 'b', 'a'], closingEdge: 1 }]);
    expect(checkStructure(design, DEFAULT_CATALOG).map((p) => p.path)).toEqual(['nodes[2].id', 'edges[1]']);
  });

  it('walks a chain of 100,000 calls without running out of stack', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `n${i}`);
    const links = ids.slice(1).map((id, i): [string, string] => [ids[i]!, id]);
    expect(findLoadCycles(graph(ids, [...links, ['n99999', 'n50000']]))).toEqual([
      { nodes: [...ids.slice(50_000), 'n50000'], closingEdge: 99_999 },
    ]);
  });
});

describe('a structure already checked', () => {
  it('is not checked again while its reader vouches for it; any other diagram or catalog still is', () => {
    const broken = graph(['a', 'b'], [['a', 'b'], ['b', 'a']]);
    const other = graph(['a', 'b'], [['a', 'b'], ['b', 'a']]);
    const catalog = { ...DEFAULT_CATALOG };
    const inside = withCheckedStructure(broken, DEFAULT_CATALOG, () => [
      checkStructure(broken, DEFAULT_CATALOG).length,
      checkStructure(other, DEFAULT_CATALOG).length,
      checkStructure(broken, catalog).length,
    ]);
    expect(inside).toEqual([0, 1, 1]);
    expect(checkStructure(broken, DEFAULT_CATALOG)).toHaveLength(1);
  });

  it('ends with the work, even when the work fails', () => {
    const broken = graph(['a'], [['a', 'a']]);
    expect(() => withCheckedStructure(broken, DEFAULT_CATALOG, () => {
      throw new Error('stop');
    })).toThrow('stop');
    expect(checkStructure(broken, DEFAULT_CATALOG)).toHaveLength(1);
  });
});

describe('the index reading built', () => {
  const read = (name: string, keepIndex = true) => {
    const loaded = loadDiagram(readFileSync(`blueprints/${name}.mlsd.json`, 'utf8'), { keepIndex });
    if (!loaded.ok) throw new Error(name);
    return loaded.diagram;
  };

  it('is lent to the work on the diagram as read, and gives the numbers and ends the estimator would build', () => {
    const diagram = read('news-feed');
    const lent = withCheckedStructure(diagram, DEFAULT_CATALOG, () => vouchedIndex(diagram.nodes, diagram.edges));
    expect(lent).toBeDefined();
    expect([...lent!.numbers]).toEqual(diagram.nodes.map((n, i) => [n.id, i]));
    expect(lent!.numbers).toEqual(nodeNumbers(diagram.nodes));
    expect(lent!.ends).toEqual(edgeEnds(diagram));
    expect(withCheckedStructure(diagram, DEFAULT_CATALOG, () => nodeNumbers(diagram.nodes))).toBe(lent!.numbers);
    expect(withCheckedStructure(diagram, DEFAULT_CATALOG, () => estimate(diagram))).toEqual(estimate(diagram));
  });

  it('is not lent for other lists, another catalog, outside the work, or once another file was read', () => {
    const diagram = read('news-feed');
    expect(vouchedIndex(diagram.nodes)).toBeUndefined();
    withCheckedStructure(diagram, DEFAULT_CATALOG, () => {
      expect(vouchedIndex([...diagram.nodes])).toBeUndefined();
      expect(vouchedIndex(diagram.nodes, [...diagram.edges])).toBeUndefined();
      expect(vouchedIndex(diagram.nodes)).toBeDefined();
    });
    expect(withCheckedStructure(diagram, { ...DEFAULT_CATALOG }, () => vouchedIndex(diagram.nodes))).toBeUndefined();
    read('video-recommendation');
    expect(withCheckedStructure(diagram, DEFAULT_CATALOG, () => vouchedIndex(diagram.nodes))).toBeUndefined();
  });

  it('is kept only when the reader asks for it', () => {
    const diagram = read('news-feed', false);
    expect(withCheckedStructure(diagram, DEFAULT_CATALOG, () => vouchedIndex(diagram.nodes))).toBeUndefined();
  });

  it('is dropped when the diagram is read again and found to have problems', () => {
    const diagram = graph(['a', 'b'], [['a', 'b']]);
    expect(checkStructure(diagram, DEFAULT_CATALOG, true)).toEqual([]);
    expect(withCheckedStructure(diagram, DEFAULT_CATALOG, () => vouchedIndex(diagram.nodes))).toBeDefined();
    diagram.edges.push({ id: 'back', source: 'b', target: 'a' });
    expect(checkStructure(diagram, DEFAULT_CATALOG, true)).toHaveLength(1);
    expect(withCheckedStructure(diagram, DEFAULT_CATALOG, () => vouchedIndex(diagram.nodes))).toBeUndefined();
  });
});
