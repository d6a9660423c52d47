import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { loadDiagram } from '../../shared/model/load';
import { call, diagramOf, svc, users } from './build';

// A constant 10 ms service: each replica serves 100 QPS at most, 60 QPS at the 60% target.
const ranker = (qps: number, capacity: Record<string, unknown>) =>
  diagramOf([users(qps), svc('ranker', 10, 10, { label: 'Ranker', capacity })], [call('users', 'ranker')]);

describe('maxReplicas', () => {
  it('sizes "auto" up to the limit and no further', () => {
    const result = estimate(ranker(1800, { maxReplicas: 20 }));
    // 1800 QPS x 10 ms = 18 Erlangs needs 30 replicas at 60%; the limit holds it at 20 (90% busy).
    expect(result.nodes[1]).toMatchObject({ replicas: 20, utilization: 0.9 });
    const warning = result.diagnostics.find((d) => d.code === 'high-utilization')!;
    expect(warning.message).toContain('held at its limit of 20 replicas where it needs 30');
  });

  it('saturates a pool that would need more than its limit: unbounded p99 and an error naming the node', () => {
    // 2100 QPS offers 21 Erlangs: 35 replicas at 60%, more than 20 can serve at all.
    const result = estimate(ranker(2100, { maxReplicas: 20 }));
    expect(result.entries[0]!.latencyMs).toBeNull();
    const error = result.diagnostics.find((d) => d.code === 'saturated')!;
    expect(error).toMatchObject({ severity: 'error', node: 'ranker' });
    expect(error.message).toContain('"Ranker" needs 35 replicas, limit 20: saturated');
  });

  it('without a limit the same load is served', () => {
    const result = estimate(ranker(2100, {}));
    expect(result.nodes[1]!.replicas).toBe(35);
    expect(result.entries[0]!.latencyMs).not.toBeNull();
  });

  it('holds the fleet at its 1x replicas when asked: the load then saturates it', () => {
    const design = ranker(600, {});
    expect(estimate(design, { trafficMultiplier: 2 }).nodes[1]!.replicas).toBe(20);
    const fixed = estimate(design, { trafficMultiplier: 2, fixedFleet: true });
    expect(fixed.nodes[1]!.replicas).toBe(10);
    expect(fixed.entries[0]!.latencyMs).toBeNull();
  });

  it('refuses a limit below the minimum, naming the path', () => {
    const result = loadDiagram(JSON.stringify(ranker(10, {})).replace('"capacity":{}', '"capacity":{"minReplicas":4,"maxReplicas":2}'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toContain('nodes[1].capacity.maxReplicas: must be >= minReplicas (4)');
  });
});

describe('shards', () => {
  const store = (qps: number) =>
    diagramOf(
      [users(qps), { id: 'db', kind: 'database', label: 'Orders DB', latency: { p50Ms: 1, p99Ms: 1 }, capacity: { shards: 4, qpsPerShard: 5000 } }],
      [call('users', 'db')],
    );

  it('saturates a shard-bounded node at shards x qpsPerShard, whatever its replicas', () => {
    expect(estimate(store(19_999)).entries[0]!.latencyMs).not.toBeNull();
    const over = estimate(store(20_000));
    expect(over.entries[0]!.latencyMs).toBeNull();
    expect(over.diagnostics.find((d) => d.code === 'saturated')!.message).toContain('its shards serve at most 20k QPS: saturated');
  });

  it('takes shards only on kinds that have them', () => {
    const result = loadDiagram(JSON.stringify(ranker(10, {})).replace('"capacity":{}', '"capacity":{"shards":2,"qpsPerShard":10}'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toBe('nodes[1].capacity.shards');
  });

  it('takes a write rate per shard only on a database, within its bounds', () => {
    const onModel = loadDiagram(JSON.stringify(ranker(10, {})).replace('"capacity":{}', '"capacity":{"writeQpsPerShard":5000}'));
    expect(onModel.ok).toBe(false);
    if (!onModel.ok) expect(onModel.problems.map((p) => `${p.path}: ${p.message}`)).toContain('nodes[1].capacity.writeQpsPerShard: applies only to a database');
    const zero = loadDiagram(JSON.stringify(store(10)).replace('"qpsPerShard":5000', '"qpsPerShard":5000,"writeQpsPerShard":0'));
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.problems[0]!.path).toBe('nodes[1].capacity.writeQpsPerShard');
    expect(loadDiagram(JSON.stringify(store(10)).replace('"qpsPerShard":5000', '"qpsPerShard":5000,"writeQpsPerShard":40000')).ok).toBe(true);
  });
});

describe('physical ceilings', () => {
  it('warns when a cache holds more than its replicas\' memory, unless its bytes are priced as storage', () => {
    // 100 GB on 2 x r7i.xlarge (32 GiB each, 68.7 GB): does not fit.
    const cache = (cost: Record<string, unknown>) =>
      diagramOf(
        [users(100), { id: 'c', kind: 'cache', label: 'Hot cache', latency: { p50Ms: 0.5, p99Ms: 2 }, capacity: { minReplicas: 2 }, cache: { hitRate: 0.8 }, storage: { bytes: 100e9 }, cost }],
        [call('users', 'c')],
      );
    const warning = estimate(cache({ instance: 'r7i.xlarge' })).diagnostics.find((d) => d.code === 'cache-memory')!;
    expect(warning).toMatchObject({ severity: 'warning', node: 'c' });
    expect(warning.message).toContain('"Hot cache" holds 100 GB but its 2 x r7i.xlarge have 68.7 GB of memory');
    expect(warning.message).toContain('About 3 replicas would hold it');
    expect(estimate(cache({ instance: 'r7i.xlarge', storageClass: 'ram' })).diagnostics.map((d) => d.code)).not.toContain('cache-memory');
  });

  it('warns when a database takes more writes than its shards sustain', () => {
    const writes = (qps: number, shards?: number) =>
      diagramOf(
        [users(qps), svc('api', 1, 2, { capacity: {} }), { id: 'db', kind: 'database', label: 'Events DB', latency: { p50Ms: 1, p99Ms: 4 }, capacity: shards ? { shards } : {} }],
        [call('users', 'api'), call('api', 'db', { mode: 'async' })],
      );
    expect(estimate(writes(9_000)).diagnostics.map((d) => d.code)).not.toContain('write-ceiling');
    const over = estimate(writes(25_000)).diagnostics.find((d) => d.code === 'write-ceiling')!;
    expect(over.message).toContain('"Events DB" takes about 25k QPS of writes at peak, more than 1 shard sustain');
    expect(estimate(writes(25_000, 3)).diagnostics.map((d) => d.code)).not.toContain('write-ceiling');
  });

  it("takes a database's own write rate per shard in place of 10,000", () => {
    const writes = (qps: number, capacity: object) =>
      diagramOf(
        [users(qps), svc('api', 1, 2, { capacity: {} }), { id: 'db', kind: 'database', label: 'Events DB', latency: { p50Ms: 1, p99Ms: 4 }, capacity }],
        [call('users', 'api'), call('api', 'db', { mode: 'async' })],
      );
    const codes = (qps: number, capacity: object) => estimate(writes(qps, capacity)).diagnostics.map((d) => d.code);
    expect(codes(25_000, { writeQpsPerShard: 30_000 })).not.toContain('write-ceiling');
    expect(codes(2_500, { writeQpsPerShard: 2_000 })).toContain('write-ceiling');
    expect(codes(7_000, { shards: 4, writeQpsPerShard: 2_000 })).not.toContain('write-ceiling');
    const over = estimate(writes(9_000, { shards: 4, writeQpsPerShard: 2_000 })).diagnostics.find((d) => d.code === 'write-ceiling')!;
    expect(over.message).toContain('more than 4 shards sustain (~2k QPS each on one primary)');
  });
});
