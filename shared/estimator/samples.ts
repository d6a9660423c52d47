/**
 * Samples onto the latency grid (see grid.ts, `Dist.fromSamples`): each
 * sample's share split between the grid points either side of it, so the
 * mean is kept, a block of samples at a time.
 */
import { gridInUse, indexBelowOn } from './gridPoints';

/** Samples spread by one call of spreadSamples: a call of its own per block, so a long run of samples is compiled early, not after it is mostly read. */
export const SPREAD_BLOCK = 512;

/**
 * Adds `share` for each of samples[from, to) to `grid` (grid index k at
 * k - K_MIN), split between the points either side of it so the mean is kept.
 * `range` holds the first and last place in `grid` a sample fell at or above
 * and the count of samples at or below zero (which add nothing there), and is
 * brought up to date.
 */
export function spreadSamples(samples: ArrayLike<number>, from: number, to: number, share: number, grid: Float64Array, range: Int32Array): void {
  const tables = gridInUse();
  const { points, invStep, kMin, kMax } = tables;
  let first = range[0]!;
  let last = range[1]!;
  let atZero = range[2]!;
  for (let i = from; i < to; i++) {
    const v = samples[i]!;
    if (!(v > 0)) {
      atZero++;
      continue;
    }
    const j = Math.min(kMax - 1, Math.max(kMin + 1, indexBelowOn(tables, v))) - kMin;
    if (j < first) first = j;
    if (j > last) last = j;
    const w = Math.min(1, Math.max(0, (v - points[j]!) * invStep[j]!));
    grid[j]! += share * (1 - w);
    grid[j + 1]! += share * w;
  }
  range[0] = first;
  range[1] = last;
  range[2] = atZero;
}
