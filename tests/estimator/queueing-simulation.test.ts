import { describe, expect, it } from 'vitest';
import { queueing, serviceTime, type ServiceTime } from '../../shared/estimator/queueing';
import { Random } from '../random';

/**
 * A seeded discrete-event simulation of a first-come-first-served queue with
 * c servers and Poisson arrivals: each arrival starts on the server that frees
 * first. Returns the mean wait in ms over `customers` after a warm-up.
 */
function simulateMeanWaitMs(ratePerMs: number, servers: number, draw: (r: Random) => number, customers: number, seed: number): number {
  const random = new Random(seed);
  const freeAt = new Float64Array(servers);
  const warmUp = Math.floor(customers / 10);
  let now = 0;
  let waitSum = 0;
  for (let i = 0; i < customers + warmUp; i++) {
    now += -Math.log(random.next()) / ratePerMs;
    let first = 0;
    for (let s = 1; s < servers; s++) if (freeAt[s]! < freeAt[first]!) first = s;
    const start = Math.max(now, freeAt[first]!);
    freeAt[first] = start + draw(random);
    if (i >= warmUp) waitSum += start - now;
  }
  return waitSum / customers;
}

const exponential = (meanMs: number) => (r: Random) => -Math.log(r.next()) * meanMs;
const logNormal = (s: ServiceTime) => (r: Random) =>
  s.p50Ms * Math.exp(s.sigma * Math.sqrt(-2 * Math.log(r.next())) * Math.cos(2 * Math.PI * r.next()));

function modelMeanWaitMs(peakQps: number, service: ServiceTime, servers: number): number {
  const q = queueing(peakQps, service, { replicas: servers, concurrency: 1, targetUtilization: 0.6, minReplicas: 1 });
  return q.waitProbability * q.waitWhenWaitingMs;
}

const CASES = [1, 2, 4, 8].flatMap((servers) => [0.5, 0.8].map((rho) => ({ servers, rho })));

describe('the queueing model against a simulation', () => {
  it.each(CASES)('M/M/$servers at utilization $rho: mean wait within 5%', ({ servers, rho }) => {
    const meanMs = 10;
    const service: ServiceTime = { p50Ms: meanMs * Math.LN2, sigma: 0, meanMs, cs2: 1 };
    const ratePerMs = (rho * servers) / meanMs;
    const simulated = simulateMeanWaitMs(ratePerMs, servers, exponential(meanMs), 1_000_000, 7 + servers);
    const model = modelMeanWaitMs(ratePerMs * 1000, service, servers);
    expect(Math.abs(model - simulated) / simulated).toBeLessThan(0.05);
  });

  it.each(CASES.filter((c) => c.servers <= 4 || c.rho === 0.8))(
    'M/G/$servers (log-normal, p99 = 4 x p50) at utilization $rho: mean wait within 5%',
    ({ servers, rho }) => {
      const service = serviceTime(8, 32);
      const ratePerMs = (rho * servers) / service.meanMs;
      const simulated = simulateMeanWaitMs(ratePerMs, servers, logNormal(service), 1_000_000, 11 + servers);
      const model = modelMeanWaitMs(ratePerMs * 1000, service, servers);
      expect(Math.abs(model - simulated) / simulated).toBeLessThan(0.05);
    },
  );

  // Allen-Cunneen is a two-moment approximation: with many servers at moderate load it
  // runs ~10% low, but there a request almost never waits, so the error stays far
  // below the service time that dominates latency.
  it.each([{ servers: 8, rho: 0.5 }, { servers: 16, rho: 0.5 }, { servers: 16, rho: 0.8 }])(
    'M/G/$servers at utilization $rho: mean wait off by under 1% of the service time',
    ({ servers, rho }) => {
      const service = serviceTime(8, 32);
      const ratePerMs = (rho * servers) / service.meanMs;
      const simulated = simulateMeanWaitMs(ratePerMs, servers, logNormal(service), 1_000_000, 13 + servers);
      const model = modelMeanWaitMs(ratePerMs * 1000, service, servers);
      expect(Math.abs(model - simulated)).toBeLessThan(0.01 * service.meanMs);
      expect(model).toBeLessThan(simulated);
    },
  );
});
