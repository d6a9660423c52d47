/**
 * Latency distributions on one global logarithmic grid.
 *
 * Why a grid and not sampling: the estimator runs on every edit and must give
 * p50/p90/p99 within 2% and p999 within 5% of the exact model, byte for byte
 * the same each time. Monte Carlo needs ~10^6 draws per node for a stable
 * p999; a grid gets there with a few hundred points per distribution.
 *
 * Why logarithmic: latencies span five orders of magnitude in one request
 * (a 0.5 ms cache hit, a 50 ms miss, a saturated 10 s queue), and the
 * accuracy asked for is relative. Point k of the grid sits at R^k ms, so every
 * distribution is resolved in steps of 4% wherever its mass is, and read back
 * to a few tenths of a percent.
 *
 * Representation: a probability mass at exactly 0 (a cache hit skips its
 * calls, a request that does not queue waits 0) plus masses at consecutive
 * grid points. Continuous inputs are projected with hat functions, and sums
 * split each pair's mass between the two neighbouring points in proportion to
 * where the pair's value falls, so means are exact and each pass adds at most
 * a fraction of a grid step of blur. Cumulative mass through point k reads as
 * the CDF at the midpoint between points k and k+1, which makes quantiles
 * second-order accurate.
 *
 * Limit: a distribution that is nearly one exact value (p50 = p99, no queue,
 * nothing added to it) is spread over one grid step either side, so its own
 * quantiles read within about 4%; its mean stays exact, and any sum with a
 * spread-out latency is back within the accuracy above.
 */

import { at, clampIndex, indexBelow, INV_STEP, K_MIN, LN_R, midAbove, POINTS, SUM_M } from './gridPoints';
import { normalCdfFast } from './normal';
import { addPositiveSum } from './gridSums';
import { spreadSamples } from './samples';
import { reserve, reservedIn, SLOT, scratch, whole } from './scratch';
import { unboxed } from './unboxed';

/** Mass below this cumulative probability is folded into the first kept point. */
const LOW_TAIL = 1e-6;
/** Mass above 1 minus this is folded into the last kept point. */
const HIGH_TAIL = 1e-10;

/**
 * A latency distribution in ms: an atom at zero plus masses on grid points.
 * The masses are the `size` doubles of `store` from `offset`: a range of a
 * block shared with other distributions (scratch.ts, reserve), not an array
 * view of their own (an object per distribution that the collector then
 * frees; a large estimate makes millions of them).
 */
export class Dist {
  private constructor(
    /** Probability that the latency is exactly 0. */
    readonly zero: number,
    /** Grid index of the first mass. */
    readonly lo: number,
    /** The array that holds the masses, from `offset` on. */
    readonly store: Float64Array,
    readonly offset = 0,
    /** How many masses. */
    readonly size = store.length,
  ) {}

  /** Always 0 ms. */
  static readonly ZERO = new Dist(1, 0, new Float64Array(0), 0, 0);

  /** The masses, from the one at grid index lo: a view of their range of `store`, made on each call. */
  get masses(): Float64Array {
    return this.store.subarray(this.offset, this.offset + this.size);
  }

  /** Builds a distribution from raw masses, trimming negligible tails. */
  static fromMasses(zero: number, lo: number, masses: Float64Array): Dist {
    return Dist.fromFirst(zero, lo, masses, masses.length);
  }

