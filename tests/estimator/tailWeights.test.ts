import { describe, expect, it } from 'vitest';
import { Dist } from '../../shared/estimator/grid';
import { at, indexBelow, K_MIN, POINTS } from '../../shared/estimator/gridPoints';
import { belowAndLevel, correlate, correlateBoth, tailWeight, tiedPower, tiedProduct, weightedMass, weightedMean, Weight } from '../../shared/estimator/weights';
import { reserve, reservedIn } from '../../shared/estimator/scratch';
import { near } from './build';

/** A weight given by a function of the latency in ms, on a distribution's support. */
function weightOf(dist: Dist, f: (ms: number) => number, atZero = f(0)): Weight {
  const w = Weight.on(dist);
  for (let i = 0; i < w.values.length; i++) w.values[i] = f(POINTS[dist.lo + i - K_MIN]!);
  w.zero = atZero;
  return w;
}

const y = Dist.logNormal(5, 0.6);
const z = Dist.logNormal(12, 0.3);

describe('tail weights', () => {
  it('read the nearest end outside their support, and their value at 0 when they have no support', () => {
    const w = new Weight(10, Float64Array.of(0.25, 0.5, 0.75), 0.1);
    expect([w.at(3), w.at(10), w.at(11), w.at(12), w.at(40)]).toEqual([0.25, 0.25, 0.5, 0.75, 0.75]);
    expect(new Weight(10, new Float64Array(0), 0.4).at(11)).toBe(0.4);
    w.add(new Weight(11, Float64Array.of(1), 2), 0.5);
    expect([...w.values]).toEqual([0.75, 1, 1.25]);
    expect(w.zero).toBeCloseTo(1.1, 12);
  });

  it('read a range of indices as at() reads each, before, within and after their support, into any place of an array', () => {
    const w = new Weight(10, Float64Array.of(0, 0.25, 0.5, 0.75, 0.9), 0.1, 0, 5);
    // Within a larger block, from an offset: the values of the block around it are not read.
    const inBlock = new Weight(10, Float64Array.of(9, 0, 0.25, 0.5, 0.75, 0.9, 9), 0.1, 1, 5);
    for (const [lo, size] of [[4, 20], [12, 2], [7, 4], [13, 6], [16, 3], [2, 3], [10, 5]] as const) {
      for (const weight of [w, inBlock]) {
        const out = new Float64Array(size + 3).fill(-1);
        weight.readInto(lo, size, out, 2);
        expect([...out]).toEqual([-1, -1, ...Array.from({ length: size }, (_, i) => w.at(lo + i)), -1]);
      }
    }
    const none = new Float64Array(4).fill(-1);
    new Weight(10, new Float64Array(0), 0.4).readInto(3, 2, none, 1);
    expect([...none]).toEqual([-1, 0.4, 0.4, -1]);
  });

  it('move onto another support by reading their values there, and stay themselves on their own', () => {
    const w = weightOf(y, (ms) => ms, 0.5);
    expect(w.over(y)).toBe(w);
    const shifted = w.over(z);
    expect(shifted).not.toBe(w);
    expect(shifted.lo).toBe(z.lo);
    expect(shifted.values.length).toBe(z.masses.length);
    shifted.values.forEach((v, i) => expect(v).toBe(w.at(z.lo + i)));
    expect(shifted.zero).toBe(0.5);
    // Same start, other length: a copy.
    const shorter = Dist.fromMasses(0, y.lo, y.masses.slice(0, 5));
    expect(w.over(shorter)).not.toBe(w);
    expect([...w.over(shorter).values]).toEqual([...w.values.slice(0, 5)]);
  });

  it('write only, as distributions do, their own range of the shared block: the doubles reserved next are still zero', () => {
    const nextIsZero = () => {
      const start = reserve(1);
      return reservedIn()[start];
    };
    const w = weightOf(y, (ms) => ms, 0.5);
    for (let round = 0; round < 3; round++) {
      // A high tail below the cut (the third mass) is folded in, not kept past the two masses.
      expect(Dist.fromMasses(0, y.lo, Float64Array.of(0.5, 0.5, 1e-12)).masses.length).toBe(2);
      expect(nextIsZero()).toBe(0);
      expect(w.over(z).values.length).toBe(z.masses.length);
      expect(nextIsZero()).toBe(0);
    }
  });

  it('cover all the mass and the mean when they are 1 everywhere', () => {
    const mixed = Dist.mix(0.7, y, Dist.ZERO);
    const one = weightOf(mixed, () => 1);
    expect(weightedMass(mixed, one)).toBeCloseTo(1, 12);
    expect(weightedMean(mixed, one)).toBeCloseTo(mixed.mean(), 9);
    // Only the requests that take no time at all.
    expect(weightedMass(mixed, weightOf(mixed, () => 0, 1))).toBeCloseTo(0.3, 12);
  });

  it('cover 1% of the requests at the p99, all of them at 0, none past the slowest', () => {
    for (const dist of [y, z, y.plus(z), Dist.mix(0.5, y, Dist.ZERO)]) {
      expect(weightedMass(dist, tailWeight(dist, dist.quantile(0.99)))).toBeCloseTo(0.01, 6);
      expect(weightedMass(dist, tailWeight(dist, dist.quantile(0.9)))).toBeCloseTo(0.1, 6);
      expect(weightedMass(dist, tailWeight(dist, 0))).toBeCloseTo(1, 12);
      expect(weightedMass(dist, tailWeight(dist, 2 * at(dist.hi)))).toBe(0);
    }
    expect(tailWeight(y, 0).zero).toBe(1);
    expect(tailWeight(y, 1).zero).toBe(0);
  });
});

