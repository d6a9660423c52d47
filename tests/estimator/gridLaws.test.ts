import { describe, expect, it } from 'vitest';
import { Dist } from '../../shared/estimator/grid';
import { at, clampIndex, indexBelow, K_MAX, K_MIN, midAbove, POINTS } from '../../shared/estimator/gridPoints';
import { erfc, normalCdf, normalCdfFast, Z99 } from '../../shared/estimator/normal';
import { cdfOf, distFromCdf, support, uniformDist } from '../../shared/estimator/shapes';
import { near } from './build';

/** An exponential latency of mean `meanMs`: a wait that always happens. */
const exponential = (meanMs: number) => Dist.ZERO.plusWait(1, meanMs);

describe('latency distributions on the grid against their closed forms', () => {
  it('an exponential of mean 10 ms: mean 10, p99 = 10 ln 100 = 46.05 ms, F(10) = 1 - 1/e', () => {
    const e = exponential(10);
    expect(e.zero).toBe(0);
    near(e.mean(), 10, 0.001);
    near(e.quantile(0.99), 10 * Math.log(100), 0.002);
    near(e.quantile(0.5), 10 * Math.log(2), 0.002);
    near(e.cdf(10), 1 - Math.exp(-1), 0.001);
  });

  it('a wait taken by 40% of requests after a constant 5 ms: nobody is at 0, mean 9 ms, p99 = 5 + 10 ln 40', () => {
    const d = Dist.constant(5).plusWait(0.4, 10);
    expect(d.zero).toBe(0);
    near(d.mean(), 9, 0.001);
    near(d.quantile(0.99), 5 + 10 * Math.log(40), 0.002);
    // Without the constant: 60% wait nothing at all.
    const w = Dist.ZERO.plusWait(0.4, 10);
    expect(w.zero).toBeCloseTo(0.6, 12);
    near(w.mean(), 4, 0.002);
    expect(w.quantile(0.5)).toBe(0);
    near(w.quantile(0.99), 10 * Math.log(40), 0.002);
  });

  it('a service time with its wait, made in one go, is the log-normal plus the wait, mass for mass, and keeps its masses past the next one', () => {
    const cases: [number, number, number, number][] = [[3, 0.6, 0.3, 2], [0.5, 0.2, 0.9, 40], [12, 1.1, 0.05, 0.3], [4, 0, 0.4, 5]];
    const made = cases.map(([median, sigma, p, mean]) => Dist.logNormalPlusWait(median, sigma, p, mean));
    cases.forEach(([median, sigma, p, mean], i) => {
      const expected = Dist.logNormal(median, sigma).plusWait(p, mean);
      expect([made[i]!.zero, made[i]!.lo, ...made[i]!.masses]).toEqual([expected.zero, expected.lo, ...expected.masses]);
    });
    // A projection made before keeps its masses too.
    const projected = Dist.project(40, Float64Array.of(0.1, 0.5, 0.9, 1), (cell) => 0.4 * (POINTS[40 + cell - K_MIN]! + POINTS[41 + cell - K_MIN]!) / 2);
    const before = [...projected.masses];
    Dist.logNormalPlusWait(3, 0.9, 0.5, 1);
    expect([...projected.masses]).toEqual(before);
    // Without a wait: the log-normal alone, as plusWait gives it back.
    for (const [p, mean] of [[0, 10], [0.5, 0], [0.5, Number.NaN]] as const) {
      const alone = Dist.logNormalPlusWait(10, 0.5, p, mean);
      expect([...alone.masses]).toEqual([...Dist.logNormal(10, 0.5).masses]);
      Dist.logNormalPlusWait(3, 0.9, 0.5, 1);
      expect([...alone.masses]).toEqual([...Dist.logNormal(10, 0.5).masses]);
    }
  });

  it('a wait of probability 0 or of no length changes nothing', () => {
    const d = Dist.logNormal(10, 0.5);
    expect(d.plusWait(0, 10)).toBe(d);
    expect(d.plusWait(0.5, 0)).toBe(d);
    expect(d.plusWait(0.5, Number.NaN)).toBe(d);
  });

  it('a wait added to a latency that is sometimes 0 starts below the wait: mixes of 0 and a wait stay exact', () => {
    const hitOrMiss = Dist.mix(0.5, Dist.ZERO, Dist.constant(20));
    const d = hitOrMiss.plusWait(0.5, 10);
    expect(d.zero).toBeCloseTo(0.25, 12);
    near(d.mean(), 15, 0.002);
    // P(latency <= 5 ms) = P(no call, no wait) + P(no call, wait <= 5) = 0.25 + 0.25 (1 - e^-0.5).
    near(d.cdf(5), 0.25 + 0.25 * (1 - Math.exp(-0.5)), 0.01);
  });

  it('the sum of two exponentials is the gamma of shape 2: mean 20, F(20) = 1 - 3/e^2, p99 = 66.38 ms', () => {
    const g = exponential(10).plus(exponential(10));
    near(g.mean(), 20, 0.001);
    near(g.cdf(20), 1 - 3 * Math.exp(-2), 0.002);
    near(g.quantile(0.99), 66.384, 0.003);
  });

  it('sums of n copies: the gamma of shape 3 has median 26.74 ms, and 0 or 1 copies are nothing or the copy', () => {
    const e = exponential(10);
    const g3 = e.sumOf(3);
    near(g3.mean(), 30, 0.001);
    near(g3.quantile(0.5), 26.7406, 0.002);
    near(e.sumOf(4).mean(), 40, 0.001);
    near(e.sumOf(4).quantile(0.5), 36.721, 0.003);
    expect(e.sumOf(0).isZero).toBe(true);
    expect(e.sumOf(1).mean()).toBe(e.mean());
  });

  it('a sum keeps the mean of its addends to a millionth: each pair of points is split keeping its value, equal points counted once', () => {
    const spread = Dist.logNormal(5, 0.8);
    const narrow = Dist.logNormal(40, 0.1);
    const waited = Dist.logNormal(2, 0.5).plusWait(0.3, 4);
    const sometimes = Dist.mix(0.6, Dist.logNormal(1, 0.6), Dist.ZERO);
    const far = Dist.logNormal(5000, 0.2);
    const pairs: [Dist, Dist][] = [
      [spread, spread], [spread, narrow], [narrow, spread], [waited, sometimes], [sometimes, sometimes],
      [spread, far], [far, spread], [Dist.constant(10), Dist.constant(10)], [Dist.constant(3), Dist.constant(1000)],
    ];
    for (const [a, b] of pairs) near(a.plus(b).mean(), a.mean() + b.mean(), 1e-6);
  });

  it('sums keep the share of requests at 0 and of each addend alone', () => {
    const a = Dist.mix(0.5, Dist.ZERO, Dist.constant(10));
    const b = Dist.mix(0.5, Dist.ZERO, Dist.constant(100));
    const sum = a.plus(b);
    expect(sum.zero).toBeCloseTo(0.25, 12);
    near(sum.mean(), 55, 0.001);
    // A quarter at about 10, a quarter at about 100, a quarter at about 110.
    near(sum.quantile(0.4), 10, 0.05);
    near(sum.quantile(0.6), 100, 0.05);
    near(sum.quantile(0.9), 110, 0.05);
    expect(Dist.ZERO.plus(a)).toBe(a);
    expect(a.plus(Dist.ZERO)).toBe(a);
  });

  it('the larger of two exponentials: mean 15 ms and median -10 ln(1 - sqrt(1/2)) = 12.28 ms', () => {
    const e = exponential(10);
    const m = e.max(e);
    near(m.mean(), 15, 0.001);
    near(m.quantile(0.5), -10 * Math.log(1 - Math.sqrt(0.5)), 0.002);
    expect(Dist.ZERO.max(e)).toBe(e);
    expect(e.max(Dist.ZERO)).toBe(e);
  });

  it('the larger of a short and a long latency is the long one, wherever each sits on the grid', () => {
    const short = Dist.logNormal(1, 0.2);
    const long = Dist.logNormal(100, 0.2);
    near(short.max(long).quantile(0.5), 100, 0.01);
    near(long.max(short).quantile(0.5), 100, 0.01);
    near(long.max(short).mean(), long.mean(), 0.001);
  });

  it('the largest of three exponentials: mean 10 (1 + 1/2 + 1/3) ms; of none, nothing; of one, the copy', () => {
    const e = exponential(10);
    const m = e.maxOf(3);
    near(m.mean(), (10 * 11) / 6, 0.001);
    near(m.quantile(0.5), -10 * Math.log(1 - Math.pow(0.5, 1 / 3)), 0.002);
    expect(e.maxOf(0).isZero).toBe(true);
    expect(e.maxOf(1)).toBe(e);
    expect(Dist.ZERO.maxOf(3).isZero).toBe(true);
  });

  it('the largest of copies that are sometimes 0 is 0 only when every copy is', () => {
    const d = Dist.mix(0.5, Dist.constant(10), Dist.ZERO);
    const m = d.maxOf(2);
    expect(m.zero).toBeCloseTo(0.25, 12);
    near(m.mean(), 7.5, 0.01);
  });

  it('a log-normal of median 10 ms and sigma 0.5: p99 = 10 e^(2.326 x 0.5), mean 10 e^0.125', () => {
    const d = Dist.logNormal(10, 0.5);
    near(d.quantile(0.5), 10, 0.002);
    near(d.quantile(0.99), 10 * Math.exp(Z99 * 0.5), 0.003);
    near(d.quantile(0.01), 10 * Math.exp(-Z99 * 0.5), 0.003);
    near(d.mean(), 10 * Math.exp(0.125), 0.001);
    near(d.quantile(0.999), 10 * Math.exp(3.0902 * 0.5), 0.005);
    expect(Dist.logNormal(10, 0).mean()).toBe(Dist.constant(10).mean());
  });

  it('a constant keeps its value as the mean exactly, split between its two neighbouring points', () => {
    for (const ms of [7, 0.3, 250, at(40)]) {
      const c = Dist.constant(ms);
      expect(c.zero).toBe(0);
      near(c.mean(), ms, 1e-12);
      expect(c.masses.length).toBe(2);
      expect(at(c.lo)).toBeLessThanOrEqual(ms * (1 + 1e-12));
      expect(at(c.lo + 1)).toBeGreaterThan(ms);
      near(c.quantile(0.5), ms, 0.04);
    }
    expect(Dist.constant(0).isZero).toBe(true);
    expect(Dist.constant(-3).isZero).toBe(true);
  });

  it('a mixture weighs its parts: 30% at 7 ms and the rest at 0 has mean 2.1 and median 0', () => {
    const c = Dist.constant(7);
    const m = Dist.mix(0.3, c, Dist.ZERO);
    expect(m.zero).toBeCloseTo(0.7, 12);
    near(m.mean(), 2.1, 1e-9);
    expect(m.quantile(0.5)).toBe(0);
    near(m.quantile(0.9), 7, 0.04);
    const e = exponential(10);
    expect(Dist.mix(1, c, e)).toBe(c);
    expect(Dist.mix(0, c, e)).toBe(e);
    expect(Dist.mix(0.5, Dist.ZERO, Dist.ZERO).isZero).toBe(true);
    const both = Dist.mix(0.25, Dist.constant(1), Dist.constant(100));
    near(both.mean(), 0.25 + 75, 1e-9);
    near(both.quantile(0.1), 1, 0.04);
    near(both.quantile(0.5), 100, 0.04);
    const reversed = Dist.mix(0.75, Dist.constant(100), Dist.constant(1));
    near(reversed.quantile(0.1), 1, 0.04);
    near(reversed.mean(), 75.25, 1e-9);
  });

  it('reads the CDF back as the inverse of the quantile, 0 below 0 ms and 1 past the last point', () => {
    const d = Dist.mix(0.8, Dist.logNormal(20, 0.7), Dist.ZERO);
    for (const p of [0.3, 0.5, 0.9, 0.99]) near(d.cdf(d.quantile(p)), p, 1e-9);
    expect(d.cdf(-1)).toBe(0);
    expect(d.cdf(0)).toBeCloseTo(0.2, 12);
    expect(d.cdf(1e9)).toBe(1);
    expect(d.quantile(0.1)).toBe(0);
    expect(d.quantile(0.2)).toBe(0);
  });

  it('reads the mean and several quantiles in one pass, the same figures as one at a time', () => {
    const sometimes = Dist.mix(0.8, Dist.logNormal(20, 0.7).plusWait(0.3, 15), Dist.ZERO);
    // Shares at and below the chance of 0 read 0; a share past every mass reads the last point.
    const shares = [0.1, sometimes.zero, 0.5, 0.9, 0.99, 0.999, 1 + 1e-9];
    const out = new Float64Array(1 + shares.length + 1).fill(-1);
    sometimes.meanAndQuantiles(shares, out);
    expect([...out]).toEqual([sometimes.mean(), ...shares.slice(0, -1).map((p) => sometimes.quantile(p)), at(sometimes.hi), -1]);
    expect(out[1]).toBe(0);
    expect(out[3]).toBeGreaterThan(0);
    const never = new Float64Array(3).fill(-1);
    Dist.ZERO.meanAndQuantiles([0.5, 0.99], never);
    expect([...never]).toEqual([0, 0, 0]);
    // Two shares in the same point's mass, and a share exactly at a point's cumulative mass.
    const steady = Dist.constant(7);
    const both = new Float64Array(4);
    steady.meanAndQuantiles([0.2, 0.3, steady.masses[0]!], both);
    expect([...both]).toEqual([steady.mean(), steady.quantile(0.2), steady.quantile(0.3), steady.quantile(steady.masses[0]!)]);
    expect(both[1]).toBeLessThan(both[2]!);
  });

  it('the empirical law of samples: half at 0 and half at 5 ms has mean 2.5 ms and p75 of 5 ms', () => {
    const s = Dist.fromSamples([0, 5, 0, 5]);
    expect(s.zero).toBeCloseTo(0.5, 12);
    near(s.mean(), 2.5, 1e-9);
    near(s.quantile(0.75), 5, 0.04);
    near(Dist.fromSamples([1, 2, 3, 4, 1000]).mean(), 202, 1e-9);
    near(Dist.fromSamples([1000, 1, 2, 3, 4]).quantile(0.3), 2, 0.04);
    expect(Dist.fromSamples([0, -1, Number.NaN]).isZero).toBe(true);
  });

  it('building from masses: negative masses count as none, the total scales to 1, and no mass at all is always 0 ms', () => {
    const d = Dist.fromMasses(0, 100, Float64Array.of(1, -1, 3));
    expect(d.masses.length).toBe(3);
    expect(d.masses[1]).toBe(0);
    near(d.masses[0]!, 0.25, 1e-12);
    near(d.masses[2]!, 0.75, 1e-12);
    near(d.mean(), 0.25 * at(100) + 0.75 * at(102), 1e-12);
    const withZero = Dist.fromMasses(1, 100, Float64Array.of(1, 2));
    expect(withZero.zero).toBeCloseTo(0.25, 12);
    expect(Dist.fromMasses(0, 100, Float64Array.of(0, -2)).isZero).toBe(true);
    expect(Dist.fromMasses(0, 100, new Float64Array(0)).isZero).toBe(true);
  });

  it('building from masses folds negligible tails into the first and last kept points, keeping every bit of mass', () => {
    const masses = Float64Array.of(1e-9, 1e-9, 0.5, 0.5, 1e-12, 1e-12);
    const d = Dist.fromMasses(0, 50, masses);
    expect(d.lo).toBe(52);
    expect(d.masses.length).toBe(2);
    const total = d.zero + d.masses.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 14);
    expect(d.masses[0]!).toBeGreaterThan(d.masses[1]!);
    expect(d.masses[0]! - d.masses[1]!).toBeCloseTo((2e-9 - 2e-12) / (1 + 2e-9 + 2e-12), 15);
    // A tail that is not negligible is kept.
    const kept = Dist.fromMasses(0, 50, Float64Array.of(1e-3, 0.5, 0.5, 1e-3));
    expect(kept.lo).toBe(50);
    expect(kept.masses.length).toBe(4);
    // With a large mass at 0, a small low tail is still kept whole.
    const atZero = Dist.fromMasses(0.5, 50, Float64Array.of(1e-9, 0.5));
    expect(atZero.lo).toBe(50);
  });
});

