import { describe, expect, it } from 'vitest';
import { EXACT_ERLANG_SERVERS, erlangC, queueing, serviceTime, capacityInput } from '../../shared/estimator/queueing';
import { near } from './build';

/** Erlang C by the textbook recursion over every server, however many: the figure the estimator must match. */
function erlangCByRecursion(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  const rho = offeredLoad / servers;
  return b / (1 - rho * (1 - b));
}

describe('the probability that a request waits (Erlang C)', () => {
  it('has its known values on few servers: rho for one, 1/3 for two at one Erlang, 0 without load', () => {
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(3, 0)).toBe(0);
    expect(erlangC(600, 0)).toBe(0);
  });

  it(`is exact up to ${EXACT_ERLANG_SERVERS} servers`, () => {
    expect(erlangC(EXACT_ERLANG_SERVERS, 450)).toBeCloseTo(erlangCByRecursion(EXACT_ERLANG_SERVERS, 450), 14);
    near(erlangC(EXACT_ERLANG_SERVERS, 495), erlangCByRecursion(EXACT_ERLANG_SERVERS, 495), 1e-12);
  });

  it('past that, agrees with the recursion within 1e-5 at every load, up to 100,000 servers and within a hair of saturation', () => {
    const cases: [number, number][] = [
      [501, 450], [600, 300], [600, 540], [600, 594], [1_000, 950],
      // Loads within 1e-3 of the server count, where the deviance is read from its series.
      [2_000, 1_999], [2_000, 1_999.9], [10_000, 9_900], [100_000, 99_000], [100_000, 99_990],
    ];
    for (const [servers, load] of cases) near(erlangC(servers, load), erlangCByRecursion(servers, load), 1e-5);
  });

  it('is 0 for a pool of unlimited servers', () => {
    expect(erlangC(Infinity, 100)).toBe(0);
  });
});

describe('a pool sized at one load', () => {
  const service = serviceTime(10, 10);

  it('with no servers is saturated under load and idle without it', () => {
    const fixedNone = capacityInput({ replicas: 0 });
    const loaded = queueing(100, service, fixedNone);
    expect(loaded.utilization).toBe(Infinity);
    expect(loaded.saturated).toBe(true);
    const idle = queueing(0, service, fixedNone);
    expect(idle.utilization).toBe(0);
    expect(idle.waitProbability).toBe(0);
  });
});