describe('passing a weight through a sum', () => {
  const sum = y.plus(z);

  it('keeps a constant weight', () => {
    const w = correlate(weightOf(sum, () => 0.3), y, z);
    for (const v of w.values) expect(v).toBeCloseTo(0.3, 9);
    expect(w.zero).toBeCloseTo(0.3, 9);
  });

  it('turns a weight equal to the latency into the part plus the mean of the rest', () => {
    const w = correlate(weightOf(sum, (ms) => ms), y, z);
    const zMean = z.mean();
    // Where the sum's support reaches (its far tails are trimmed, and a weight is flat past its ends).
    w.values.forEach((v, i) => {
      const ms = POINTS[y.lo + i - K_MIN]!;
      if (ms > y.quantile(0.001) && ms < y.quantile(0.999)) expect(Math.abs(v - ms - zMean)).toBeLessThan(1e-5 * (zMean + ms));
    });
    near(w.zero, zMean, 1e-4);
    // And E[Y w(Y)] is then E[Y (Y + E Z)].
    const second = [...y.masses].reduce((s, m, i) => s + m * POINTS[y.lo + i - K_MIN]! ** 2, 0);
    near(weightedMean(y, w), second + y.mean() * zMean, 1e-4);
  });

  it('through a part that may take no time, and a rest that takes none', () => {
    const maybe = Dist.mix(0.4, y, Dist.ZERO);
    const w = correlate(weightOf(maybe.plus(z), (ms) => ms), maybe, z);
    near(w.zero, z.mean(), 1e-4);
    const same = correlate(weightOf(y, (ms) => ms * 2, 5), y, Dist.ZERO);
    same.values.forEach((v, i) => expect(v).toBeCloseTo(2 * POINTS[y.lo + i - K_MIN]!, 12));
    expect(same.zero).toBe(5);
  });

  it('both ways at once, the same figures as one way at a time', () => {
    const maybe = Dist.mix(0.4, y, Dist.ZERO);
    for (const [a, b] of [[y, z], [z, y], [maybe, z], [y, Dist.ZERO], [Dist.ZERO, z]] as const) {
      const h = tailWeight(a.plus(b), a.plus(b).quantile(0.9));
      const [throughA, throughB] = correlateBoth(h, a, b);
      for (const [w, expected] of [[throughA, correlate(h, a, b)], [throughB, correlate(h, b, a)]] as const) {
        expect(w.lo).toBe(expected.lo);
        expect([...w.values]).toEqual([...expected.values]);
        expect(w.zero).toBe(expected.zero);
      }
    }
    // And what each way means: E[h(a + B)] over A's points covers the tail's mass.
    const [throughY, throughZ] = correlateBoth(tailWeight(sum, sum.quantile(0.99)), y, z);
    expect(weightedMass(y, throughY)).toBeCloseTo(0.01, 4);
    expect(weightedMass(z, throughZ)).toBeCloseTo(0.01, 4);
  });

  it('gives the chance of landing in the tail of the sum', () => {
    const threshold = sum.quantile(0.99);
    const w = correlate(tailWeight(sum, threshold), y, z);
    expect(weightedMass(y, w)).toBeCloseTo(0.01, 4);
  });
});

