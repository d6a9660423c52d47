import { describe, expect, it } from 'vitest';
import { Dist } from '../../shared/estimator/grid';
import { sampler, simulatePool } from '../../shared/estimator/poolRun';
import { serviceTime } from '../../shared/estimator/queueing';
import { near } from './build';

/** A steady 5 ms service: every copy that finds a server free takes exactly 5 ms. */
const steady = serviceTime(5, 5);

/** The median of every `step`-th value from `offset`. */
function median(values: Float64Array, step = 1, offset = 0): number {
  const picked = Array.from({ length: Math.floor(values.length / step) }, (_, i) => values[i * step + offset]!).sort((a, b) => a - b);
  return picked[Math.floor(picked.length / 2)]!;
}

describe('a sampled pool fed by copies of one request', () => {
  it('on one server serves copies arriving together one after another: 5, 10 and 15 ms for a batch of 3', () => {
    const run = simulatePool(1, steady, [{ qps: 1, copies: 3 }]);
    const batches = run.batches.get(3)!;
    // 400,000 copies in batches of 3, every one measured after the warm-up.
    expect(batches.length).toBe(Math.ceil(400_000 / 3) * 3);
    expect([0, 1, 2].map((copy) => median(batches, 3, copy))).toEqual([5, 10, 15]);
    near(run.own.mean(), 10, 0.015);
  });

  it('on two servers runs a batch of 2 at once, and keeps each stream\'s batches in proportion to its rate', () => {
    const run = simulatePool(2, steady, [{ qps: 1, copies: 2 }, { qps: 3, copies: 1 }]);
    expect(median(run.batches.get(2)!, 2, 1)).toBe(5);
    // 400,000 copies at 1.25 a request: 320,000 requests, a quarter of them pairs.
    near(run.batches.get(2)!.length, 2 * 80_000, 0.01);
    near(run.batches.get(1)!.length, 240_000, 0.01);
    near(run.own.quantile(0.5), 5, 0.01);
  });

  it('sends copies in turn each once the one before is back, its time after included: 3 x (5 + 2) ms', () => {
    const run = simulatePool(1, steady, [{ qps: 1, copies: 3, inTurn: true }], Dist.constant(2));
    near(median(run.turns.get(3)!), 21, 2e-3);
    near(run.own.quantile(0.5), 5, 0.01);
  });
});

describe('drawing from a distribution on the grid', () => {
  it('gives 0 for the share at zero and the grid value of the rest', () => {
    const draw = sampler(Dist.mix(0.3, Dist.ZERO, Dist.constant(5)));
    expect(draw(0.1)).toBe(0);
    expect(draw(0.29)).toBe(0);
    near(draw(0.31), 5, 0.01);
    near(draw(0.999), 5, 0.05);
    expect(sampler(Dist.ZERO)(0.5)).toBe(0);
  });
});
