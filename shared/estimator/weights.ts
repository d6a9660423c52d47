/**
 * Tail weights: for a part Y of a request's latency T, the function
 * w(y) = P(T is in the tail | Y = y), known at Y's grid points. The mean time
 * of a node over the tail is then E[own time x w(own time)] / P(tail), exactly,
 * with no sampling. Passing a weight down through T = Y + Z is a correlation,
 * w_Y(y) = E[w_T(y + Z)], computed like a sum (grid.ts) with prefix sums per
 * group of landing offsets; through a max, a branch is critical where the
 * others are below it.
 */

import type { Dist } from './grid';
import { prefixSums } from './gridSums';
import { gridInUse, INV_STEP, K_MIN, midAbove, POINTS, SUM_M } from './gridPoints';
import { reserve, reservedIn, whole, SLOT } from './scratch';
import { unboxed } from './unboxed';

/**
 * A function of a latency, at the grid points of one distribution's support,
 * and at 0. Its values are the `size` doubles of `store` from `offset` (a range
 * of a shared block, as a distribution's masses are: grid.ts).
 */
export class Weight {
  constructor(
    readonly lo: number,
    /** The array that holds the values, from `offset` on. */
    readonly store: Float64Array,
    public zero: number,
    readonly offset = 0,
    /** How many values. */
    readonly size = store.length,
  ) {}

  /** A weight of 0 everywhere on a distribution's support. */
  static on(dist: Dist): Weight {
    const offset = reserve(dist.size);
    return new Weight(dist.lo, reservedIn(), 0, offset, dist.size);
  }

  /** The values, from the one at grid index lo: a view of their range of `store`, made on each call. */
  get values(): Float64Array {
    return this.store.subarray(this.offset, this.offset + this.size);
  }

  /** Value at grid index k; outside the known range, the value at the nearest end. */
  at(k: number): number {
    const n = this.size;
    if (n === 0) return unboxed(this.zero);
    const i = k - this.lo;
    return this.store[this.offset + (i < 0 ? 0 : i >= n ? n - 1 : i)]!;
  }

  /** The same weight on a distribution's support: this one itself where the support is its own. */
  over(dist: Dist): Weight {
    if (dist.lo === this.lo && dist.size === this.size) return this;
    const w = Weight.on(dist);
    const values = w.store;
    const from = w.offset;
    for (let i = 0; i < w.size; i++) values[from + i] = this.at(dist.lo + i);
    w.zero = this.zero;
    return w;
  }

  /** Adds `scale` times another weight on the same support. */
  add(other: Weight, scale = 1): void {
    const values = this.store;
    const from = this.offset;
    for (let i = 0; i < this.size; i++) values[from + i]! += scale * other.at(this.lo + i);
    this.zero += scale * other.zero;
  }
}

/** The weight of being at or above `thresholdMs`, split within the cell that straddles it. */
export function tailWeight(dist: Dist, thresholdMs: number): Weight {
  const w = Weight.on(dist);
  const values = w.store;
  const start = w.offset;
  for (let i = 0; i < w.size; i++) {
    const k = dist.lo + i;
    const from = midAbove(k - 1);
    const to = midAbove(k);
    values[start + i] = Math.min(1, Math.max(0, (to - thresholdMs) / (to - from)));
  }
  w.zero = thresholdMs <= 0 ? 1 : 0;
  return w;
}

/** E[X w(X)] over a distribution and a weight on its support. */
export function weightedMean(dist: Dist, w: Weight): number {
  let sum = 0;
  const masses = dist.store;
  const from = dist.offset;
  for (let i = 0; i < dist.size; i++) sum += masses[from + i]! * POINTS[dist.lo + i - K_MIN]! * w.at(dist.lo + i);
  return sum;
}

/** E[w(X)]: the probability mass a weight covers. */
export function weightedMass(dist: Dist, w: Weight): number {
  let sum = dist.zero * w.zero;
  const masses = dist.store;
  const from = dist.offset;
  for (let i = 0; i < dist.size; i++) sum += masses[from + i]! * w.at(dist.lo + i);
  return sum;
}

/** w_Y(y) = E[h(y + Z)] at Y's points, for a weight h on the support of Y + Z. */
export function correlate(h: Weight, y: Dist, z: Dist): Weight {
  if (z.isZero) {
    const out = Weight.on(y);
    out.add(h);
    return out;
  }
  const base = Math.min(z.lo, y.isZero ? z.lo : y.lo);
  readWeight(h, base, Math.max(z.hi, y.isZero ? z.hi : y.hi) + SUM_M[0]! + 2);
  return correlateRead(h.zero, base, y, z);
}