describe('latency distributions at the edges of their range', () => {
  it('a wait alone has the exact exponential CDF 1 - p e^(-t / mean) at every midpoint between grid points', () => {
    const d = Dist.ZERO.plusWait(0.5, 10);
    for (let k = d.lo + 5; k < d.hi - 5; k += 7) expect(Math.abs(d.cdf(midAbove(k)) - (1 - 0.5 * Math.exp(-midAbove(k) / 10)))).toBeLessThan(1e-12);
    const always = Dist.ZERO.plusWait(1, 3);
    for (let k = always.lo + 5; k < always.hi - 5; k += 7) expect(Math.abs(always.cdf(midAbove(k)) - (1 - Math.exp(-midAbove(k) / 3)))).toBeLessThan(1e-12);
  });

  it('the larger of two constants is the larger one, its mean exact whichever comes first', () => {
    expect(Dist.constant(10).max(Dist.constant(5)).mean()).toBeCloseTo(10, 12);
    expect(Dist.constant(5).max(Dist.constant(10)).mean()).toBeCloseTo(10, 12);
  });

  it('a wide log-normal (sigma 3) keeps both tails: p1 = 10 e^(-2.326 x 3), p99 = 10 e^(2.326 x 3)', () => {
    const d = Dist.logNormal(10, 3);
    near(d.quantile(0.01), 10 * Math.exp(-Z99 * 3), 0.003);
    near(d.quantile(0.99), 10 * Math.exp(Z99 * 3), 0.003);
    near(d.quantile(0.5), 10, 0.002);
  });

  it('exactly half the requests at 0: the median is 0', () => {
    expect(Dist.mix(0.5, Dist.ZERO, Dist.constant(10)).quantile(0.5)).toBe(0);
  });

  it('the empirical law keeps its largest sample wherever it comes in the list', () => {
    near(Dist.fromSamples([1000, 1, 2, 3, 4]).mean(), 202, 1e-9);
  });

  it('the empirical law of thousands of samples, read a block at a time: the zeros\' share, the mean, the smallest and the largest kept', () => {
    // 3,001 samples: 1, 2, ..., 3000 ms in a shuffled order, every third one replaced by 0 (1,000 zeros), and one of 10 s last.
    const samples = Array.from({ length: 3000 }, (_, i) => (i % 3 === 2 ? 0 : 1 + ((i * 1237) % 3000)));
    samples.push(10_000);
    const d = Dist.fromSamples(samples);
    near(d.zero, 1000 / 3001, 1e-12);
    near(d.mean(), samples.reduce((a, v) => a + v, 0) / 3001, 1e-9);
    expect(at(d.lo)).toBeLessThanOrEqual(Math.min(...samples.filter((v) => v > 0)));
    expect(at(d.hi)).toBeGreaterThanOrEqual(10_000);
    expect(at(d.hi - 1)).toBeLessThan(10_000);
  });

  it('folds tails by their share of the total, not by their raw size: 3e-6 of 4 is negligible, 3e-10 of 4 too', () => {
    const low = Dist.fromMasses(0, 50, Float64Array.of(3e-6, 1, 1, 1, 1));
    expect([low.lo, low.masses.length]).toEqual([51, 4]);
    const high = Dist.fromMasses(0, 50, Float64Array.of(1, 1, 1, 1, 3e-10));
    expect([high.lo, high.masses.length]).toEqual([50, 4]);
  });
});

