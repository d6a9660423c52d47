import { describe, expect, it } from 'vitest';
import { article, closest, didYouMean, editDistance } from '../../shared/model/didYouMean';
import { findLoadCycles, topologicalOrder, topologicalPositions } from '../../shared/model/graph';
import { loadDiagram } from '../../shared/model/load';
import { formatPath, formatProblem } from '../../shared/model/problems';

/** A small valid diagram to break one way at a time. */
const base = (): any => ({
  format: 'mlsd-studio/diagram', version: 1, title: 'T',
  nodes: [{ id: 'users', kind: 'traffic', label: 'U', traffic: { qps: 1 } }, { id: 'api', kind: 'service', label: 'API', latency: { p50Ms: 1, p99Ms: 2 } }],
  edges: [{ id: 'e1', source: 'users', target: 'api' }],
});
const problems = (edit: (d: any) => void, text?: (json: string) => string): string[] => {
  const d = base();
  edit(d);
  const json = JSON.stringify(d);
  const result = loadDiagram(text ? text(json) : json);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('what the loader says about a wrong value', () => {
  it.each([
    ['a null', (d: any) => (d.nodes[1].label = null), 'nodes[1].label: must be text, not null'],
    ['a list', (d: any) => (d.nodes[1].label = [1]), 'nodes[1].label: must be text, not a list'],
    ['an object', (d: any) => (d.nodes[1].label = { a: 1 }), 'nodes[1].label: must be text, not an object'],
    ['true or false', (d: any) => (d.nodes[0].traffic.qps = true), 'nodes[0].traffic.qps: must be a number, not boolean true'],
    ['long text, cut short', (d: any) => (d.nodes[0].traffic.qps = 'x'.repeat(50)), `nodes[0].traffic.qps: must be a number, not the text "${'x'.repeat(40)}…"`],
    ['short text', (d: any) => (d.edges[0].stage = '1'), 'edges[0].stage: must be a number, not the text "1"'],
    ['a missing field', (d: any) => delete d.nodes[1].label, 'nodes[1].label: is required'],
    ['a typo in a choice', (d: any) => (d.edges[0].fanout = 'paralel'), 'edges[0].fanout: "paralel" is not one of "parallel", "sequential" (did you mean "parallel"?)'],
    ['a list where an object goes', (d: any) => (d.nodes = {}), 'nodes: must be a list, not an object'],
    ['a number where an object goes', (d: any) => (d.edges = [5]), 'edges[0]: must be an object, not number 5'],
    ['a missing viewport zoom', (d: any) => (d.viewport = { x: 0, y: 0 }), 'viewport.zoom: is required'],
  ])('%s', (_name, edit, message) => {
    expect(problems(edit)).toEqual([message]);
  });

  it('a number too large for JSON to hold', () => {
    expect(problems((d) => (d.nodes[0].traffic.qps = 'INF'), (json) => json.replace('"INF"', '1e999'))).toEqual(['nodes[0].traffic.qps: must be a finite number']);
  });

  it('either of two shapes', () => {
    const found = problems((d) => {
      d.nodes[1].kind = 'database';
      d.nodes[1].storage = { bytesPerItem: 1, growthItemsPerDay: 'trafic' };
    });
    expect(found).toEqual(['nodes[1].storage.growthItemsPerDay: must be a number or "traffic", not the text "trafic"']);
  });
});

describe('what the loader says about a wrong structure', () => {
  it.each([
    ['a traffic node without traffic', (d: any) => delete d.nodes[0].traffic, 'nodes[0].traffic: is required on a traffic node (qps, or dau with requestsPerUserPerDay)'],
    ['users without their habits', (d: any) => (d.nodes[0].traffic = { dau: 5 }), 'nodes[0].traffic.requestsPerUserPerDay: is required with dau'],
    ['habits without users', (d: any) => (d.nodes[0].traffic = { requestsPerUserPerDay: 5 }), 'nodes[0].traffic.dau: is required with requestsPerUserPerDay'],
    ['storage with no item size', (d: any) => ((d.nodes[1].kind = 'database'), (d.nodes[1].storage = { items: 5 })), 'nodes[1].storage: give either bytes, or bytesPerItem with items and/or growthItemsPerDay'],
    ['a mistyped storage class', (d: any) => (d.nodes[1].cost = { storageClass: 's3-standar' }), 'nodes[1].cost.storageClass: no storage class "s3-standar" in the price catalog (did you mean "s3-standard"?)'],
    ['a repeated group id', (d: any) => (d.groups = [{ id: 'g', label: 'G' }, { id: 'g', label: 'H' }]), 'groups[1].id: duplicate id "g" (also groups[0])'],
    ['an edge from nowhere', (d: any) => (d.edges[0].source = 'usres'), 'edges[0].source: no node "usres" (did you mean "users"?)'],
    ['a block the kind does not take', (d: any) => (d.nodes[0].capacity = { replicas: 2 }), 'nodes[0].capacity: a Traffic node takes no capacity block'],
    ['an article before a vowel', (d: any) => ((d.nodes[1].kind = 'objectStore'), (d.nodes[1].cache = { hitRate: 0.5 })), 'nodes[1].cache: an Object store node takes no cache block'],
  ])('%s', (_name, edit, message) => {
    expect(problems(edit)).toEqual([message]);
  });

  it('p99 equal to p50 is a constant service time, not an error', () => {
    expect(problems((d) => (d.nodes[1].latency = { p50Ms: 3, p99Ms: 3 }))).toEqual([]);
  });

  it('reports each loop of calls once, at the edge that closes it', () => {
    const nodes = ['a', 'b', 'c', 'x', 'y'].map((id) => ({ id }));
    const edges = [
      { id: 'ab', source: 'a', target: 'b' }, { id: 'bc', source: 'b', target: 'c' }, { id: 'ca', source: 'c', target: 'a', mode: 'async' as const },
      { id: 'cb', source: 'c', target: 'b' },
      { id: 'xy', source: 'x', target: 'y' }, { id: 'yx', source: 'y', target: 'x' },
      { id: 'off', source: 'b', target: 'x', mode: 'offline' as const }, { id: 'ghost', source: 'a', target: 'nowhere' },
    ];
    expect(findLoadCycles({ nodes, edges } as any)).toEqual([
      { nodes: ['a', 'b', 'c', 'a'], closingEdge: 2 },
      { nodes: ['x', 'y', 'x'], closingEdge: 5 },
    ]);
  });

  it('orders nodes so every call goes from an earlier to a later node, ignoring offline edges', () => {
    const nodes = ['d', 'c', 'b', 'a'].map((id) => ({ id }));
    const edges = [
      { id: '1', source: 'a', target: 'b' }, { id: '2', source: 'b', target: 'c', mode: 'async' as const },
      { id: '3', source: 'a', target: 'c' }, { id: '4', source: 'c', target: 'a', mode: 'offline' as const }, { id: '5', source: 'c', target: 'd' },
    ];
    const order = topologicalOrder({ nodes, edges } as any);
    expect([...order].sort()).toEqual(['a', 'b', 'c', 'd']);
    for (const e of edges.filter((x) => x.mode !== 'offline')) expect(order.indexOf(e.source)).toBeLessThan(order.indexOf(e.target));
  });

  it('gives each id of the order its position in the list (the first of a repeated id, once), and only the ids a cycle leaves ordered', () => {
    const nodes = ['d', 'c', 'b', 'a', 'c'].map((id) => ({ id }));
    const edges = [{ id: '1', source: 'a', target: 'b' }, { id: '2', source: 'b', target: 'c' }, { id: '3', source: 'c', target: 'd' }];
    const { ids, positions } = topologicalPositions({ nodes, edges } as any);
    expect(ids).toEqual(topologicalOrder({ nodes, edges } as any));
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
    expect([...positions]).toEqual([3, 2, 1, 0]);
    // d -> e -> d is a cycle: neither is ordered, and the positions end where the ids do.
    const cyclic = [...edges, { id: '4', source: 'd', target: 'e' }, { id: '5', source: 'e', target: 'd' }];
    const partial = topologicalPositions({ nodes: [...nodes, { id: 'e' }], edges: cyclic } as any);
    expect(partial.ids).toEqual(['a', 'b', 'c']);
    expect([...partial.positions]).toEqual([3, 2, 1]);
  });
});

describe('suggestions and paths', () => {
  it('measures edit distance without regard to case', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('Cache', 'cache')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
  });

  it('suggests the closest name within a third of its length (at least 2 edits), preferring a shared start', () => {
    expect(closest('vectorIndx', ['vectorIndex', 'searchIndex'])).toBe('vectorIndex');
    expect(closest('qps', ['dau', 'qps2'])).toBe('qps2');
    expect(closest('ab', ['xy'])).toBe('xy');
    expect(closest('abc', ['xyz'])).toBeUndefined();
    expect(closest('cat', ['bat', 'cap'])).toBe('cap');
    expect(closest('abcdefghi', ['abcxyzghi'])).toBe('abcxyzghi');
    expect(closest('abcdefghi', ['abwxyzghi'])).toBeUndefined();
    expect(didYouMean('modle', ['model'])).toBe(' (did you mean "model"?)');
    expect(didYouMean('zzzzzz', ['model'])).toBe('');
  });

  it('says "an" before a vowel', () => {
    expect(['External API', 'object store', 'Service', 'Upload'].map(article)).toEqual(['an', 'an', 'a', 'an']);
  });

  it('writes paths with dots and indexes', () => {
    expect(formatPath(['nodes', 3, 'latency', 'p99Ms'])).toBe('nodes[3].latency.p99Ms');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath([])).toBe('');
    expect(formatProblem({ path: '', message: 'the file is empty' })).toBe('the file is empty');
  });
});
