import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { serviceTime } from '../../shared/estimator/queueing';
import { compareWithEstimate } from '../../shared/sim/compare';
import { simulate } from '../../shared/sim/simulate';
import type { Diagram } from '../../shared/model/schema';
import { call, diagramOf, svc, users } from '../estimator/build';
import { DESIGNS } from './designs';

/**
 * Visits of a node per request of the entry 'users', both counted over the
 * same window: copies per request, without the noise of how many requests
 * the Poisson arrivals happen to bring in that time.
 */
function copiesPerRequest(d: Diagram, node: string, requests = 100_000): number {
  const nodes = simulate(d, { requests, seed: 3 }).nodes;
  return nodes.find((n) => n.id === node)!.qps / nodes.find((n) => n.id === 'users')!.qps;
}

/** Every figure of the entry agrees with the estimate (within the simulation's interval plus 5%). */
function agrees(d: Diagram, requests = 150_000): void {
  const [entry] = compareWithEstimate(estimate(d), simulate(d, { requests, seed: 7 }));
  for (const f of entry!.figures) expect(f.disagrees, `${f.figure}: estimate ${f.estimatedMs} ms, simulated ${f.simulatedMs} ms`).toBe(false);
}

const leaf = (extra = {}) => svc('leaf', 5, 20, extra);

describe('calls with retries and hedges in the simulator', () => {
  it('retries an outright failure: 10% failing, 2 retries: 1 + 0.1 + 0.01 = 1.11 attempts a call, latency as the estimator has it', () => {
    const d = diagramOf([users(200), svc('api', 1, 2), leaf()], [call('users', 'api'), call('api', 'leaf', { retry: { failureProbability: 0.1, retries: 2, backoffMs: 10 } })]);
    expect(copiesPerRequest(d, 'leaf')).toBeCloseTo(1.11, 2);
    agrees(d);
  });

  it('gives up on an attempt at its timeout and retries it: (5, 50 ms) runs past 30 ms on 3.51% of attempts, 1.035 attempts a call', () => {
    // sigma = ln(50 / 5) / 2.3263 = 0.9898; P(T > 30) = 1 - Phi(ln(6) / 0.9898) = 1 - Phi(1.8102) = 0.0351.
    const d = diagramOf([users(200), svc('api', 1, 2), svc('leaf', 5, 50)], [call('users', 'api'), call('api', 'leaf', { retry: { timeoutMs: 30, retries: 1 } })]);
    expect(Math.abs(copiesPerRequest(d, 'leaf') - 1.0351)).toBeLessThan(0.004);
    agrees(d, 200_000);
  });

  it('sends a hedge copy after the p95 by default: about 5% more load, and a shorter tail', () => {
    const hedged = diagramOf([users(200), svc('api', 1, 2), svc('leaf', 10, 40)], [call('users', 'api'), call('api', 'leaf', { hedge: {} })]);
    expect(copiesPerRequest(hedged, 'leaf')).toBeCloseTo(1.05, 2);
    agrees(hedged, 200_000);
    const plain = diagramOf([users(200), svc('api', 1, 2), svc('leaf', 10, 40)], [call('users', 'api'), call('api', 'leaf')]);
    const p99 = (d: Diagram) => simulate(d, { requests: 100_000, seed: 5 }).entries[0]!.latencyMs!.p99.value;
    expect(p99(hedged)).toBeLessThan(0.9 * p99(plain));
  });

  it('keeps a p95 hedge into a busy pool (8 servers at 60%) at 5-8% more copies, tracking the p95 as the queue grows (a fixed delay there feeds on itself)', () => {
    const d = DESIGNS.find((x) => x.name === 'hedged after the p95 into 8 servers at 60%')!.diagram;
    const copies = copiesPerRequest(d, 'pool', 150_000);
    expect(copies).toBeGreaterThan(1.03);
    expect(copies).toBeLessThan(1.08);
    agrees(d, 200_000);
  });

  it('holds retries to the retry budget: half the attempts failing, 3 retries, a 10% budget: at most 1.1 attempts a call', () => {
    const d = diagramOf([users(200), svc('api', 1, 2), leaf()], [call('users', 'api'), call('api', 'leaf', { retry: { failureProbability: 0.5, retries: 3, budget: 0.1 } })]);
    const copies = copiesPerRequest(d, 'leaf');
    // The budget holds over the run; the window's edges may cut a request from its retry.
    expect(copies).toBeLessThanOrEqual(1.1 + 1e-5);
    expect(copies).toBeGreaterThan(1.09);
  });

  it('runs each copy of a call in turn through its policy: 3 copies, 20% failing, 1 retry: 3 x 1.2 attempts', () => {
    const d = diagramOf(
      [users(100), svc('api', 1, 2), leaf()],
      [call('users', 'api'), call('api', 'leaf', { calls: 3, fanout: 'sequential', retry: { failureProbability: 0.2, retries: 1 } })],
    );
    expect(Math.abs(copiesPerRequest(d, 'leaf') / 3 - 1.2)).toBeLessThan(0.01);
    agrees(d);
  });

  it('warns of a retry storm where the simulation can tip into one (3 attempts x 70% > 100%), and not where it cannot (3 x 30%)', () => {
    const design = (utilization: number) =>
      diagramOf(
        [users((utilization * 4 * 1000) / serviceTime(5, 20).meanMs / 1.03), svc('api', 1, 2), svc('pool', 5, 20, { capacity: { replicas: 4, concurrency: 1 } })],
        [call('users', 'api'), call('api', 'pool', { retry: { timeoutMs: 40, retries: 2, failureProbability: 0.01 } })],
      );
    const storm = (d: Diagram) => estimate(d).diagnostics.some((x) => x.code === 'retry-storm');
    expect(storm(design(0.7))).toBe(true);
    expect(storm(design(0.3))).toBe(false);
  });

  it('draws the same figures for the same seed with policies', () => {
    const d = diagramOf([users(200), svc('api', 1, 2), svc('leaf', 5, 50)], [call('users', 'api'), call('api', 'leaf', { retry: { timeoutMs: 30, retries: 2, backoffMs: 5 }, hedge: { afterMs: 20 } })]);
    expect(simulate(d, { requests: 5_000, seed: 9 })).toEqual(simulate(d, { requests: 5_000, seed: 9 }));
  });
});