describe('the grid points', () => {
  it('sit 4% apart, and each index reads back from its own value', () => {
    near(at(1) / at(0), 1.04, 1e-12);
    expect(at(0)).toBe(1);
    for (const k of [-300, -1, 0, 1, 57, 400]) {
      expect(indexBelow(at(k))).toBe(k);
      expect(indexBelow(at(k) * 1.0001)).toBe(k);
      expect(indexBelow(at(k + 1) * 0.9999)).toBe(k);
      expect(midAbove(k)).toBeCloseTo((at(k) + at(k + 1)) / 2, 12);
    }
  });

  it('reads a value a hair below a point as the point before it, where the logarithm rounds up', () => {
    for (const k of [-300, -296]) {
      const below = at(k) * (1 - 2.2e-16);
      expect(below).toBeLessThan(at(k));
      expect(indexBelow(below)).toBe(k - 1);
    }
  });

  it('keep an index inside the grid, one point short of either end', () => {
    expect(clampIndex(K_MIN - 50)).toBe(K_MIN + 1);
    expect(clampIndex(K_MAX + 50)).toBe(K_MAX - 1);
    expect(clampIndex(12)).toBe(12);
    expect(at(K_MIN)).toBeLessThanOrEqual(1e-6);
    expect(at(K_MAX)).toBeGreaterThanOrEqual(1e12);
  });
});

