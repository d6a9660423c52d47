import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../shared/catalog';
import { ceilingDiagnostics } from '../../shared/estimator/ceilings';
import type { NodeEstimate } from '../../shared/estimator/output';
import type { Rate } from '../../shared/estimator/rates';
import type { Diagram, DiagramNode } from '../../shared/model/schema';

/** The figures of a node that matter to its ceilings: replicas and bytes held. */
const figures = (id: string, replicas: number | null, storageBytes = 0): NodeEstimate =>
  ({ id, qps: { peak: 0, avg: 0 }, replicas, utilization: null, latencyMs: null, storageBytes, costUsdPerMonth: { compute: 0, storage: 0, total: 0 } });

const rates = (entries: Record<string, number>) => new Map(Object.entries(entries).map(([id, peak]) => [id, { peak, avg: peak / 2 } as Rate]));

const GIB = 2 ** 30;

describe('a cache larger than its memory', () => {
  // r7i.xlarge: 32 GiB of memory each.
  const cache = (cost: DiagramNode['cost']): DiagramNode => ({ id: 'c', kind: 'cache', label: 'Hot cache', cache: { hitRate: 0.8 }, cost }) as DiagramNode;
  const check = (node: DiagramNode, replicas: number | null, bytes: number) =>
    ceilingDiagnostics({ nodes: [node], edges: [] } as unknown as Diagram, [figures('c', replicas, bytes)], rates({ c: 10 }), DEFAULT_CATALOG);

  it('says what it holds, what its replicas have, and how many would hold it: 3 x 32 GiB for 70 GiB', () => {
    expect(check(cache({ instance: 'r7i.xlarge' }), 2, 70 * GIB)).toEqual([{
      severity: 'warning', code: 'cache-memory', node: 'c',
      message:
        '"Hot cache" holds 75.2 GB but its 2 x r7i.xlarge have 68.7 GB of memory: the working set does not fit, so fewer requests hit ' +
        'than its hit rate says. About 3 replicas would hold it (minReplicas), or keep less.',
    }]);
  });

  it('is quiet when the data fits exactly, when its bytes are priced as storage, and without a known instance or replicas', () => {
    expect(check(cache({ instance: 'r7i.xlarge' }), 2, 64 * GIB)).toEqual([]);
    expect(check(cache({ instance: 'r7i.xlarge', storageClass: 'ram' }), 2, 70 * GIB)).toEqual([]);
    expect(check(cache({ instance: 'r7i.xlarge', gbMonthUsd: 1 }), 2, 70 * GIB)).toEqual([]);
    expect(check(cache({ instance: 'no-such-instance' }), 2, 70 * GIB)).toEqual([]);
    expect(check(cache({ hourlyUsd: 1 }), 2, 70 * GIB)).toEqual([]);
    expect(check(cache(undefined), 2, 70 * GIB)).toEqual([]);
    expect(check(cache({ instance: 'r7i.xlarge' }), null, 70 * GIB)).toEqual([]);
    expect(check({ ...cache({ instance: 'r7i.xlarge' }), kind: 'service' }, 2, 70 * GIB)).toEqual([]);
  });
});

describe('a database past its writes per shard', () => {
  const db = (capacity: object = {}, storage?: object): DiagramNode =>
    ({ id: 'db', kind: 'database', label: 'Events DB', capacity, ...(storage ? { storage } : {}) }) as DiagramNode;
  const writer = (id: string, extra: Partial<DiagramNode> = {}): DiagramNode => ({ id, kind: 'service', label: id, ...extra }) as DiagramNode;

  it('adds async writes from every caller, each at its misses x calls, and items growing per day, against 10,000 per shard', () => {
    const nodes = [writer('a'), writer('b', { kind: 'cache', cache: { hitRate: 0.75 } } as Partial<DiagramNode>), db({}, { growthItemsPerDay: 86_400_000 })];
    const diagram = {
      nodes,
      edges: [
        { id: 'e1', source: 'a', target: 'db', mode: 'async', calls: 2 },
        { id: 'e2', source: 'b', target: 'db', mode: 'async' },
        { id: 'e3', source: 'a', target: 'db' },
      ],
    } as unknown as Diagram;
    // 2 x 3,000 + 0.25 x 8,000 + 86.4M / 86,400 = 6,000 + 2,000 + 1,000 = 9,000: under 10,000; at 4,000 QPS from a, 11,000.
    const at = (aQps: number) => ceilingDiagnostics(diagram, nodes.map((n) => figures(n.id, 1)), rates({ a: aQps, b: 8000, db: 0 }), DEFAULT_CATALOG);
    expect(at(3000)).toEqual([]);
    expect(at(4000)).toEqual([{
      severity: 'warning', code: 'write-ceiling', node: 'db',
      message:
        '"Events DB" takes about 11k QPS of writes at peak, more than 1 shard sustain (~10k QPS each on one primary): ' +
        'more replicas only add readers. Shard it (capacity.shards) or batch the writes.',
    }]);
  });

  it('counts traffic-driven growth at the average rate, and no writes at all without growth or async callers', () => {
    const check = (storage: object | undefined, avg: number) =>
      ceilingDiagnostics({ nodes: [db({ writeQpsPerShard: 100 }, storage)], edges: [] } as unknown as Diagram, [figures('db', 1)], new Map([['db', { peak: 10 * avg, avg }]]), DEFAULT_CATALOG);
    expect(check({ growthItemsPerDay: 'traffic' }, 150)[0]!.message).toContain('takes about 150 QPS of writes at peak, more than 1 shard sustain (~100 QPS each');
    expect(check({ growthItemsPerDay: 'traffic' }, 100)).toEqual([]);
    expect(check(undefined, 1e9)).toEqual([]);
  });

  it('finds each node\'s figures by id when they come in another order', () => {
    const nodes = [writer('a'), db({ shards: 2, writeQpsPerShard: 1000 })];
    const diagram = { nodes, edges: [{ id: 'e1', source: 'a', target: 'db', mode: 'async' }] } as unknown as Diagram;
    const found = ceilingDiagnostics(diagram, [figures('db', 1), figures('a', 1)], rates({ a: 2500, db: 0 }), DEFAULT_CATALOG);
    expect(found.map((d) => d.message)).toEqual([
      '"Events DB" takes about 2.5k QPS of writes at peak, more than 2 shards sustain (~1k QPS each on one primary): ' +
        'more replicas only add readers. Shard it (capacity.shards) or batch the writes.',
    ]);
    const cache = { id: 'c', kind: 'cache', label: 'C', cache: { hitRate: 0.5 }, cost: { instance: 'r7i.xlarge' } } as DiagramNode;
    const mixed = ceilingDiagnostics({ nodes: [cache, writer('a')], edges: [] } as unknown as Diagram, [figures('a', 1), figures('c', 1, 40 * GIB)], rates({ a: 1, c: 1 }), DEFAULT_CATALOG);
    expect(mixed.map((d) => d.code)).toEqual(['cache-memory']);
  });
});
