import { describe, expect, it } from 'vitest';
import { callPolicy, loadDependsOnLatency, mostAttempts, staticAmplification } from '../../shared/estimator/callPolicy';
import { Dist } from '../../shared/estimator/grid';
import { hedgedTime } from '../../shared/estimator/hedging';
import { attemptFailure, retriedTime } from '../../shared/estimator/retries';
import type { DiagramEdge } from '../../shared/model/schema';
import { near } from './build';

const edge = (policy: Partial<DiagramEdge>): DiagramEdge => ({ id: 'e', source: 'a', target: 'b', ...policy });
/** Half the calls take 2 ms, half 100 ms. */
const twoSpeeds = Dist.mix(0.5, Dist.constant(2), Dist.constant(100));

describe('copies per call known before any latency', () => {
  it('retries from the failure probability alone: 1 + 0.2 + 0.04 = 1.24, capped by a budget at 1 + budget', () => {
    expect(staticAmplification(edge({ retry: { failureProbability: 0.2, retries: 2 } }))).toBeCloseTo(1.24, 12);
    expect(staticAmplification(edge({ retry: { failureProbability: 0.2, retries: 2, budget: 0.1 } }))).toBeCloseTo(1.1, 12);
    expect(staticAmplification(edge({ retry: { retries: 2 } }))).toBe(1);
    expect(staticAmplification(edge({}))).toBe(1);
  });

  it('a hedge at the p95 goes out on 5% of calls, at the p90 on 10%; after a fixed delay it depends on the latency', () => {
    expect(staticAmplification(edge({ hedge: {} }))).toBeCloseTo(1.05, 12);
    expect(staticAmplification(edge({ hedge: { afterPercentile: 0.9 } }))).toBeCloseTo(1.1, 12);
    expect(staticAmplification(edge({ hedge: { afterMs: 10 } }))).toBe(1);
    expect(staticAmplification(edge({ hedge: {}, retry: { failureProbability: 0.2, retries: 2 } }))).toBeCloseTo(1.24 * 1.05, 12);
  });

  it('the most attempts: R + 1, or 1 + the budget when that is fewer', () => {
    expect(mostAttempts(edge({}))).toBe(1);
    expect(mostAttempts(edge({ retry: {} }))).toBe(1);
    expect(mostAttempts(edge({ retry: { retries: 3 } }))).toBe(4);
    expect(mostAttempts(edge({ retry: { retries: 3, budget: 0.5 } }))).toBe(1.5);
    expect(mostAttempts(edge({ retry: { retries: 0, budget: 0.5 } }))).toBe(1);
  });

  it('the load depends on the latency only through a timeout or a hedge after a fixed delay', () => {
    expect(loadDependsOnLatency(edge({ retry: { retries: 2, timeoutMs: 50 } }))).toBe(true);
    expect(loadDependsOnLatency(edge({ hedge: { afterMs: 10 } }))).toBe(true);
    expect(loadDependsOnLatency(edge({ retry: { retries: 2 }, hedge: { afterPercentile: 0.9 } }))).toBe(false);
    expect(loadDependsOnLatency(edge({}))).toBe(false);
  });

  it('an attempt fails outright or by running past the timeout: q = 1 - (1 - p) P(T <= timeout)', () => {
    expect(attemptFailure({ failureProbability: 0.2, timeoutMs: 50 }, twoSpeeds)).toBeCloseTo(1 - 0.8 * 0.5, 9);
    expect(attemptFailure({ failureProbability: 0.2 }, twoSpeeds)).toBeCloseTo(0.2, 12);
    expect(attemptFailure({ timeoutMs: 50 }, twoSpeeds)).toBeCloseTo(0.5, 9);
    expect(attemptFailure({}, twoSpeeds)).toBe(0);
  });
});