describe('the normal distribution', () => {
  it('erfc and the normal CDF at known points', () => {
    expect(erfc(0)).toBeCloseTo(1, 6);
    expect(erfc(1)).toBeCloseTo(0.157299207, 7);
    expect(erfc(-1)).toBeCloseTo(1.842700793, 7);
    expect(erfc(2)).toBeCloseTo(0.004677735, 8);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(Z99)).toBeCloseTo(0.99, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.1586553, 6);
  });

  it('the tabulated CDF agrees with the formula to 2e-7, and is 0 and 1 far out', () => {
    for (const z of [-8.5, -3.1, -0.7, 0, 0.3, 1.2345, 4.9, 8.99]) expect(Math.abs(normalCdfFast(z) - normalCdf(z))).toBeLessThan(2e-7);
    expect(normalCdfFast(-20)).toBe(0);
    expect(normalCdfFast(-9)).toBe(0);
    expect(normalCdfFast(20)).toBe(1);
    expect(normalCdfFast(9)).toBe(1);
  });

  it('reads the formula itself at every tabulated point, whatever order the points are first read in', () => {
    const points = Array.from({ length: 18 * 512 - 1 }, (_, i) => -9 + (i + 1) / 512);
    // A fixed shuffle: each entry is worked out when first read, and must land in its own place.
    for (let i = points.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [points[i], points[j]] = [points[j]!, points[i]!];
    }
    for (const z of points) expect(normalCdfFast(z)).toBe(normalCdf(z));
  });
});

