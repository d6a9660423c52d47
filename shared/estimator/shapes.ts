/**
 * Distributions given by a formula for their CDF (a uniform wait, the
 * minimum of a call and its hedge, a call cut at its timeout), projected onto
 * the latency grid the way Dist.logNormal is.
 */
import { Dist } from './grid';
import { at, clampIndex, indexBelow, midAbove } from './gridPoints';

/**
 * The distribution whose CDF is `cdf` on [0, maxMs] (all mass at or below
 * maxMs; mass below minMs, if any, is folded into minMs's grid point). Each
 * cell's mean is taken at its middle, which is exact for a CDF linear in the
 * cell and within a grid step's blur otherwise.
 */
export function distFromCdf(cdf: (ms: number) => number, minMs: number, maxMs: number): Dist {
  if (!(maxMs > 0)) return Dist.ZERO;
  const lo = clampIndex(indexBelow(Math.max(minMs, maxMs * 1e-6)));
  const hi = clampIndex(indexBelow(maxMs) + 1);
  const values = new Float64Array(hi - lo + 1);
  for (let i = 0; i < values.length; i++) values[i] = i === values.length - 1 ? 1 : Math.min(1, Math.max(0, cdf(at(lo + i))));
  for (let i = 1; i < values.length; i++) values[i] = Math.max(values[i]!, values[i - 1]!);
  return Dist.project(lo, values, (i) => (values[i + 1]! - values[i]!) * ((at(lo + i) + at(lo + i + 1)) / 2));
}

/** Uniform on [0, widthMs]. */
export function uniformDist(widthMs: number): Dist {
  if (!(widthMs > 0)) return Dist.ZERO;
  return distFromCdf((ms) => ms / widthMs, widthMs * 1e-4, widthMs);
}

/** The CDF of a grid distribution as a function, read in O(log n) (the same values as Dist.cdf). */
export function cdfOf(dist: Dist): (ms: number) => number {
  const masses = dist.masses;
  const n = masses.length;
  const below = new Float64Array(n + 1);
  below[0] = dist.zero;
  for (let i = 0; i < n; i++) below[i + 1] = below[i]! + masses[i]!;
  return (ms) => {
    if (ms < 0) return 0;
    if (n === 0) return 1;
    let low = 0;
    let high = n;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (midAbove(dist.lo + mid) <= ms) low = mid + 1;
      else high = mid;
    }
    if (low >= n) return Math.min(1, below[n]!);
    const from = midAbove(dist.lo + low - 1);
    const to = midAbove(dist.lo + low);
    return below[low]! + (ms <= from ? 0 : (masses[low]! * (ms - from)) / (to - from));
  };
}

/** Smallest and largest values a distribution holds mass at, ms. */
export function support(dist: Dist): { minMs: number; maxMs: number } {
  if (dist.isZero) return { minMs: 0, maxMs: 0 };
  return { minMs: at(dist.lo), maxMs: at(dist.hi) };
}