  /**
   * fromMasses over the first `length` masses of a work array (no view of them cut first);
   * `passing`: into the work array of SLOT.passing, for a distribution that only goes on
   * into another kernel and is never kept (see logNormalPlusWait).
   */
  private static fromFirst(zero: number, lo: number, masses: Float64Array, length: number, passing = false): Dist {
    let first = 0;
    let last = length - 1;
    let total = unboxed(zero);
    for (let i = 0; i < length; i++) {
      if (masses[i]! < 0) masses[i] = 0;
      total += masses[i]!;
    }
    if (total <= 0) return Dist.ZERO;
    let low = unboxed(zero);
    let lowFolded = 0;
    while (first < last && low + masses[first]! < LOW_TAIL * total) {
      low += masses[first]!;
      lowFolded += masses[first]!;
      first++;
    }
    let high = 0;
    while (last > first && high + masses[last]! < HIGH_TAIL * total) high += masses[last--]!;
    // One pass: the kept range, the folded tails added at its ends, then scaled to a total of 1.
    const n = last + 1 - first;
    // Stryker disable next-line BooleanLiteral: every mass is written before it is read
    const offset = passing ? 0 : reserve(n);
    // Stryker disable next-line BooleanLiteral: every mass is written before it is read
    const kept = passing ? whole(SLOT.passing, n, false) : reservedIn();
    const scale = total !== 1;
    for (let i = 0; i < n; i++) {
      let mass = masses[first + i]!;
      if (i === 0) mass += lowFolded;
      if (i === n - 1) mass += high;
      kept[offset + i] = scale ? mass / total : mass;
    }
    return new Dist(zero / total, lo + first, kept, offset, n);
  }

  /** Log-normal with the given median and log-scale sigma (sigma 0: a constant). */
  static logNormal(medianMs: number, sigma: number): Dist {
    return Dist.logNormalIn(medianMs, sigma, false);
  }

  /**
   * logNormal(medianMs, sigma).plusWait(p, meanMs), the same figures, without
   * keeping the log-normal: a node's service time and its queue's wait
   * (latency.ts), where only the sum is kept.
   */
  static logNormalPlusWait(medianMs: number, sigma: number, p: number, meanMs: number): Dist {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: plusWait gives the log-normal back itself there, which the kept one is
    if (p <= 0 || !(meanMs > 0)) return Dist.logNormal(medianMs, sigma);
    // Stryker disable next-line BooleanLiteral: a kept log-normal gives the same figures; passing it on only saves its memory
    return Dist.logNormalIn(medianMs, sigma, true).plusWait(p, meanMs);
  }

  /** logNormal, into a work array when `passing` (fromFirst). */
  private static logNormalIn(medianMs: number, sigma: number, passing: boolean): Dist {
    if (sigma <= 0) return Dist.constant(medianMs);
    const mu = Math.log(medianMs);
    const lo = clampIndex(Math.floor((mu - 4.2 * sigma) / LN_R));
    const hi = clampIndex(Math.ceil((mu + 5.9 * sigma) / LN_R));
    // At each grid point: the CDF, and the CDF of the size-biased law (E[X; X <= x] / E[X]).
    const n = hi - lo + 1;
    // Stryker disable next-line BooleanLiteral: every point is written before it is read
    const cdf = whole(SLOT.cdf, n, false);
    // Stryker disable next-line BooleanLiteral: every point is written before it is read
    const partial = whole(SLOT.partial, n, false);
    // Stryker disable next-line EqualityOperator: a point past the range is written but never read
    for (let i = 0; i < n; i++) {
      const z = ((lo + i) * LN_R - mu) / sigma;
      cdf[i] = normalCdfFast(z);
      partial[i] = normalCdfFast(z - sigma);
    }
    const meanAll = Math.exp(mu + (sigma * sigma) / 2);
    // Each cell's partial mean, in place (cell i reads point i + 1 before it is overwritten).
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: a cell past the last is written but never read
    for (let i = 0; i < n - 1; i++) partial[i] = meanAll * (partial[i + 1]! - partial[i]!);
    return Dist.projectCells(lo, cdf, partial, n, passing);
  }

  /** Exactly `ms` (split between the neighbouring grid points, keeping the mean). */
  static constant(ms: number): Dist {
    if (ms <= 0) return Dist.ZERO;
    const k = clampIndex(Math.floor(Math.log(ms) / LN_R + 1e-12));
    const a = at(k);
    const b = at(k + 1);
    const w = Math.min(1, Math.max(0, (ms - a) / (b - a)));
    const offset = reserve(2);
    const store = reservedIn();
    store[offset] = 1 - w;
    store[offset + 1] = w;
    return new Dist(0, k, store, offset, 2);
  }

