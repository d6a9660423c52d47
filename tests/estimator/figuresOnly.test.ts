import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { call, diagramOf, svc, users } from './build';

/**
 * Users with a daily wave into an API, a batching model and a single-server
 * database at 90%: an estimate with a breakdown, batching and day figures, and
 * diagnostics of every kind.
 */
function design() {
  const entry = { ...users(100), traffic: { qps: 100, profile: { troughShare: 0.5 } } };
  const model = {
    id: 'model', kind: 'model', label: 'Model', capacity: { replicas: 'auto' as const },
    batching: { maxBatchSize: 8, maxQueueDelayMs: 2, fixedMs: 5, perItemMs: 1 },
  };
  return diagramOf(
    [entry, svc('api', 2, 5, { capacity: { replicas: 'auto' } }), model, svc('db', 5, 20, { capacity: { replicas: 1 } })],
    [call('users', 'api'), call('api', 'model'), call('api', 'db', { calls: 1.5 })],
  );
}

describe('an estimate of figures only (the planner\'s sweeps)', () => {
  const full = estimate(design());
  const figures = estimate(design(), { figuresOnly: true });

  it('gives the same rates, replicas, utilization, latency and cost', () => {
    expect(figures.nodes.map(({ batching: _b, day: _d, ...rest }) => rest)).toEqual(full.nodes.map(({ batching: _b, day: _d, ...rest }) => rest));
    expect(figures.entries.map((e) => e.latencyMs)).toEqual(full.entries.map((e) => e.latencyMs));
    expect(figures.totals).toEqual(full.totals);
  });

  it('leaves out the breakdown, the batching and day figures and the worst hour of the day, which the full estimate has', () => {
    expect(full.entries[0]!.p99Breakdown.length).toBeGreaterThan(0);
    expect(full.entries[0]!.day).toBeDefined();
    expect(full.nodes.find((n) => n.id === 'model')!.batching).toBeDefined();
    expect(full.nodes.find((n) => n.id === 'api')!.day).toBeDefined();
    expect(figures.entries[0]!.p99Breakdown).toEqual([]);
    expect(figures.entries[0]!.day).toBeUndefined();
    expect(figures.nodes.some((n) => n.batching !== undefined || n.day !== undefined)).toBe(false);
  });

  it('keeps only the diagnostics of capacity: a busy server, not the single point of failure', () => {
    const codes = (e: typeof full) => e.diagnostics.map((d) => `${d.code}@${d.node}`);
    expect(codes(full)).toContain('high-utilization@db');
    expect(codes(full)).toContain('single-point-of-failure@db');
    expect(codes(figures)).toEqual(codes(full).filter((c) => c === 'high-utilization@db' || c.startsWith('autoscale-lag') || c.startsWith('saturated')));
  });
});