/**
 * Both ways through one sum A + B: correlate(h, a, b) and correlate(h, b, a),
 * the same figures, with h read once for the two (a stage and the stages
 * before it, in the p99 breakdown).
 */
export function correlateBoth(h: Weight, a: Dist, b: Dist): [Weight, Weight] {
  if (a.isZero || b.isZero) return [correlate(h, a, b), correlate(h, b, a)];
  const base = Math.min(a.lo, b.lo);
  readWeight(h, base, Math.max(a.hi, b.hi) + SUM_M[0]! + 2);
  return [correlateRead(h.zero, base, a, b), correlateRead(h.zero, base, b, a)];
}

/** The weight and its slope per ms that readWeight read last, from its `base` on. */
let readValues: Float64Array = new Float64Array(0);
let readSlopes: Float64Array = new Float64Array(0);

/** h and its slope per ms at every index from base to top, into their work arrays. */
function readWeight(h: Weight, base: number, top: number): void {
  const length = top - base + 1;
  const hv = (readValues = whole(SLOT.weight, length, false));
  const slope = (readSlopes = whole(SLOT.slope, length, false));
  for (let t = base; t <= top; t++) hv[t - base] = h.at(t);
  const invStep = INV_STEP;
  const offset = base - K_MIN;
  for (let i = 0; i < length - 1; i++) slope[i] = (hv[i + 1]! - hv[i]!) * invStep[i + offset]!;
  slope[length - 1] = 0;
}

/** correlate(h, y, z) for Z not always 0, with h read from `base` on (readWeight). */
function correlateRead(hZero: number, base: number, y: Dist, z: Dist): Weight {
  const out = Weight.on(y);
  const hv = readValues;
  const slope = readSlopes;
  const n = z.size;
  const zLo = z.lo;
  const zMasses = z.store;
  const zFrom = z.offset;
  const { points, kMin, sumM, sumDLow, sumDHigh } = gridInUse();
  const groups = sumM.length;

  // Pairs with index(z) <= index(y): prefix sums of Z's mass and value.
  const { prefixMass, prefixValue } = prefixSums(z);
  // Pairs with index(z) > index(y) land at index(z) + m, where h is linear in the
  // pair's value: q (h_t + (x_y + z - x_t) slope_t). For each z point and group this
  // adds a constant plus x_y times a constant over a range of y points: two
  // difference arrays, summed once at the end.
  const yLo = y.lo;
  const ny = out.size;
  const constant = whole(SLOT.constant, ny + 1);
  const perMs = whole(SLOT.perMs, ny + 1);
  // Z's point j is Y's point j + zFromY, the grid's j + zFromGrid and the read weight's j + zFromBase.
  const zFromY = zLo - yLo;
  const zFromGrid = zLo - kMin;
  const zFromBase = zLo - base;
  for (let j = 0; j < n; j++) {
    const q = zMasses[zFrom + j]!;
    if (q === 0) continue;
    const r = j + zFromY;
    const zValue = points[j + zFromGrid]!;
    for (let g = 0; g < groups; g++) {
      // y point = r - d, d in [max(dLow, 1), dHigh], within Y's support.
      const dLow = sumDLow[g]! < 1 ? 1 : sumDLow[g]!;
      const yHigh = r - dLow;
      if (yHigh < 0) break;
      const yLowRaw = r - sumDHigh[g]!;
      const yLow = yLowRaw < 0 ? 0 : yLowRaw;
      const last = yHigh >= ny ? ny - 1 : yHigh;
      if (last < yLow) continue;
      const m = sumM[g]!;
      const sl = slope[j + zFromBase + m]!;
      const c = q * (hv[j + zFromBase + m]! + (zValue - points[j + zFromGrid + m]!) * sl);
      const perX = q * sl;
      constant[yLow]! += c;
      constant[last + 1]! -= c;
      perMs[yLow]! += perX;
      perMs[last + 1]! -= perX;
    }
  }

  const zZero = z.zero;
  const values = out.store;
  const outFrom = out.offset;
  let runningConstant = 0;
  let runningPerMs = 0;
  for (let i = 0; i < ny; i++) {
    const ky = yLo + i;
    runningConstant += constant[i]!;
    runningPerMs += perMs[i]!;
    values[outFrom + i] = zZero * hv[ky - base]! + runningConstant + points[ky - kMin]! * runningPerMs;
  }
  // Then group by group, each y point's pairs added in the order of the groups.
  // Y's point i is Z's point i - zFromY, the grid's i + yFromGrid and the read weight's i + yFromBase.
  const zLast = n - 1;
  const yFromGrid = yLo - kMin;
  const yFromBase = yLo - base;
  for (let g = 0; g < groups; g++) {
    const dLow = sumDLow[g]!;
    const dHigh = sumDHigh[g]!;
    const m = sumM[g]!;
    // Z's point = y's - d, d in [dLow, dHigh], at least Z's first: y's from dLow - zFromY on.
    for (let i = dLow + zFromY > 0 ? dLow + zFromY : 0; i < ny; i++) {
      const r = i - zFromY;
      // Lands between y's point + m and the one after.
      const jHigh = r - dLow > zLast ? zLast : r - dLow;
      const jLow = r - dHigh < 0 ? 0 : r - dHigh;
      if (jHigh < jLow) break;
      const q = prefixMass[jHigh + 1]! - prefixMass[jLow]!;
      if (q <= 0) continue;
      const v = prefixValue[jHigh + 1]! - prefixValue[jLow]!;
      const t = i + yFromBase + m;
      values[outFrom + i]! += q * hv[t]! + (q * (points[i + yFromGrid]! - points[i + yFromGrid + m]!) + v) * slope[t]!;
    }
  }
  // y = 0: Y + Z = Z.
  let atZero = zZero * hZero;
  for (let j = 0; j < n; j++) atZero += zMasses[zFrom + j]! * hv[zLo + j - base]!;
  out.zero = atZero;
  return out;
}