  /**
   * Projects a continuous distribution onto the grid points from lo, given its
   * CDF at each point and the partial mean of each cell: each cell's mass is
   * split between its two ends so that the mean is kept exactly.
   */
  static project(lo: number, cdf: Float64Array, cellMean: (cell: number) => number): Dist {
    const n = cdf.length;
    // The partial means into the log-normal's work array: the callers hold their own arrays.
    // Stryker disable next-line BooleanLiteral: every cell is written before it is read
    const means = whole(SLOT.partial, n, false);
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: a cell past the last is written but never read
    for (let i = 0; i < n - 1; i++) means[i] = cellMean(i);
    return Dist.projectCells(lo, cdf, means, n);
  }

  /** project over the first n points of `cdf`, with each cell's partial mean in `cellMeans`. */
  private static projectCells(lo: number, cdf: Float64Array, cellMeans: Float64Array, n: number, passing = false): Dist {
    const masses = whole(SLOT.masses, n);
    masses[0] = cdf[0]!;
    for (let i = 0; i < n - 1; i++) {
      const mass = cdf[i + 1]! - cdf[i]!;
      if (mass <= 0) continue;
      const a = at(lo + i);
      const w = Math.min(1, Math.max(0, (cellMeans[i]! / mass - a) * INV_STEP[lo + i - K_MIN]!));
      masses[i]! += mass * (1 - w);
      masses[i + 1]! += mass * w;
    }
    masses[n - 1]! += 1 - cdf[n - 1]!;
    return Dist.fromFirst(0, lo, masses, n, passing);
  }

  /** The empirical distribution of samples in ms (each split between its neighbouring points, keeping the mean). */
  static fromSamples(samples: ArrayLike<number>): Dist {
    // Masses over the whole grid (spreadSamples works through the samples in blocks), then only the used range is kept.
    const grid = scratch(SLOT.masses, POINTS.length);
    const share = 1 / samples.length;
    const range = Int32Array.of(grid.length, -1, 0);
    spreadSamples(samples, 0, samples.length, share, grid, range);
    // The share at zero, added once per such sample as they came.
    let zero = 0;
    for (let i = 0; i < range[2]!; i++) zero += share;
    const first = range[0]!;
    const last = range[1]!;
    if (first > last) return Dist.ZERO;
    return Dist.fromMasses(zero, first + K_MIN, grid.subarray(first, last + 2));
  }

  /** The mixture that is `a` with probability p and `b` otherwise. */
  static mix(p: number, a: Dist, b: Dist): Dist {
    if (p >= 1) return a;
    if (p <= 0) return b;
    if (a.size === 0 && b.size === 0) return Dist.ZERO;
    const lo = Math.min(a.size ? a.lo : b.lo, b.size ? b.lo : a.lo);
    const hi = Math.max(a.size ? a.hi : b.hi, b.size ? b.hi : a.hi);
    const masses = whole(SLOT.masses, hi - lo + 1);
    const aStore = a.store;
    const aFrom = a.offset;
    const bStore = b.store;
    const bFrom = b.offset;
    for (let i = 0; i < a.size; i++) masses[a.lo - lo + i]! += p * aStore[aFrom + i]!;
    for (let i = 0; i < b.size; i++) masses[b.lo - lo + i]! += (1 - p) * bStore[bFrom + i]!;
    return Dist.fromFirst(p * a.zero + (1 - p) * b.zero, lo, masses, hi - lo + 1);
  }

  /** Grid index of the last mass. */
  get hi(): number {
    return this.lo + this.size - 1;
  }

  /** Whether the latency is always 0. */
  get isZero(): boolean {
    return this.size === 0;
  }

