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
import { gridInUse, K_MIN, midAbove, POINTS, SUM_M } from './gridPoints';
import { prefixSumsInto } from './gridSums';
import { reserve, reservedIn, whole, SLOT } from './scratch';
import { unboxed } from './unboxed';

/** Where a weight is known: the grid indices from `lo` on, `size` of them (a distribution's support, or another weight's). */
type Support = Pick<Dist, 'lo' | 'size'>;

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

  /** A weight of 0 everywhere on a distribution's support (or another weight's). */
  static on(support: Support): Weight {
    const offset = reserve(support.size);
    return new Weight(support.lo, reservedIn(), 0, offset, support.size);
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

  /**
   * at(k) for the `size` grid indices k from `lo`, into `out` from `into`: the
   * values before the known range, within it and after it, each run in a loop
   * of its own rather than a bounds test at every index.
   */
  readInto(lo: number, size: number, out: Float64Array, into: number): void {
    const n = this.size;
    if (n === 0) {
      out.fill(unboxed(this.zero), into, into + size);
      return;
    }
    const store = this.store;
    // Index i of the range is the known value i - start.
    const start = this.lo - lo;
    const from = this.offset - start;
    const before = start < size ? start : size;
    const within = start + n < size ? start + n : size;
    let i = 0;
    for (const first = store[this.offset]!; i < before; i++) out[into + i] = first;
    for (; i < within; i++) out[into + i] = store[from + i]!;
    for (const last = store[this.offset + n - 1]!; i < size; i++) out[into + i] = last;
  }

  /** The same weight on a distribution's support (or another weight's): this one itself where the support is its own. */
  over(support: Support): Weight {
    if (support.lo === this.lo && support.size === this.size) return this;
    const w = Weight.on(support);
    this.readInto(support.lo, support.size, w.store, w.offset);
    w.zero = this.zero;
    return w;
  }

  /** Adds `scale` times another weight on the same support. */
  add(other: Weight, scale = 1): void {
    const values = this.store;
    const from = this.offset;
    const same = other.over(this);
    const others = same.store;
    const otherFrom = same.offset;
    for (let i = 0; i < this.size; i++) values[from + i]! += scale * others[otherFrom + i]!;
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
  const on = w.over(dist);
  const values = on.store;
  const at = on.offset;
  const points = POINTS;
  const first = dist.lo - K_MIN;
  for (let i = 0; i < dist.size; i++) sum += masses[from + i]! * points[first + i]! * values[at + i]!;
  return sum;
}

/** E[w(X)]: the probability mass a weight covers. */
export function weightedMass(dist: Dist, w: Weight): number {
  let sum = dist.zero * w.zero;
  const masses = dist.store;
  const from = dist.offset;
  const on = w.over(dist);
  const values = on.store;
  const at = on.offset;
  for (let i = 0; i < dist.size; i++) sum += masses[from + i]! * values[at + i]!;
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

/**
 * The work array of the last readWeight: h, its slope per ms and the grid's
 * points at every index from its `base` on, in three runs of `readLength`,
 * then room for correlateRead's own runs. One array, not one per run: the
 * kernels' inner loops read them all at each step, and each typed array an
 * optimized loop reads costs it a check of its kind and its bounds at every
 * step.
 */
let work: Float64Array = new Float64Array(0);
let readLength = 0;

/** h, its slope per ms and the grid's points at every index from base to top, into the work array. */
function readWeight(h: Weight, base: number, top: number): void {
  const length = top - base + 1;
  // Then correlateRead's prefix sums of Z, two difference arrays and its values (Y and Z lie within base..top).
  const hv = (work = whole(SLOT.weight, 8 * length + 4, false));
  readLength = length;
  h.readInto(base, length, hv, 0);
  const { invStep, points, kMin } = gridInUse();
  const offset = base - kMin;
  const slopes = length;
  const pointsAt = 2 * length;
  for (let i = 0; i < length - 1; i++) hv[slopes + i] = (hv[i + 1]! - hv[i]!) * invStep[i + offset]!;
  hv[slopes + length - 1] = 0;
  for (let i = 0; i < length; i++) hv[pointsAt + i] = points[i + offset]!;
}

/** correlate(h, y, z) for Z not always 0, with h read from `base` on (readWeight). */
function correlateRead(hZero: number, base: number, y: Dist, z: Dist): Weight {
  const out = Weight.on(y);
  // The runs of the work array: h from base on, its slopes, the grid's points, Z's prefix sums
  // of mass and value, the two difference arrays, Y's values (from `at`: index t is base + t).
  const w = work;
  const length = readLength;
  const slopes = length;
  const pointsAt = 2 * length;
  const n = z.size;
  const ny = out.size;
  const prefixMass = 3 * length;
  const prefixValue = prefixMass + n + 1;
  const constant = prefixValue + n + 1;
  const perMs = constant + ny + 1;
  const values = perMs + ny + 1;
  const zLo = z.lo;
  const zMasses = z.store;
  const zFrom = z.offset;
  const { sumM, sumDLow, sumDHigh } = gridInUse();
  const groups = sumM.length;
  // Z's point j is the work array's j + zFromBase, Y's point i its i + yFromBase.
  const zFromBase = zLo - base;
  const yLo = y.lo;
  const yFromBase = yLo - base;

  // Pairs with index(z) <= index(y): prefix sums of Z's mass and value.
  prefixSumsInto(z, w, prefixMass, w, prefixValue);
  // Pairs with index(z) > index(y) land at index(z) + m, where h is linear in the
  // pair's value: q (h_t + (x_y + z - x_t) slope_t). For each z point and group this
  // adds a constant plus x_y times a constant over a range of y points: two
  // difference arrays, summed once at the end.
  w.fill(0, constant, values);
  // Z's point j is Y's point j + zFromY.
  const zFromY = zLo - yLo;
  // A range of y points ends at `last`: its difference is at last + 1.
  const constantEnd = constant + 1;
  const perMsEnd = perMs + 1;
  for (let j = 0; j < n; j++) {
    const q = zMasses[zFrom + j]!;
    if (q === 0) continue;
    const r = j + zFromY;
    const tj = j + zFromBase;
    const zValue = w[pointsAt + tj]!;
    for (let g = 0; g < groups; g++) {
      // y point = r - d, d in [max(dLow, 1), dHigh], within Y's support.
      const dLow = sumDLow[g]! < 1 ? 1 : sumDLow[g]!;
      const yHigh = r - dLow;
      if (yHigh < 0) break;
      const yLowRaw = r - sumDHigh[g]!;
      const yLow = yLowRaw < 0 ? 0 : yLowRaw;
      const last = yHigh >= ny ? ny - 1 : yHigh;
      if (last < yLow) continue;
      const t = tj + sumM[g]!;
      const sl = w[slopes + t]!;
      const c = q * (w[t]! + (zValue - w[pointsAt + t]!) * sl);
      const perX = q * sl;
      w[constant + yLow]! += c;
      w[constantEnd + last]! -= c;
      w[perMs + yLow]! += perX;
      w[perMsEnd + last]! -= perX;
    }
  }

  const zZero = z.zero;
  let runningConstant = 0;
  let runningPerMs = 0;
  for (let i = 0; i < ny; i++) {
    const t = i + yFromBase;
    runningConstant += w[constant + i]!;
    runningPerMs += w[perMs + i]!;
    w[values + i] = zZero * w[t]! + runningConstant + w[pointsAt + t]! * runningPerMs;
  }
  // Then group by group, each y point's pairs added in the order of the groups.
  const zLast = n - 1;
  const massEnd = prefixMass + 1;
  const valueEnd = prefixValue + 1;
  const yPoints = pointsAt + yFromBase;
  for (let g = 0; g < groups; g++) {
    const dLow = sumDLow[g]!;
    const dHigh = sumDHigh[g]!;
    // Y's point i lands between the work array's i + landing and the one after.
    const landing = yFromBase + sumM[g]!;
    const landingSlopes = slopes + landing;
    const landingPoints = pointsAt + landing;
    // Z's point = y's - d, d in [dLow, dHigh], within Z's support: y's from dLow - zFromY on,
    // up to the last whose Z's points reach Z's last, zLast + dHigh + zFromY.
    const end = zLast + dHigh + zFromY + 1 < ny ? zLast + dHigh + zFromY + 1 : ny;
    for (let i = dLow + zFromY > 0 ? dLow + zFromY : 0; i < end; i++) {
      const r = i - zFromY;
      const jHigh = r - dLow > zLast ? zLast : r - dLow;
      const jLow = r - dHigh < 0 ? 0 : r - dHigh;
      const q = w[massEnd + jHigh]! - w[prefixMass + jLow]!;
      if (q <= 0) continue;
      const v = w[valueEnd + jHigh]! - w[prefixValue + jLow]!;
      w[values + i]! += q * w[landing + i]! + (q * (w[yPoints + i]! - w[landingPoints + i]!) + v) * w[landingSlopes + i]!;
    }
  }
  const outValues = out.store;
  const outFrom = out.offset;
  for (let i = 0; i < ny; i++) outValues[outFrom + i] = w[values + i]!;
  // y = 0: Y + Z = Z.
  let atZero = zZero * hZero;
  for (let j = 0; j < n; j++) atZero += zMasses[zFrom + j]! * w[j + zFromBase]!;
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
  // Row i is the support's point i - start; before the support, the chance of 0 (a distribution
  // always 0 has no support: all of it), after it 1, level with none of them.
  const start = n === 0 ? span : dist.lo - lo;
  const before = start < 0 ? 0 : start < span ? start : span;
  const within = start + n < span ? start + n : span;
  let i = 0;
  for (; i < before; i++) {
    belows[at + i] = zero;
    levels[at + i] = 0;
  }
  // The mass below each point: the chance of 0, then the masses before it added in order.
  let cumulative = unboxed(zero);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with the support all before the rows, no row reads the sum
  const skipped = start >= 0 ? 0 : -start < n ? -start : n;
  for (let j = 0; j < skipped; j++) cumulative += masses[from + j]!;
  for (; i < within; i++) {
    const mass = masses[from + i - start]!;
    belows[at + i] = cumulative;
    levels[at + i] = mass;
    cumulative += mass;
  }
  for (; i < span; i++) {
    belows[at + i] = 1;
    levels[at + i] = 0;
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
