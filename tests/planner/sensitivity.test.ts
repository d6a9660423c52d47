import { describe, expect, it } from 'vitest';
import { sensitivity } from '../../shared/planner/sensitivity';
import { call, diagramOf, svc, users } from '../estimator/build';

// By construction: Slow takes 100 ms of a ~101 ms path, so its latency moves p99 most;
// Pricey holds 10 fixed replicas at $10/h, so its replica count moves cost most.
const design = () =>
  diagramOf(
    [
      users(50),
      svc('slow', 100, 100, { label: 'Slow', capacity: { maxReplicas: 1000 }, cost: { hourlyUsd: 0.01 } }),
      svc('pricey', 1, 1, { label: 'Pricey', capacity: { replicas: 10 }, cost: { hourlyUsd: 10 } }),
    ],
    [call('users', 'slow'), call('slow', 'pricey')],
  );

describe('sensitivity', () => {
  it('ranks the input that dominates by construction first, for p99 and for cost', () => {
    const result = sensitivity(design());
    expect(result.byP99[0]!.label).toBe('Slow: latency');
    expect(result.byCost[0]!.label).toBe('Pricey: replicas');
    // Halving Pricey's 10 replicas saves 5 x $10 x 730 h.
    expect(result.byCost[0]!.costEffectUsd).toBeCloseTo(36_500, 6);
    expect(result.byCost[0]!.low.value).toBe(5);
  });

  it('moves each input by the chosen range and reads the figures back', () => {
    const result = sensitivity(design(), { range: 0.2 });
    const latency = result.byP99.find((e) => e.label === 'Slow: latency')!;
    expect(latency).toMatchObject({ base: 100, low: { value: 80 }, high: { value: 120 } });
    expect(latency.high.worstP99Ms! - result.base.worstP99Ms!).toBeGreaterThan(19);
    expect(result.byP99.map((e) => e.label)).toContain('Users: QPS');
    expect(result.byP99.map((e) => e.label)).toContain('Slow -> Pricey: calls');
  });

  it('with a fixed fleet, moves each input on the servers the design has today', () => {
    // 100 QPS on "auto" replicas of one request each, sized to 60% busy today.
    const pool = () => diagramOf([users(100), svc('api', 5, 20, { label: 'API', capacity: { replicas: 'auto' } })], [call('users', 'api')]);
    const autoscaled = sensitivity(pool()).byP99.find((e) => e.label === 'Users: QPS')!;
    const held = sensitivity(pool(), { fixedFleet: true });
    const qps = held.byP99.find((e) => e.label === 'Users: QPS')!;
    // +50% load on the same replicas queues; resized replicas keep the p99 near today's.
    expect(qps.high.worstP99Ms!).toBeGreaterThan(3 * held.base.worstP99Ms!);
    expect(autoscaled.high.worstP99Ms!).toBeLessThan(1.5 * held.base.worstP99Ms!);
    expect(held.byP99.map((e) => e.label)).toContain('API: replicas');
    expect(held.base).toEqual(sensitivity(pool()).base);
  });

  it('ranks a move that saturates the design above every finite one', () => {
    // 50 QPS x 1 ms on 10 replicas is light; cut calls, no; raise QPS 50% with 1 fixed replica of 15 ms: saturates.
    const tight = diagramOf([users(50), svc('one', 15, 15, { label: 'One', capacity: { replicas: 1 } })], [call('users', 'one')]);
    const result = sensitivity(tight);
    expect(result.byP99[0]!.p99EffectMs).toBe(Infinity);
    expect(result.byP99[0]!.high.worstP99Ms).toBeNull();
  });
});