  /** Distribution of X + Y for independent X (this) and Y. */
  plus(other: Dist): Dist {
    if (this.isZero) return other;
    if (other.isZero) return this;
    const lo = Math.min(this.lo, other.lo);
    const hi = Math.max(this.hi, other.hi) + SUM_M[0]! + 2;
    const out = whole(SLOT.masses, hi - lo + 1);
    addPositiveSum(this, other, lo, out, false);
    addPositiveSum(other, this, lo, out, true);
    // X = 0 or Y = 0: the other one alone (where neither can be 0, this adds nothing).
    // Stryker disable next-line ConditionalExpression: adding zeros changes no mass
    if (other.zero > 0) for (let i = 0; i < this.size; i++) out[this.lo - lo + i]! += this.store[this.offset + i]! * other.zero;
    // Stryker disable next-line ConditionalExpression: adding zeros changes no mass
    if (this.zero > 0) for (let i = 0; i < other.size; i++) out[other.lo - lo + i]! += other.store[other.offset + i]! * this.zero;
    return Dist.fromFirst(this.zero * other.zero, lo, out, hi - lo + 1);
  }

  /**
   * Distribution of X + W, where W waits an exponential time of mean `meanMs`
   * with probability p and nothing otherwise (a queue's wait). The exponential
   * convolution runs in one pass: with E(t) = sum over x_k <= t of
   * P(X = x_k) exp(-(t - x_k) / mean), P(X + W <= t) = F_X(t) - p E(t).
   */
  plusWait(p: number, meanMs: number): Dist {
    if (p <= 0 || !(meanMs > 0)) return this;
    const lo = this.isZero || this.zero > 0 ? Math.min(this.isZero ? Infinity : this.lo, clampIndex(indexBelow(meanMs * 1e-4))) : this.lo;
    const top = (this.isZero ? 0 : at(this.hi)) + 40 * meanMs;
    const hi = clampIndex(indexBelow(top) + 1);
    const out = whole(SLOT.masses, hi - lo + 1, false);
    let cumulative = unboxed(this.zero);
    let decayed = this.zero * Math.exp(-midAbove(lo - 1) / meanMs);
    let previousCdf = this.zero * (1 - p);
    let previousMid = midAbove(lo - 1);
    const store = this.store;
    // Point k of the grid is store[k + fromK] (within lo..hi of this distribution).
    const fromK = this.offset - this.lo;
    const xLo = this.lo;
    const xHi = this.hi;
    for (let k = lo; k <= hi; k++) {
      const mid = midAbove(k);
      decayed *= Math.exp(-(mid - previousMid) / meanMs);
      const inX = k >= xLo && k <= xHi ? store[k + fromK]! : 0;
      if (inX > 0) {
        cumulative += inX;
        decayed += inX * Math.exp(-(mid - at(k)) / meanMs);
      }
      const cdf = k === hi ? 1 : cumulative - p * decayed;
      out[k - lo] = Math.max(0, cdf - previousCdf);
      previousCdf = Math.max(previousCdf, cdf);
      previousMid = mid;
    }
    return Dist.fromFirst(this.zero * (1 - p), lo, out, hi - lo + 1);
  }

  /** Distribution of max(X, Y) for independent X (this) and Y. */
  max(other: Dist): Dist {
    if (this.isZero) return other;
    if (other.isZero) return this;
    const lo = Math.min(this.lo, other.lo);
    const hi = Math.max(this.hi, other.hi);
    const out = whole(SLOT.masses, hi - lo + 1, false);
    let fa = unboxed(this.zero);
    let fb = unboxed(other.zero);
    let previous = fa * fb;
    const aStore = this.store;
    const aFromK = this.offset - this.lo;
    const aLo = this.lo;
    const aHi = this.hi;
    const bStore = other.store;
    const bFromK = other.offset - other.lo;
    const bLo = other.lo;
    const bHi = other.hi;
    for (let k = lo; k <= hi; k++) {
      if (k >= aLo && k <= aHi) fa += aStore[k + aFromK]!;
      if (k >= bLo && k <= bHi) fb += bStore[k + bFromK]!;
      const f = fa * fb;
      out[k - lo] = f - previous;
      previous = f;
    }
    return Dist.fromFirst(this.zero * other.zero, lo, out, hi - lo + 1);
  }

