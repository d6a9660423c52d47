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
  const n = dist.masses.length;
  const masses = dist.masses;
  const prefixMass = whole(SLOT.prefixMass, n + 1, false);
  const prefixValue = whole(SLOT.prefixValue, n + 1, false);
  const offset = dist.lo - K_MIN;
  prefixMass[0] = 0;
  prefixValue[0] = 0;
  for (let j = 0; j < n; j++) {
    const q = masses[j]!;
    prefixMass[j + 1] = prefixMass[j]! + q;
    prefixValue[j + 1] = prefixValue[j]! + q * POINTS[offset + j]!;
  }
  return { prefixMass, prefixValue };
}

/**
 * Adds to `out` the mass of the pairs (x from a, y from b) with index(x) >= index(y)
 * (strictly greater when `strict`, so equal pairs are counted once), in O(n * groups)
 * with prefix sums over b.
 */
export function addPositiveSum(a: Dist, b: Dist, outLo: number, out: Float64Array, strict: boolean): void {
  const n = b.masses.length;
  const bLo = b.lo;
  const bHi = b.hi;
  const { points, invStep, kMin, sumM, sumDLow, sumDHigh } = gridInUse();
  const { prefixMass, prefixValue } = prefixSums(b);
  const groups = sumM.length;
  const aMasses = a.masses;
  const aLo = a.lo;
  for (let i = 0; i < aMasses.length; i++) {
    const p = aMasses[i]!;
    if (p === 0) continue;
    const ka = aLo + i;
    const x = points[ka - kMin]!;
    for (let g = 0; g < groups; g++) {
      const dLow = strict && sumDLow[g] === 0 ? 1 : sumDLow[g]!;
      const dHigh = sumDHigh[g]!;
      if (dLow > dHigh) continue;
      // b indices j with ka - dHigh <= j <= ka - dLow, clipped to b's support.
      const jHighIndex = ka - dLow;
      if (jHighIndex < bLo) break;
      const jHigh = jHighIndex < bHi ? jHighIndex : bHi;
      const jLowIndex = ka - dHigh;
      const jLow = jLowIndex > bLo ? jLowIndex : bLo;
      if (jHigh < jLow) continue;
      const qa = prefixMass[jHigh - bLo + 1]! - prefixMass[jLow - bLo]!;
      if (qa <= 0) continue;
      const va = prefixValue[jHigh - bLo + 1]! - prefixValue[jLow - bLo]!;
      // Mean-preserving split without division: the share above `lower` is (x + y - lower) / step.
      const target = ka + sumM[g]!;
      const mass = p * qa;
      let upperMass = p * (va + (x - points[target - kMin]!) * qa) * invStep[target - kMin]!;
      if (upperMass < 0) upperMass = 0;
      else if (upperMass > mass) upperMass = mass;
      const o = target - outLo;
      out[o]! += mass - upperMass;
      out[o + 1]! += upperMass;
    }
  }
}
