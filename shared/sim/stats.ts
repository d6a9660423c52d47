/**
 * Summaries of a run: quantiles of each entry's latency with 95% confidence
 * intervals by batch means (the measured requests, in arrival order, cut
 * into consecutive batches; the spread of the batches' figures gives the
 * standard error of the whole run's figure).
 */

/** A simulated figure and the half-width of its 95% confidence interval, both in ms. */
export interface Interval {
  value: number;
  halfWidth: number;
}

/** The quantile at share p of sorted values, interpolated between order statistics. */
export function sortedQuantile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = p * (n - 1);
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

/** Two-sided 95% quantile of Student's t with `df` degrees of freedom (Cornish-Fisher; within 0.1% for df >= 5). */
export function studentT975(df: number): number {
  const z = 1.959964;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df);
}

/** The figures read off each batch, and of all values together. */
export type Figure = (sorted: Float64Array) => number;

/**
 * Each figure of each of `batches` consecutive batches of `values` (in
 * arrival order), per figure; none when there are fewer values than batches.
 * Each batch is sorted once.
 */
export function batchFigures(values: Float64Array, batches: number, figures: readonly Figure[]): number[][] {
  const size = Math.floor(values.length / batches);
  const perBatch: number[][] = figures.map(() => []);
  if (size < 1) return perBatch;
  for (let b = 0; b < batches; b++) {
    const batch = values.slice(b * size, (b + 1) * size).sort();
    figures.forEach((figure, f) => perBatch[f]!.push(figure(batch)));
  }
  return perBatch;
}

/**
 * A figure of the whole run with its batch-means interval: the spread of
 * the same figure over the run's batches (each an independent-enough
 * estimate of it) gives its standard error; unbounded with fewer than two.
 */
export function batchInterval(value: number, batchValues: readonly number[]): Interval {
  const count = batchValues.length;
  if (count < 2) return { value, halfWidth: Number.POSITIVE_INFINITY };
  const mean = batchValues.reduce((a, x) => a + x, 0) / count;
  const variance = batchValues.reduce((a, x) => a + (x - mean) ** 2, 0) / (count - 1);
  return { value, halfWidth: studentT975(count - 1) * Math.sqrt(variance / count) };
}

/** Merges ascending lists into one ascending list. */
export function mergeSorted(lists: readonly Float64Array[]): Float64Array {
  if (lists.length === 1) return lists[0]!;
  let merged = new Float64Array(0);
  for (const list of lists) {
    const out = new Float64Array(merged.length + list.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < merged.length && j < list.length) out[k++] = merged[i]! <= list[j]! ? merged[i++]! : list[j++]!;
    while (i < merged.length) out[k++] = merged[i++]!;
    while (j < list.length) out[k++] = list[j++]!;
    merged = out;
  }
  return merged;
}

/** The mean of sorted values. */
export function sortedMean(sorted: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i]!;
  return sorted.length > 0 ? sum / sorted.length : Number.NaN;
}

/**
 * The k-th smallest of `values[lo..hi]` (k counted from the start of
 * `values`): what that range sorted would hold at k, found by selection
 * (Hoare's, median-of-three pivots) in linear time on average. Reorders the
 * range so that what is before k is no larger and what is after no smaller.
 */
export function selectKth(values: Float64Array, k: number, lo = 0, hi = values.length - 1): number {
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of the first, middle and last as the pivot: sorted data stays linear.
    if (values[mid]! < values[lo]!) swap(values, mid, lo);
    if (values[hi]! < values[lo]!) swap(values, hi, lo);
    if (values[hi]! < values[mid]!) swap(values, hi, mid);
    const pivot = values[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) swap(values, i++, j--);
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a]!;
  values[a] = values[b]!;
  values[b] = t;
}