  /** Distribution of the largest of n independent copies (n >= 0; 0 copies take no time). */
  maxOf(n: number): Dist {
    if (n === 0 || this.isZero) return Dist.ZERO;
    if (n === 1) return this;
    const size = this.size;
    const out = whole(SLOT.masses, size, false);
    const store = this.store;
    const from = this.offset;
    let f = unboxed(this.zero);
    let previous = Math.pow(f, n);
    for (let i = 0; i < size; i++) {
      f += store[from + i]!;
      const fn = Math.pow(Math.min(1, f), n);
      out[i] = fn - previous;
      previous = fn;
    }
    return Dist.fromFirst(Math.pow(this.zero, n), this.lo, out, size);
  }

  /** Distribution of the sum of n independent copies (n >= 0), by repeated doubling. */
  sumOf(n: number): Dist {
    let result: Dist = Dist.ZERO;
    let power: Dist = this;
    for (let left = n; left > 0; left = Math.floor(left / 2)) {
      if (left % 2 === 1) result = result.plus(power);
      if (left > 1) power = power.plus(power);
    }
    return result;
  }

  /** Mean in ms. */
  mean(): number {
    let sum = 0;
    for (let i = 0; i < this.size; i++) sum += this.store[this.offset + i]! * at(this.lo + i);
    return sum;
  }

  /** The value in ms below which a share p of requests fall (0 < p < 1). */
  quantile(p: number): number {
    if (this.isZero || p <= this.zero) return 0;
    let cumulative = unboxed(this.zero);
    for (let i = 0; i < this.size; i++) {
      const next = cumulative + this.store[this.offset + i]!;
      if (next >= p) return this.valueAt(i, p, cumulative);
      cumulative = next;
    }
    return at(this.hi);
  }

  /**
   * The mean and the quantiles at shares `ps` (ascending), in one pass over
   * the masses: out[0] is mean(), out[1 + j] is quantile(ps[j]), the same figures.
   */
  meanAndQuantiles(ps: readonly number[], out: Float64Array): void {
    const store = this.store;
    const from = this.offset;
    const size = this.size;
    let q = 0;
    // Stryker disable next-line EqualityOperator: past the last share ps[q] is undefined, which compares false
    while (q < ps.length && (this.isZero || ps[q]! <= this.zero)) out[1 + q++] = 0;
    let sum = 0;
    let cumulative = unboxed(this.zero);
    for (let i = 0; i < size; i++) {
      const mass = store[from + i]!;
      sum += mass * at(this.lo + i);
      const next = cumulative + mass;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: past the last share ps[q] is undefined, which compares false; a share exactly at the mass through point i reads the same value from the point after it
      while (q < ps.length && next >= ps[q]!) {
        out[1 + q] = this.valueAt(i, ps[q]!, cumulative);
        q++;
      }
      cumulative = next;
    }
    while (q < ps.length) out[1 + q++] = at(this.hi);
    out[0] = sum;
  }

  /**
   * Where the CDF reaches p inside the share of point i, given the mass below
   * it: the CDF rises linearly from the midpoint below point i to the one above.
   */
  valueAt(i: number, p: number, massBelow: number): number {
    const k = this.lo + i;
    const from = midAbove(k - 1);
    const to = midAbove(k);
    const mass = this.store[this.offset + i]!;
    return from + (mass > 0 ? Math.min(1, Math.max(0, (p - massBelow) / mass)) : 0) * (to - from);
  }

  /** Probability that the latency is at most `ms` (the inverse of quantile). */
  cdf(ms: number): number {
    if (ms < 0) return 0;
    let cumulative = unboxed(this.zero);
    for (let i = 0; i < this.size; i++) {
      const k = this.lo + i;
      const from = midAbove(k - 1);
      const to = midAbove(k);
      const mass = this.store[this.offset + i]!;
      if (ms < from) return cumulative;
      if (ms < to) return cumulative + (mass * (ms - from)) / (to - from);
      cumulative += mass;
    }
    return Math.min(1, cumulative);
  }
}
