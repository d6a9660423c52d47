import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../shared/catalog';
import { ceilingDiagnostics } from '../../shared/estimator/ceilings';
import { queueDiagnostics, structureDiagnostics } from '../../shared/estimator/diagnostics';
import type { NodeEstimate } from '../../shared/estimator/output';
import type { Queueing } from '../../shared/estimator/queueing';
import type { Diagram, DiagramNode } from '../../shared/model/schema';
import { diagramOf, svc, users } from './build';

const diagram = diagramOf([users(100), svc('api', 5, 20)], [{ source: 'users', target: 'api' }]);
const pool = (q: Partial<Queueing>): Queueing => ({
  replicas: 4, servers: 4, offeredLoad: 2, utilization: 0.5, saturated: false, waitProbability: 0, waitWhenWaitingMs: 0, neededReplicas: 4, ...q,
});
const messages = (q: Partial<Queueing>, peakQps = 400) => queueDiagnostics(diagram, new Map([['api', pool(q)]]), () => peakQps);

describe('what a saturated node says is the cause', () => {
  it('its shards, when the peak reaches shards x qpsPerShard', () => {
    const [d] = messages({ saturated: true, utilization: 0.5, shardCeilingQps: 400 });
    expect(d).toMatchObject({ severity: 'error', code: 'saturated', node: 'api' });
    expect(d!.message).toMatch(/its shards serve at most 400 .*Add shards\./);
  });

  it('its replica limit, when "auto" needs more replicas than maxReplicas', () => {
    const [d] = messages({ saturated: true, utilization: 1.2, neededReplicas: 6, maxReplicas: 4, shardCeilingQps: 1_000 });
    expect(d!.message).toMatch(/needs 6 replicas, limit 4: saturated/);
  });

  it('its fixed servers otherwise, even at its replica limit exactly', () => {
    const [d] = messages({ saturated: true, utilization: 1.2, offeredLoad: 4.8, neededReplicas: 4, maxReplicas: 4 });
    expect(d!.message).toMatch(/is saturated: 400 .* needs 4\.8 busy servers but it has 4 replicas x concurrency 1/);
  });
});

describe('the order of the busy nodes', () => {
  const three = diagramOf([users(100), svc('a', 5, 20), svc('b', 5, 20), svc('c', 5, 20)], []);
  const busy = pool({ utilization: 0.9 });
  // Exactly at the threshold is not above it.
  const calm = pool({ utilization: 0.8 });
  const nodesOf = (d: Diagram, queues: Map<string, Queueing>) => queueDiagnostics(d, queues, () => 400).map((x) => `${x.code}:${x.node}`);

  it("is the nodes', whatever the order of their queues, and a calm node or a queue without a node says nothing", () => {
    const queues = new Map([['c', pool({ saturated: true, utilization: 1.5 })], ['ghost', busy], ['b', calm], ['a', busy]]);
    expect(nodesOf(three, queues)).toEqual(['high-utilization:a', 'saturated:c']);
  });

  it('names each node of an id that repeats, in their order', () => {
    const repeated = { ...three, nodes: [...three.nodes, { ...three.nodes[1]!, label: 'A again' }] };
    const queues = new Map([['a', busy], ['b', busy], ['c', calm]]);
    const found = queueDiagnostics(repeated, queues, () => 400);
    expect(found.map((x) => `${x.code}:${x.node}`)).toEqual(['high-utilization:a', 'high-utilization:b', 'high-utilization:a']);
    expect(found[2]!.message).toMatch(/^"A again" runs at 90% utilization/);
  });
});

describe('a busy node at its replica limit', () => {
  it('says it is held at the limit where it needs more replicas, and nothing of a limit it is within', () => {
    const [held] = messages({ utilization: 0.9, neededReplicas: 6, maxReplicas: 4 });
    expect(held).toMatchObject({ severity: 'warning', code: 'high-utilization' });
    expect(held!.message).toContain('held at its limit of 4 replicas where it needs 6');
    const [within] = messages({ utilization: 0.9, neededReplicas: 4, maxReplicas: 4 });
    expect(within!.message).not.toContain('held at its limit');
  });
});

describe('structural problems', () => {
  it('are placed on the node or edge their path names', () => {
    const found = structureDiagnostics(diagram, [
      { path: 'nodes[1].latency', message: 'p99Ms must be >= p50Ms' },
      { path: 'edges[0]', message: 'closes a cycle', code: 'cycle' },
      { path: 'budgets', message: 'bad budget' },
    ]);
    expect(found[0]).toMatchObject({ severity: 'error', code: 'invalid-diagram', node: 'api', message: 'nodes[1].latency: p99Ms must be >= p50Ms' });
    expect(found[0]!.edge).toBeUndefined();
    expect(found[1]).toMatchObject({ code: 'cycle', edge: diagram.edges[0]!.id });
    expect(found[1]!.node).toBeUndefined();
    expect(found[2]!.node).toBeUndefined();
    expect(found[2]!.edge).toBeUndefined();
  });
});

describe('the write ceiling', () => {
  it('is a database\'s alone: an object store growing by a billion items a day says nothing of shards', () => {
    const store = { id: 'blobs', kind: 'objectStore', label: 'Blobs', storage: { growthItemsPerDay: 1e9 } } as unknown as DiagramNode;
    const figures = { id: 'blobs', qps: { peak: 0, avg: 0 }, replicas: null, utilization: null, latencyMs: null, storageBytes: 0, costUsdPerMonth: { compute: 0, storage: 0, total: 0 } } as unknown as NodeEstimate;
    const found = ceilingDiagnostics({ nodes: [store], edges: [] } as unknown as Diagram, [figures], new Map([['blobs', { peak: 10, avg: 10 }]]), DEFAULT_CATALOG);
    expect(found).toEqual([]);
  });
});
