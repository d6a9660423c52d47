/**
 * The sums the latency grid's arithmetic is made of (docs/estimator.md,
 * section 3): prefix sums of a distribution, and the mass of pairs of two
 * distributions split between the grid points their sum falls between.
 */
import type { Dist } from './grid';
import { gridInUse, K_MIN, POINTS } from './gridPoints';
import { SLOT, whole } from './scratch';

/**
 * Prefix sums of a distribution's masses and of mass times value, in the
 * work arrays of SLOT.prefixMass and SLOT.prefixValue: entry j sums the
 * first j points of the support (sums and correlations read ranges of them).
 */
export function prefixSums(dist: Dist): { prefixMass: Float64Array; prefixValue: Float64Array } {
  const prefixMass = whole(SLOT.prefixMass, dist.size + 1, false);
  const prefixValue = whole(SLOT.prefixValue, dist.size + 1, false);
  prefixSumsInto(dist, prefixMass, 0, prefixValue, 0);
  return { prefixMass, prefixValue };
}

/** The same prefix sums (prefixSums), into `mass` from `massAt` and `value` from `valueAt`, n + 1 entries each. */
export function prefixSumsInto(dist: Dist, mass: Float64Array, massAt: number, value: Float64Array, valueAt: number): void {
  const n = dist.size;
  const masses = dist.store;
  const from = dist.offset;
  const offset = dist.lo - K_MIN;
  mass[massAt] = 0;
  value[valueAt] = 0;
  for (let j = 0; j < n; j++) {
    const q = masses[from + j]!;
    mass[massAt + j + 1] = mass[massAt + j]! + q;
    value[valueAt + j + 1] = value[valueAt + j]! + q * POINTS[offset + j]!;
  }
}

/**
 * Adds to `out` the mass of the pairs (x from a, y from b) with index(x) >= index(y)
 * (strictly greater when `strict`, so equal pairs are counted once), in O(n * groups)
 * with prefix sums over b.
 */
export function addPositiveSum(a: Dist, b: Dist, outLo: number, out: Float64Array, strict: boolean): void {
  const bLo = b.lo;
  const last = b.size - 1;
  const { points, invStep, kMin, sumM, sumDLow, sumDHigh } = gridInUse();
  const { prefixMass, prefixValue } = prefixSums(b);
  const groups = sumM.length;
  const aMasses = a.store;
  const aFrom = a.offset;
  const aSize = a.size;
  // Only the first group holds equal indices (d = 0): when `strict`, it starts at d = 1.
  const firstLow = strict && sumDLow[0] === 0 ? 1 : sumDLow[0]!;
  for (let i = 0; i < aSize; i++) {
    const p = aMasses[aFrom + i]!;
    // Stryker disable next-line ConditionalExpression: a point without mass adds zeros
    if (p === 0) continue;
    // x's index counted from b's first point, and from the grid's first.
    const r = a.lo + i - bLo;
    const xi = a.lo + i - kMin;
    const x = points[xi]!;
    // Stryker disable next-line EqualityOperator: past the last group the bounds are undefined, which no index compares with
    for (let g = 0; g < groups; g++) {
      const dLow = g === 0 ? firstLow : sumDLow[g]!;
      const dHigh = sumDHigh[g]!;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty range of differences leaves jHigh below jLow, skipped below
      if (dLow > dHigh) continue;
      // b's points j (from its first) with r - dHigh <= j <= r - dLow, clipped to its support.
      let jHigh = r - dLow;
      // Stryker disable next-line ConditionalExpression: without the break each later group's range is empty and skipped below
      if (jHigh < 0) break;
      // Stryker disable next-line EqualityOperator: at the bound the clip sets the same index
      if (jHigh > last) jHigh = last;
      let jLow = r - dHigh;
      // Stryker disable next-line EqualityOperator: at the bound the clip sets the same index
      if (jLow < 0) jLow = 0;
      if (jHigh < jLow) continue;
      const qa = prefixMass[jHigh + 1]! - prefixMass[jLow]!;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: pairs without mass add zeros
      if (qa <= 0) continue;
      const va = prefixValue[jHigh + 1]! - prefixValue[jLow]!;
      // Mean-preserving split without division: the share above the lower point is (x + y - lower) / step.
      const t = xi + sumM[g]!;
      const mass = p * qa;
      let upperMass = p * (va + (x - points[t]!) * qa) * invStep[t]!;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the share is within [0, mass] but for rounding in its last bits
      if (upperMass < 0) upperMass = 0;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the share is within [0, mass] but for rounding in its last bits
      else if (upperMass > mass) upperMass = mass;
      const o = t + kMin - outLo;
      out[o]! += mass - upperMass;
      out[o + 1]! += upperMass;
    }
  }
}
