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
});
