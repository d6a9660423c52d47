import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { figuresOf } from '../../shared/planner/figures';
import { failureFigures, survivesOneReplicaLoss } from '../../shared/planner/failures';
import { call, diagramOf, svc, users } from '../estimator/build';

const design = (hitRate = 0.8, extra = {}) =>
  diagramOf(
    [
      users(1000),
      { id: 'cache', kind: 'cache', label: 'Feature cache', latency: { p50Ms: 0.5, p99Ms: 2 }, capacity: { concurrency: 32 }, cache: { hitRate } },
      svc('db', 5, 20, { label: 'Store', capacity: { concurrency: 4 } }),
      svc('backup', 8, 30, { label: 'Backup', capacity: { concurrency: 4 } }),
    ],
    [call('users', 'cache'), call('cache', 'db', { fallback: 'backup' })],
    extra,
  );

describe('failure scenarios', () => {
  it('a cold cache gives the figures of the design without the cache hits', () => {
    const cold = failureFigures(design(), { kind: 'cold-cache', node: 'cache' }, { fixedFleet: false });
    expect(cold.failed).toEqual(figuresOf(estimate(design(0), { figuresOnly: true })));
    expect(cold.normal).toEqual(figuresOf(estimate(design(), { figuresOnly: true })));
    expect(cold.title).toBe('Feature cache cold (hit rate 0)');
  });

  it('on the fleet sized for the normal load, a cold cache saturates the store behind it', () => {
    const cold = failureFigures(design(), { kind: 'cold-cache', node: 'cache' });
    expect(cold.normal.saturated).toEqual([]);
    expect(cold.failed.saturated).toEqual(['db']);
    expect(cold.failed.worstP99Ms).toBeNull();
  });

  it('a node down sends its callers to the edge\'s fallback, or its calls fail', () => {
    const withFallback = failureFigures(design(), { kind: 'node-down', node: 'db' }, { fixedFleet: false });
    expect(withFallback.failingCalls).toEqual([]);
    expect(withFallback.failed.worstP99Ms!).toBeGreaterThan(withFallback.normal.worstP99Ms!);
    const noFallback = diagramOf(design().nodes, [call('users', 'cache'), call('cache', 'db')]);
    const down = failureFigures(noFallback, { kind: 'node-down', node: 'db' }, { fixedFleet: false });
    expect(down.failingCalls.map((c) => c.text)).toEqual(['calls from Feature cache to Store fail: 200 QPS at peak']);
  });

  it('losing a zone of three takes a third of each pool, rounded against the design', () => {
    const lost = failureFigures(design(), { kind: 'zone-lost', zones: 3 });
    expect(lost.failed.costUsdPerMonth).toBeLessThanOrEqual(lost.normal.costUsdPerMonth);
    expect(lost.title).toBe('one zone of 3 lost');
  });

  it('checks per pool whether it survives the loss of any one replica', () => {
    // Store: 200 QPS x ~7.2 ms mean = 1.45 Erlangs on 4-way replicas: 1 replica at 60%, so losing it leaves none.
    const checks = survivesOneReplicaLoss(design());
    const store = checks.find((c) => c.node === 'db')!;
    expect(store).toMatchObject({ replicas: 1, survives: false, reason: 'Store saturates' });
    expect(checks.map((c) => c.node)).toEqual(['cache', 'db', 'backup']);
  });
});
