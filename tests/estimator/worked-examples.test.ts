import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { erlangC, queueing, serviceTime } from '../../shared/estimator/queueing';
import { Dist } from '../../shared/estimator/grid';
import { Z99 } from '../../shared/estimator/normal';
import { trafficRate } from '../../shared/estimator/rates';
import { call, diagramOf, near, svc, users } from './build';

// docs/estimator.md, section 7: each case with its published figure.
describe('the worked examples', () => {
  it('serial chain (1,5) -> (2,10) -> (5,20) ms: p50 ~ 8.86, p99 ~ 25.0, mean 9.78, not the 35 of summed p99s', () => {
    const d = diagramOf(
      [users(100), svc('a', 1, 5), svc('b', 2, 10), svc('c', 5, 20)],
      [call('users', 'a'), call('a', 'b'), call('b', 'c')],
    );
    const entry = estimate(d).entries[0]!.latencyMs!;
    near(entry.p50, 8.86, 0.01);
    near(entry.p99, 25.0, 0.01);
    near(entry.mean, 9.78, 0.005);
    expect(entry.p99).toBeLessThan(35 * 0.75);
  });

  it('10 parallel calls to a (5,20) node: p99 ~ 31.5; 100 calls: ~ 45.8', () => {
    for (const [calls, p99] of [[10, 31.5], [100, 45.8]] as const) {
      const d = diagramOf([users(10), svc('leaf', 5, 20)], [call('users', 'leaf', { calls, fanout: 'parallel' })]);
      near(estimate(d).entries[0]!.latencyMs!.p99, p99, 0.01);
    }
  });

  it('cache (0.5,2) with hit rate 0.9 before a database (10,50): 10% of the rate; p50 ~ 0.54, mean ~ 1.87, p99 ~ 24.9', () => {
    const d = diagramOf(
      [users(1000), svc('cache', 0.5, 2, { kind: 'cache', cache: { hitRate: 0.9 } }), svc('db', 10, 50, { kind: 'database' })],
      [call('users', 'cache'), call('cache', 'db')],
    );
    const result = estimate(d);
    expect(result.nodes.find((n) => n.id === 'db')!.qps.peak).toBeCloseTo(100, 9);
    const entry = result.entries[0]!.latencyMs!;
    near(entry.p50, 0.54, 0.02);
    near(entry.mean, 1.87, 0.01);
    near(entry.p99, 24.9, 0.01);
  });

  it('constant 10 ms service, 2 replicas, 150 QPS: rho 0.75, Erlang C 9/14, wait 6.43 ms, latency 16.43 ms', () => {
    const q = queueing(150, serviceTime(10, 10), { replicas: 2, concurrency: 1, targetUtilization: 0.6, minReplicas: 1 });
    expect(q.utilization).toBeCloseTo(0.75, 12);
    expect(q.waitProbability).toBeCloseTo(9 / 14, 12);
    expect(q.waitProbability * q.waitWhenWaitingMs).toBeCloseTo(6.4286, 3);
    const d = diagramOf([users(150), svc('s', 10, 10, { capacity: { replicas: 2 } })], [call('users', 's')]);
    const result = estimate(d);
    expect(result.nodes[1]!.utilization).toBeCloseTo(0.75, 9);
    near(result.entries[0]!.latencyMs!.mean, 16.43, 0.002);
  });

  it("M/M/4 with lambda 0.35/min and S = 10 min (PDQ's bank): rho 0.875, Erlang C 0.73786, wait 14.757 min", () => {
    expect(erlangC(4, 3.5)).toBeCloseTo(0.73786, 5);
    // Minutes as seconds: 0.35 per second, 10 s = 10,000 ms, exponential service (cs2 = 1).
    const service = { p50Ms: 10_000 * Math.LN2, sigma: 0, meanMs: 10_000, cs2: 1 };
    const q = queueing(0.35, service, { replicas: 4, concurrency: 1, targetUtilization: 0.6, minReplicas: 1 });
    expect(q.utilization).toBeCloseTo(0.875, 12);
    expect((q.waitProbability * q.waitWhenWaitingMs) / 1000).toBeCloseTo(14.757, 3);
  });

  it('fan-out to 100 leaves, each slow 1% of the time: 63.4% of requests are slow', () => {
    const leaf = Dist.logNormal(5, Math.log(20 / 5) / Z99);
    const slow = leaf.quantile(0.99);
    near(1 - leaf.maxOf(100).cdf(slow), 0.634, 0.005);
  });

  it('100M DAU x 10 requests a day, peak 2x: average 11,574 QPS, peak 23,148 QPS', () => {
    const rate = trafficRate({ id: 'u', kind: 'traffic', label: 'U', traffic: { dau: 100e6, requestsPerUserPerDay: 10, peakToAverage: 2 } });
    expect(Math.round(rate.avg)).toBe(11_574);
    expect(Math.round(rate.peak)).toBe(23_148);
  });

  it('1B vectors x 256 dims x float32, overhead 1: 1.024 TB', () => {
    const d = diagramOf([
      { id: 'v', kind: 'vectorIndex', label: 'V', params: { vectors: 1e9, dimensions: 256, bytesPerDimension: 4, indexOverhead: 1 } },
    ]);
    expect(estimate(d).totals.storageBytes).toBe(1.024e12);
  });
});
