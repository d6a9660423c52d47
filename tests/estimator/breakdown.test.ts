import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { call, diagramOf, svc, users } from './build';
import { sampleRequests } from './reference';

describe('p99 breakdown', () => {
  const d = diagramOf(
    [
      users(200),
      svc('api', 2, 6, { capacity: { replicas: 'auto', concurrency: 4 } }),
      svc('cache', 0.5, 2, { kind: 'cache', cache: { hitRate: 0.8 } }),
      svc('db', 8, 40),
      svc('shard', 3, 15, { kind: 'vectorIndex' }),
      svc('ranker', 15, 45, { kind: 'model', capacity: { replicas: 1, concurrency: 8 } }),
      svc('audit', 1, 3),
    ],
    [
      call('users', 'api'),
      call('api', 'cache', { stage: 0 }),
      call('cache', 'db'),
      call('api', 'shard', { stage: 0, calls: 8 }),
      call('api', 'ranker', { stage: 1 }),
      call('api', 'audit', { stage: 2, calls: 2.5, fanout: 'sequential' }),
    ],
  );
  const entry = estimate(d).entries[0]!;
  const reference = sampleRequests(d, 'users', 400_000, 99);

  it('matches an independent Monte Carlo of the same model, node by node', () => {
    const byNode = new Map(entry.p99Breakdown.map((b) => [b.node, b.ms]));
    expect([...byNode.keys()].sort()).toEqual([...reference.breakdown.keys()].filter((k) => reference.breakdown.get(k)! > 0).sort());
    for (const [node, ms] of reference.breakdown) {
      if (ms < 0.5) continue;
      expect(Math.abs(byNode.get(node)! - ms)).toBeLessThan(Math.max(0.5, 0.08 * ms));
    }
  });

  it('adds up to the mean latency of the requests at or above p99', () => {
    const sum = entry.p99Breakdown.reduce((s, b) => s + b.ms, 0);
    const tailMean = [...reference.breakdown.values()].reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - tailMean) / tailMean).toBeLessThan(0.03);
    expect(sum).toBeGreaterThan(entry.latencyMs!.p99);
  });

  it('agrees with the reference percentiles', () => {
    const l = entry.latencyMs!;
    for (const p of ['p50', 'p90', 'p99'] as const) expect(Math.abs(l[p] - reference[p]) / reference[p]).toBeLessThan(0.02);
    expect(Math.abs(l.p999 - reference.p999) / reference.p999).toBeLessThan(0.05);
    expect(Math.abs(l.mean - reference.mean) / reference.mean).toBeLessThan(0.01);
  });
});