describe('the time of a retried call, outcome by outcome', () => {
  it('no timeout, half the attempts fail, one retry: 10 ms on half the calls, 20 on the rest; 1.5 attempts, 25% fail', () => {
    const outcome = retriedTime({ failureProbability: 0.5, retries: 1 }, Dist.constant(10));
    near(outcome.time.mean(), 15, 1e-9);
    expect(outcome.attempts).toBeCloseTo(1.5, 12);
    expect(outcome.failedShare).toBeCloseTo(0.25, 12);
    near(outcome.time.quantile(0.25), 10, 0.04);
    near(outcome.time.quantile(0.75), 20, 0.04);
  });

  it('backoffs grow by their multiplier: 5 then 10 ms before the second and third attempts', () => {
    const outcome = retriedTime({ failureProbability: 0.5, retries: 2, backoffMs: 5, backoffMultiplier: 2 }, Dist.constant(10));
    // 0.5 x 10 + 0.25 x 25 + 0.125 x 45 + 0.125 x 45 (all three failed).
    near(outcome.time.mean(), 5 + 6.25 + 11.25, 1e-9);
  });

  it('a timeout cuts the slow half: 2 ms on half the calls, 50 + 2 on a quarter, 50 + 50 on the quarter that fail twice', () => {
    const outcome = retriedTime({ retries: 1, timeoutMs: 50 }, twoSpeeds);
    near(outcome.time.mean(), 0.5 * 2 + 0.25 * 52 + 0.25 * 100, 0.002);
    expect(outcome.failedShare).toBeCloseTo(0.25, 9);
    near(outcome.time.quantile(0.6), 52, 0.04);
    near(outcome.time.quantile(0.9), 100, 0.04);
  });

  it('a failure before the timeout lasts its own time: outright failures of fast attempts cost 2 ms, not 50', () => {
    // q = 1 - 0.8 x 0.5 = 0.6; a failed attempt is fast with probability 0.2 x 0.5 / 0.6 = 1/6, else the 50 ms timeout.
    const outcome = retriedTime({ failureProbability: 0.2, retries: 1, timeoutMs: 50 }, twoSpeeds);
    const failedMean = (1 / 6) * 2 + (5 / 6) * 50;
    near(outcome.time.mean(), 0.4 * 2 + 0.6 * 0.4 * (failedMean + 2) + 0.36 * 2 * failedMean, 0.002);
  });

  it('a timeout no attempt reaches changes nothing; one every attempt passes fails every call after R + 1 timeouts', () => {
    const slack = retriedTime({ retries: 2, timeoutMs: 1000 }, twoSpeeds);
    near(slack.time.mean(), twoSpeeds.mean(), 1e-9);
    expect(slack.failedShare).toBe(0);
    const cut = retriedTime({ retries: 1, timeoutMs: 1 }, twoSpeeds);
    near(cut.time.mean(), 2, 0.001);
    expect(cut.failedShare).toBeCloseTo(1, 12);
    expect(cut.attempts).toBe(2);
  });

  it('stops counting outcomes rarer than a millionth: a call that almost never fails is the attempt itself', () => {
    const outcome = retriedTime({ failureProbability: 1e-7, retries: 3 }, Dist.constant(10));
    near(outcome.time.mean(), 10, 1e-9);
    const rare = retriedTime({ failureProbability: 1e-3, retries: 3 }, Dist.constant(10));
    near(rare.time.mean(), 10 * (1 + 1e-3 + 1e-6), 1e-7);
  });
});

describe('the time of a hedged call', () => {
  it('a hedge after 10 ms to a call of 2 or 100 ms: half at 2, a quarter at 10 + 2, a quarter at 100', () => {
    const outcome = hedgedTime({ afterMs: 10 }, twoSpeeds);
    near(outcome.share, 0.5, 1e-9);
    near(outcome.time.mean(), 0.5 * 2 + 0.25 * 12 + 0.25 * 100, 0.01);
    near(outcome.time.quantile(0.6), 12, 0.05);
    near(outcome.time.quantile(0.9), 100, 0.05);
  });

  it('a hedge no call waits for is never sent, and a call that takes no time needs none', () => {
    const late = hedgedTime({ afterMs: 500 }, twoSpeeds);
    expect(late).toEqual({ time: twoSpeeds, afterMs: 500, share: 0 });
    expect(hedgedTime({ afterMs: 1 }, Dist.ZERO).share).toBe(0);
  });

  it('hedges each attempt of a retried call, and keeps one outcome per edge and callee', () => {
    const both = edge({ hedge: { afterMs: 10 }, retry: { failureProbability: 0.5, retries: 1 } });
    const outcome = callPolicy(both, twoSpeeds);
    near(outcome.amplification, 1.5 * 1.5, 1e-9);
    expect(outcome.hedge).toEqual({ afterMs: 10, share: outcome.hedge!.share });
    expect(callPolicy(both, twoSpeeds)).toBe(outcome);
    const other = callPolicy(edge({ retry: { failureProbability: 0.5, retries: 1 } }), twoSpeeds);
    expect(other.hedge).toBeNull();
    near(other.amplification, 1.5, 1e-12);
  });
});