describe('what another branch says of a value', () => {
  it('gives the chance below and the chance level with it', () => {
    const k = indexBelow(10);
    // Rows of P(X < point) and P(X = point) for the points k - 3 to k + 9, written from the second slot on and no further.
    const rows = (dist: Dist) => {
      const belows = new Float64Array(15).fill(-1);
      const levels = new Float64Array(15).fill(-1);
      belowAndLevel(dist, k - 3, 13, belows, levels, 1);
      expect([belows[0], levels[0], belows[14], levels[14]]).toEqual([-1, -1, -1, -1]);
      const point = (j: number) => [belows[1 + j - (k - 3)]!, levels[1 + j - (k - 3)]!];
      return point;
    };
    const steady = rows(Dist.constant(at(k)));
    expect([...steady(k - 3), ...steady(k), ...steady(k + 1), ...steady(k + 9)]).toEqual([0, 0, 0, 1, 1, 0, 1, 0]);
    const sometimes = rows(Dist.mix(0.25, Dist.constant(at(k)), Dist.ZERO));
    expect(sometimes(k - 3)[0]).toBeCloseTo(0.75, 12);
    expect(sometimes(k)[0]).toBeCloseTo(0.75, 12);
    expect(sometimes(k)[1]).toBeCloseTo(0.25, 12);
    expect(sometimes(k + 1)).toEqual([1, 0]);
    const spread = Dist.logNormal(10, 0.5);
    const cumulative = rows(spread);
    let below = spread.zero;
    for (let j = spread.lo; j < k - 3; j++) below += spread.masses[j - spread.lo]!;
    for (let j = k - 3; j <= k + 9; j++) {
      expect(cumulative(j)).toEqual([below, spread.masses[j - spread.lo]!]);
      below += spread.masses[j - spread.lo]!;
    }
    const never = rows(Dist.ZERO);
    expect([...never(k), ...never(k + 9)]).toEqual([1, 0, 1, 0]);
  });

  it('splits a tie evenly: of n equal copies each is the slowest one time in n', () => {
    for (const m of [1, 2, 5, 15]) expect(tiedPower(0, 1, m)).toBeCloseTo(1 / (m + 1), 12);
    expect(tiedPower(0.3, 0.2, 0)).toBe(1);
    // Level with one other, below or above it otherwise: below + level / 2.
    expect(tiedPower(0.3, 0.2, 1)).toBeCloseTo(0.4, 12);
    expect(tiedProduct([0.3], [0.2])).toBeCloseTo(0.4, 12);
    // Two others: the integral of (a + t p)(b + t q).
    expect(tiedProduct([0.3, 0.5], [0.2, 0.1])).toBeCloseTo(0.3 * 0.5 + (0.3 * 0.1 + 0.2 * 0.5) / 2 + (0.2 * 0.1) / 3, 12);
    expect(tiedProduct([0.3, 0.3, 0.3], [0.2, 0.2, 0.2])).toBeCloseTo(tiedPower(0.3, 0.2, 3), 12);
    expect(tiedProduct([], [])).toBe(1);
    // The first `count` others only.
    expect(tiedProduct([0.3, 0.5, 0.9], [0.2, 0.1, 0.05], 2)).toBe(tiedProduct([0.3, 0.5], [0.2, 0.1]));
    expect(tiedProduct(Float64Array.of(0.3, 0.5), Float64Array.of(0.2, 0.1), 0)).toBe(1);
    // More others than any call before: the same as their power.
    expect(tiedProduct(new Array(20).fill(0.3), new Array(20).fill(0.2))).toBeCloseTo(tiedPower(0.3, 0.2, 20), 12);
    // A tie too small to matter: the midpoint.
    expect(tiedPower(0.5, 1e-12, 4)).toBeCloseTo(0.5 ** 4, 12);
    expect(tiedPower(0.5, 1e-6, 4)).toBeCloseTo((0.500001 ** 5 - 0.5 ** 5) / (5 * 1e-6), 9);
  });
});
