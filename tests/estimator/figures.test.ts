import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { call, diagramOf, near, svc, users } from './build';

describe('rates, servers, storage and cost', () => {
  it('propagates peak and average side by side through calls, caches and async edges; offline edges carry nothing', () => {
    const d = diagramOf(
      [
        { id: 'users', kind: 'traffic', label: 'U', traffic: { qps: 1_000, peakToAverage: 4 } },
        svc('api', 1, 2, { cache: { hitRate: 0.75 } }),
        svc('db', 1, 2),
        svc('log', 1, 2),
        svc('train', 1, 2),
      ],
      [call('users', 'api'), call('api', 'db', { calls: 3 }), call('users', 'log', { mode: 'async', calls: 0.5 }), call('log', 'train', { mode: 'offline' })],
    );
    const q = new Map(estimate(d).nodes.map((n) => [n.id, n.qps]));
    expect(q.get('api')).toEqual({ peak: 1_000, avg: 250 });
    expect(q.get('db')).toEqual({ peak: 750, avg: 187.5 });
    expect(q.get('log')).toEqual({ peak: 500, avg: 125 });
    expect(q.get('train')).toEqual({ peak: 0, avg: 0 });
  });

  it('sizes "auto" replicas to the target utilization, never below the floor', () => {
    const d = diagramOf(
      [users(1_000), svc('s', 10, 10, { capacity: { replicas: 'auto', concurrency: 2, targetUtilization: 0.5 } }), svc('idle', 1, 1, { capacity: { minReplicas: 3 } })],
      [call('users', 's')],
    );
    const nodes = estimate(d).nodes;
    expect(nodes[1]).toMatchObject({ replicas: 10, utilization: 0.5 });
    expect(nodes[2]).toMatchObject({ replicas: 3, utilization: 0 });
  });

  it('runs stages in order and the calls of one stage together', () => {
    const chain = diagramOf([users(1), svc('a', 1, 1), svc('b', 5, 5), svc('c', 7, 7)], [call('users', 'a'), call('a', 'b'), call('a', 'c')]);
    near(estimate(chain).entries[0]!.latencyMs!.p50, 13, 0.01);
    const together = diagramOf(
      [users(1), svc('a', 1, 1), svc('b', 5, 5), svc('c', 7, 7)],
      [call('users', 'a'), call('a', 'b', { stage: 0 }), call('a', 'c', { stage: 0 })],
    );
    near(estimate(together).entries[0]!.latencyMs!.p50, 8, 0.01);
  });

  it('counts sequential calls as a sum and fractional calls on their share of requests', () => {
    const seq = diagramOf([users(1), svc('leaf', 4, 4)], [call('users', 'leaf', { calls: 3, fanout: 'sequential' })]);
    near(estimate(seq).entries[0]!.latencyMs!.mean, 12, 0.005);
    // One request in ten calls a leaf of median 4 ms: p99 is the leaf's p90.
    const tenth = diagramOf([users(1), svc('leaf', 4, 16)], [call('users', 'leaf', { calls: 0.1 })]);
    const l = estimate(tenth).entries[0]!.latencyMs!;
    const leafMean = 4 * Math.exp((Math.log(4) / 2.326348) ** 2 / 2);
    near(l.mean, 0.1 * leafMean, 0.005);
    expect(l.p50).toBe(0);
    near(l.p99, 4 * Math.exp((Math.log(4) / 2.326348) * 1.281552), 0.02);
  });

  it('computes storage from items, growth and retention, with traffic-driven growth at the average rate', () => {
    const d = diagramOf(
      [
        { id: 'users', kind: 'traffic', label: 'U', traffic: { dau: 86_400, requestsPerUserPerDay: 10, peakToAverage: 3 } },
        { id: 'logs', kind: 'dataLake', label: 'Logs', storage: { items: 1_000, bytesPerItem: 100, growthItemsPerDay: 'traffic', retentionDays: 30, replication: 3, compression: 4 } },
      ],
      [call('users', 'logs', { mode: 'async' })],
    );
    // average 10 QPS -> 864,000 items a day; 3 x 100 x (1,000 + 864,000 x 30) / 4
    expect(estimate(d).nodes[1]!.storageBytes).toBe((3 * 100 * (1_000 + 864_000 * 30)) / 4);
  });

  it('prices compute by replicas x hourly x 730 and storage by the GB-month, overrides first', () => {
    const d = diagramOf(
      [
        users(10),
        svc('gpu', 10, 20, { kind: 'model', capacity: { replicas: 3 }, cost: { instance: 'g6.xlarge' } }),
        { id: 'blob', kind: 'objectStore', label: 'Blob', storage: { bytes: 2e12 }, cost: { storageClass: 's3-standard', gbMonthUsd: 0.01 } },
        svc('one', 1, 2, { cost: { hourlyUsd: 1 } }),
      ],
      [call('users', 'gpu')],
    );
    const cost = estimate(d).nodes.map((n) => n.costUsdPerMonth);
    expect(cost[1]).toEqual({ compute: 3 * 0.8048 * 730, storage: 0, total: 3 * 0.8048 * 730 });
    expect(cost[2]).toEqual({ compute: 0, storage: 20, total: 20 });
    expect(cost[3]!.compute).toBe(730);
  });

  it('scales every entry with the what-if traffic multiplier', () => {
    const d = diagramOf([users(100), svc('s', 10, 10, { capacity: { replicas: 'auto' } })], [call('users', 's')]);
    const base = estimate(d).nodes[1]!;
    const doubled = estimate(d, { trafficMultiplier: 2 }).nodes[1]!;
    expect(doubled.qps.peak).toBe(2 * base.qps.peak);
    expect(doubled.replicas).toBe(4);
  });
});

describe('p99 breakdown', () => {
  it('attributes the tail to the nodes on the critical path, adding up to the mean of the slowest 1%', () => {
    const d = diagramOf(
      [users(10), svc('api', 1, 2), svc('fast', 1, 2), svc('slow', 20, 80), svc('db', 2, 4)],
      [call('users', 'api'), call('api', 'fast', { stage: 0 }), call('api', 'slow', { stage: 0 }), call('api', 'db', { stage: 1 })],
    );
    const entry = estimate(d).entries[0]!;
    const names = entry.p99Breakdown.map((b) => b.node);
    expect(names[0]).toBe('slow');
    expect(names).toEqual(expect.arrayContaining(['api', 'db']));
    const sum = entry.p99Breakdown.reduce((s, b) => s + b.ms, 0);
    // The tail mean lies between the p99 and the p999 for this distribution.
    expect(sum).toBeGreaterThan(entry.latencyMs!.p99);
    expect(sum).toBeLessThan(entry.latencyMs!.p999 * 1.2);
    const fast = entry.p99Breakdown.find((b) => b.node === 'fast');
    expect(fast === undefined || fast.ms < 0.5).toBe(true);
  });
});
