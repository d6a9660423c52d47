import { describe, expect, it } from 'vitest';
import { loadDiagram } from '../../shared/model/load';
import { fixtureJson } from '../helpers';

/**
 * The small search fixture after an edit, as the problems a user reads:
 * the diagnostic code (shown by `mlsd estimate` and used by live editing),
 * the path and the message.
 */
function problemsAfter(edit: (doc: Record<string, any>) => void): string[] {
  const doc = fixtureJson('small-search.mlsd.json');
  edit(doc);
  const result = loadDiagram(JSON.stringify(doc));
  return result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}: ${p.message}`);
}

describe('checks across a diagram', () => {
  it('name each problem with its code, path and message', () => {
    const cases: [(doc: Record<string, any>) => void, string[]][] = [
      [(d) => (d.nodes[5].id = 'ann'), ['duplicate-id nodes[5].id: duplicate id "ann" (also nodes[4])', 'dangling-edge edges[4].target: no node "rerank"']],
      [(d) => (d.edges[2].id = 'e1'), ['duplicate-id edges[2].id: duplicate id "e1" (also edges[0])']],
      [(d) => d.groups.push({ id: 'online', label: 'Again' }), ['duplicate-id groups[2].id: duplicate id "online" (also groups[0])']],
      [(d) => (d.annotations = [{ id: 'ann', kind: 'note', text: 'Shards?', position: { x: 0, y: 0 } }]), ['duplicate-id annotations[0].id: id "ann" is already used by a node, edge or group']],
      [(d) => (d.nodes[7].cache = { hitRate: 0.5 }), ['block-not-allowed nodes[7].cache: a Monitoring node takes no cache block']],
      [(d) => delete d.nodes[0].traffic, ['traffic-missing nodes[0].traffic: is required on a traffic node (qps, or dau with requestsPerUserPerDay)']],
      [(d) => (d.nodes[0].traffic = { qps: 10, dau: 5, requestsPerUserPerDay: 1 }), ['traffic-shape nodes[0].traffic: give either qps, or dau with requestsPerUserPerDay']],
      [(d) => (d.nodes[0].traffic = { peakToAverage: 2 }), ['traffic-shape nodes[0].traffic: give either qps, or dau with requestsPerUserPerDay']],
      [(d) => (d.nodes[0].traffic = { dau: 5 }), ['traffic-shape nodes[0].traffic.requestsPerUserPerDay: is required with dau']],
      [(d) => (d.nodes[0].traffic = { requestsPerUserPerDay: 5 }), ['traffic-shape nodes[0].traffic.dau: is required with requestsPerUserPerDay']],
      [(d) => (d.nodes[3].latency = { p50Ms: 8, p99Ms: 5 }), ['latency-order nodes[3].latency.p99Ms: must be >= p50Ms (8)']],
      [(d) => (d.nodes[9].storage = { bytes: 10, items: 5, compression: 2 }), [
        'storage-shape nodes[9].storage.items: is not used with bytes: give bytes, or item counts',
        'storage-shape nodes[9].storage.compression: is not used with bytes: give bytes, or item counts',
      ]],
      [(d) => (d.nodes[9].storage = { items: 5 }), ['storage-shape nodes[9].storage: give either bytes, or bytesPerItem with items and/or growthItemsPerDay']],
      [(d) => (d.nodes[1].cost.instance = 'm7i.xlarg'), ['unknown-price nodes[1].cost.instance: no instance type "m7i.xlarg" in the price catalog (did you mean "m7i.xlarge"?)']],
      [(d) => (d.nodes[6].cost.storageClass = 'sdd'), ['unknown-price nodes[6].cost.storageClass: no storage class "sdd" in the price catalog (did you mean "ssd"?)']],
      [(d) => (d.nodes[5].params = { vectors: 5 }), ['params-not-allowed nodes[5].params: a Service node takes no params']],
      [(d) => (d.nodes[0].group = 'onlne'), ['unknown-group nodes[0].group: no group "onlne" (did you mean "online"?)']],
      [(d) => (d.edges[4].target = 'rerankr'), ['dangling-edge edges[4].target: no node "rerankr" (did you mean "rerank"?)']],
      [(d) => (d.edges[4].source = 'cach'), ['dangling-edge edges[4].source: no node "cach" (did you mean "cache"?)']],
      [(d) => (d.edges[7].target = 'users'), ['edge-into-traffic edges[7].target: "users" is a traffic node: load only leaves it, nothing may call it']],
      // A repeated id names its last node: here a traffic node, which the edge into "logs" may not call.
      [(d) => d.nodes.push({ id: 'logs', kind: 'traffic', label: 'More users', traffic: { qps: 5 } }), [
        'duplicate-id nodes[10].id: duplicate id "logs" (also nodes[6])',
        'edge-into-traffic edges[5].target: "logs" is a traffic node: load only leaves it, nothing may call it',
      ]],
      [(d) => d.edges.push({ id: 'back', source: 'rerank', target: 'gateway' }), ['cycle edges[10]: sync and async edges form a cycle: gateway -> cache -> rerank -> gateway (only offline edges may loop)']],
    ];
    for (const [edit, expected] of cases) expect(problemsAfter(edit), expected.join('\n')).toEqual(expected);
  });

  it('check group names even in a diagram that has no groups', () => {
    const found = problemsAfter((d) => {
      delete d.groups;
      for (const node of d.nodes) delete node.group;
      d.nodes[2].group = 'online';
    });
    expect(found).toEqual(['unknown-group nodes[2].group: no group "online"']);
  });
});

describe('a node\'s replicas and shards', () => {
  const capacity = (index: number, value: Record<string, unknown>) => problemsAfter((d) => (d.nodes[index].capacity = value));

  it('need maxReplicas at least minReplicas, which is 1 when not given', () => {
    expect(capacity(5, { replicas: 'auto', minReplicas: 4, maxReplicas: 4 })).toEqual([]);
    expect(capacity(5, { replicas: 'auto', maxReplicas: 1 })).toEqual([]);
    expect(capacity(5, { replicas: 'auto', minReplicas: 0, maxReplicas: 1 })).toEqual([]);
    expect(capacity(5, { replicas: 'auto', minReplicas: 4, maxReplicas: 3 })).toEqual(['capacity-range nodes[5].capacity.maxReplicas: must be >= minReplicas (4)']);
    expect(capacity(5, { replicas: 'auto', minReplicas: 2, maxReplicas: 1 })).toEqual(['capacity-range nodes[5].capacity.maxReplicas: must be >= minReplicas (2)']);
  });

  it('need a fixed replica count within maxReplicas', () => {
    expect(capacity(5, { replicas: 4, maxReplicas: 4 })).toEqual([]);
    expect(capacity(5, { replicas: 5, maxReplicas: 4 })).toEqual(['capacity-range nodes[5].capacity.replicas: must be <= maxReplicas (4)']);
    expect(capacity(5, { replicas: 5 })).toEqual([]);
  });

  it('take shards only on shard-bounded kinds, and a write ceiling only on a database', () => {
    const bounded = 'applies only to shard-bounded kinds (database, cache, featureStore, vectorIndex, searchIndex, queue)';
    expect(capacity(4, { replicas: 'auto', shards: 8, qpsPerShard: 500 })).toEqual([]);
    expect(capacity(5, { replicas: 4, shards: 8 })).toEqual([`capacity-range nodes[5].capacity.shards: ${bounded}`]);
    expect(capacity(5, { replicas: 4, shards: 8, qpsPerShard: 500 })).toEqual([`capacity-range nodes[5].capacity.shards: ${bounded}`]);
    expect(capacity(5, { replicas: 4, qpsPerShard: 500 })).toEqual([`capacity-range nodes[5].capacity.qpsPerShard: ${bounded}`]);
    expect(capacity(4, { replicas: 'auto', writeQpsPerShard: 500 })).toEqual(['capacity-range nodes[4].capacity.writeQpsPerShard: applies only to a database']);
    expect(problemsAfter((d) => {
      d.nodes[4].kind = 'database';
      delete d.nodes[4].params;
      d.nodes[4].capacity = { replicas: 'auto', shards: 4, writeQpsPerShard: 500 };
    })).toEqual([]);
  });
});

describe('an edge\'s fallback', () => {
  it('names another node than the edge\'s own ends', () => {
    expect(problemsAfter((d) => (d.edges[4].fallback = 'encoder'))).toEqual([]);
    expect(problemsAfter((d) => (d.edges[4].fallback = 'rerank'))).toEqual(['dangling-edge edges[4].fallback: must name a node other than the edge\'s own ends']);
    expect(problemsAfter((d) => (d.edges[4].fallback = 'cache'))).toEqual(['dangling-edge edges[4].fallback: must name a node other than the edge\'s own ends']);
    expect(problemsAfter((d) => (d.edges[4].fallback = 'encodr'))).toEqual(['dangling-edge edges[4].fallback: no node "encodr" (did you mean "encoder"?)']);
  });
});

describe('a document with entries that are not objects', () => {
  it('still gets the checks of its well-formed nodes', () => {
    for (const odd of [null, 5, 'node', [1]]) {
      const found = problemsAfter((d) => {
        d.nodes.push(odd);
        d.nodes[0].group = 'onlne';
      });
      expect(found.filter((p) => !p.startsWith('undefined nodes[10]:')), JSON.stringify(odd)).toEqual([
        'unknown-group nodes[0].group: no group "onlne" (did you mean "online"?)',
      ]);
    }
  });
});

describe('a file the schema rejects', () => {
  it('still gets its structure checked, with suggestions, beside an edge whose end is not text and a node that is not an object', () => {
    const problems = problemsAfter((d) => {
      d.edges[0].source = 7;
      d.nodes.push(12);
      d.edges[1].target = d.edges[1].target.slice(0, -1);
    });
    const misspelled = problems.find((p) => p.startsWith('dangling-edge edges[1].target'));
    expect(misspelled, problems.join('\n')).toMatch(/\(did you mean ".+"\?\)$/);
  });
});