/**
 * P(X < point k) and P(X = point k) for the `span` grid indices k from `lo`,
 * into `belows` and `levels` from `at`: what another branch needs to know to
 * tell whether it stays below a value, ties included (below the support, the
 * chance of 0; above it, 1).
 */
export function belowAndLevel(dist: Dist, lo: number, span: number, belows: Float64Array, levels: Float64Array, at: number): void {
  const masses = dist.store;
  const from = dist.offset;
  const n = dist.size;
  const zero = dist.zero;
  // The mass below each point: the chance of 0, then the masses before it added in order.
  let cumulative = unboxed(zero);
  let j = 0;
  for (let i = 0; i < span; i++) {
    const index = lo + i - dist.lo;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a distribution always 0 (no support) has a chance of 0 of 1, which the branch above the support gives too
    if (n === 0 || index < 0) {
      belows[at + i] = zero;
      levels[at + i] = 0;
    } else if (index >= n) {
      belows[at + i] = 1;
      levels[at + i] = 0;
    } else {
      for (; j < index; j++) cumulative += masses[from + j]!;
      belows[at + i] = cumulative;
      levels[at + i] = masses[from + index]!;
    }
  }
}

/**
 * The chance that a value tied with m others, each below it with probability
 * `below` and level with it with probability `level`, is the one counted as the
 * slowest when ties are split evenly: E[1 / (1 + ties)] over the others, which is
 * the integral over t in [0, 1] of (below + t level)^m. Over m + 1 equal copies
 * these add up to the chance that the slowest is at this value, exactly.
 */
export function tiedPower(below: number, level: number, m: number): number {
  if (m === 0) return 1;
  const top = below + level;
  // Where the tie is negligible, the midpoint is exact to its square and avoids cancelling.
  if (!(level > 1e-9 * top)) return Math.pow(below + level / 2, m);
  return (Math.pow(top, m + 1) - Math.pow(below, m + 1)) / ((m + 1) * level);
}

/** Coefficients of tiedProduct's polynomial, reused from one call to the next. */
let coefficients = new Float64Array(8);

/**
 * The same for others that differ: the integral over t in [0, 1] of the
 * product of (below_o + t level_o), over the first `count` of them.
 */
export function tiedProduct(belows: ArrayLike<number>, levels: ArrayLike<number>, count = belows.length): number {
  // Coefficients of the product as a polynomial in t, then integrated term by term.
  if (coefficients.length <= count) coefficients = new Float64Array(2 * count + 2);
  const c = coefficients;
  c[0] = 1;
  for (let o = 0; o < count; o++) {
    c[o + 1] = 0;
    for (let j = o + 1; j >= 0; j--) c[j] = c[j]! * belows[o]! + (j > 0 ? c[j - 1]! * levels[o]! : 0);
  }
  let sum = 0;
  for (let j = 0; j <= count; j++) sum += c[j]! / (j + 1);
  return sum;
}
