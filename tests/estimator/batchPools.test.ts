import { describe, expect, it } from 'vitest';
import { MAX_SIMULATED_POOLS } from '../../shared/estimator/batches';
import { estimate } from '../../shared/estimator/estimate';
import { call, diagramOf, svc, users } from './build';

/** One entry calling twelve pools of 8 servers, each with a parallel call of 2 to 13 copies, each pool about 30% busy. */
function twelvePools() {
  const copies = Array.from({ length: 12 }, (_, i) => i + 2);
  const pools = copies.map((c) => svc(`pool${c}`, 20 / c, 80 / c, { capacity: { replicas: 8, concurrency: 1 } }));
  return diagramOf([users(100), svc('api', 1, 2), ...pools], [call('users', 'api'), ...copies.map((c) => call('api', `pool${c}`, { calls: c }))]);
}

describe('pools sampled with their batch arrivals', () => {
  it(`samples at most ${MAX_SIMULATED_POOLS} pools, the largest batches first, and warns on the rest that they are optimistic`, () => {
    const result = estimate(twelvePools());
    const sampled = result.diagnostics.filter((d) => d.code === 'batch-arrivals').map((d) => d.node);
    const skipped = result.diagnostics.filter((d) => d.code === 'batch-arrivals-not-sampled');
    expect(sampled).toHaveLength(MAX_SIMULATED_POOLS);
    expect(sampled).not.toContain('pool2');
    expect(skipped.map((d) => d.node).sort()).toEqual(['pool2', 'pool3']);
    expect(skipped[0]!.severity).toBe('warning');
    expect(skipped[0]!.message).toMatch(/the design has 12 such pools .* optimistic/);
  });

  it("keeps the independent-arrivals figure on a pool it does not sample, below the sampled run's (the pair's mutual wait left out)", () => {
    const full = estimate(twelvePools()).nodes.find((n) => n.id === 'pool2')!;
    // 2 copies into 8 servers matter (batchMatters); with the pool sampled its p99 would include the pair's mutual wait.
    const alone = estimate(diagramOf([users(100), svc('api', 1, 2), svc('pool2', 10, 40, { capacity: { replicas: 8, concurrency: 1 } })], [call('users', 'api'), call('api', 'pool2', { calls: 2 })]));
    expect(alone.diagnostics.map((d) => d.code)).toContain('batch-arrivals');
    expect(full.latencyMs!.p99).toBeLessThan(alone.nodes.find((n) => n.id === 'pool2')!.latencyMs!.p99);
    expect(full.latencyMs!.p99).toBeCloseTo(40.06, 1);
  });

  it('samples copies in turn only where requests often wait: at 75% busy, not at 20%', () => {
    const inTurn = (qps: number) =>
      diagramOf([users(qps), svc('pool', 4, 16, { capacity: { replicas: 4, concurrency: 1 } })], [call('users', 'pool', { calls: 3, fanout: 'sequential' })]);
    // 4 servers of a (4, 16) ms service: about 6.36 ms mean, so 3 visits per request at 157 QPS keep them 75% busy.
    expect(estimate(inTurn(157)).diagnostics.map((d) => `${d.code}:${d.severity}`)).toContain('sequential-waits:info');
    const quiet = estimate(inTurn(42));
    expect(quiet.diagnostics.map((d) => d.code)).not.toContain('sequential-waits');
    // At 20% the copies rarely wait, so the call is three independent draws of the pool's time.
    expect(quiet.entries[0]!.latencyMs!.p50).toBeGreaterThan(3 * 4 * 0.95);
  });
});