describe('distributions given by their CDF', () => {
  it('uniform on [0, 10 ms]: mean 5, median 5, p99 9.9, nothing at 0', () => {
    const u = uniformDist(10);
    expect(u.zero).toBe(0);
    near(u.mean(), 5, 0.001);
    near(u.quantile(0.5), 5, 0.002);
    near(u.quantile(0.99), 9.9, 0.02);
    near(u.quantile(0.1), 1, 0.02);
    expect(uniformDist(0).isZero).toBe(true);
    expect(uniformDist(Number.NaN).isZero).toBe(true);
  });

  it('a CDF that falls back is read as never falling, and mass below the lowest value sits at it', () => {
    // A CDF of 0.5 up to 2 ms that dips and climbs to 1 at 10 ms: read as 0.5 up to 2 ms, then rising.
    const d = distFromCdf((ms) => (ms < 2 ? 0.5 : ms < 3 ? 0.2 : Math.min(1, ms / 10)), 1, 10);
    near(d.cdf(2.5), 0.5, 0.05);
    near(d.quantile(0.4), 1, 0.05);
    expect(d.cdf(10.5)).toBe(1);
    expect(distFromCdf(() => 1, 1, 0).isZero).toBe(true);
  });

  it('the CDF read as a function matches Dist.cdf everywhere, and a latency that is always 0 has CDF 1 from 0 ms', () => {
    const d = Dist.mix(0.7, Dist.logNormal(10, 0.5), Dist.ZERO);
    const f = cdfOf(d);
    for (const ms of [-1, 0, 0.5, 5, 10, 14.3, 30, 1e6]) expect(f(ms)).toBeCloseTo(d.cdf(ms), 12);
    for (let k = d.lo - 2; k <= d.hi + 1; k++) {
      expect(f(midAbove(k))).toBeCloseTo(d.cdf(midAbove(k)), 12);
      expect(f(at(k))).toBeCloseTo(d.cdf(at(k)), 12);
    }
    const zero = cdfOf(Dist.ZERO);
    expect(zero(0)).toBe(1);
    expect(zero(-0.1)).toBe(0);
  });

  it('the support of a distribution spans its first and last points; always 0 has support [0, 0]', () => {
    const d = Dist.constant(7);
    expect(support(d)).toEqual({ minMs: at(d.lo), maxMs: at(d.lo + 1) });
    expect(support(Dist.ZERO)).toEqual({ minMs: 0, maxMs: 0 });
  });
});
