/**
 * Samples onto the latency grid (see grid.ts, `Dist.fromSamples`): each
 * sample's share split between the grid points either side of it, so the
 * mean is kept. Many samples are first gathered by bucket (a bucket is the
 * values that share a binary exponent and the top bits of the mantissa) and
 * each bucket that lies between two grid points is split at once, by the
 * count and the sum of its samples: the split is linear in the value, so
 * this is the same split, found with a few operations per sample.
 */
import { Memo } from '../memo';
import { gridInUse, HIGH_WORD, indexBelowOn, type GridTables } from './gridPoints';

/** Samples spread by one call of a kernel: a call of its own per block, so a long run of samples is compiled early, not after it is mostly read. */
const BLOCK = 512;
/** From this many samples, they are gathered by bucket first (below, each one is split on its own). */
export const GATHER_FROM = 4096;
/** Mantissa bits in a bucket's key: 256 buckets per doubling, each 0.27% wide (a grid step is 4% or more). */
const BUCKET_BITS = 8;
const SHIFT = 20 - BUCKET_BITS;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/**
 * A grid's buckets: for each key from `base`, the grid place (index - K_MIN)
 * below all of its values, or -1 where a grid point falls inside it or it
 * lies at the grid's ends; each bucket's count and sum (at 2 key and 2 key + 1
 * of `tally`, side by side: one array to reach per sample), and the keys of
 * the buckets that hold any (`touched`, the first `used` of it), kept empty
 * between calls.
 */
interface Buckets {
  base: number;
  place: Int32Array;
  tally: Float64Array;
  touched: Int32Array;
  used: number;
}

const bucketsByStep = new Memo<number, Buckets>(4);

/** The bucket key of a positive value: its binary exponent and the top BUCKET_BITS of its mantissa. */
function keyOf(value: number): number {
  bits[0] = value;
  return words[HIGH_WORD]! >>> SHIFT;
}

/** The smallest value in the bucket of `key`. */
function bucketStart(key: number): number {
  words[HIGH_WORD] = key << SHIFT;
  words[1 - HIGH_WORD] = 0;
  return bits[0]!;
}

function bucketsFor(tables: Readonly<GridTables>): Buckets {
  const known = bucketsByStep.get(tables.step);
  if (known) return known;
  const base = keyOf(tables.guessLowMs);
  const size = keyOf(tables.guessHighMs) - base + 1;
  const place = new Int32Array(size);
  for (let key = 0; key < size; key++) {
    const start = bucketStart(base + key);
    const k = indexBelowOn(tables, start);
    const inside = k > tables.kMin && k < tables.kMax && tables.points[k + 1 - tables.kMin]! >= bucketStart(base + key + 1);
    place[key] = inside ? k - tables.kMin : -1;
  }
  const buckets = { base, place, tally: new Float64Array(2 * size), touched: new Int32Array(size), used: 0 };
  bucketsByStep.set(tables.step, buckets);
  return buckets;
}

/**
 * Adds `share` for each of samples[from, to) to `grid` (grid index k at
 * k - K_MIN), split between the points either side of it so the mean is kept.
 * `range` holds the first and last place in `grid` a sample fell at or above
 * and the count of samples at or below zero (which add nothing there), and is
 * brought up to date.
 */
export function spreadSamples(samples: ArrayLike<number>, from: number, to: number, share: number, grid: Float64Array, range: Int32Array): void {
  const tables = gridInUse();
  if (to - from < GATHER_FROM) {
    for (let start = from; start < to; start += BLOCK) spreadEach(samples, start, Math.min(to, start + BLOCK), share, grid, range, tables);
    return;
  }
  const buckets = bucketsFor(tables);
  for (let start = from; start < to; start += BLOCK) gather(samples, start, Math.min(to, start + BLOCK), share, grid, range, tables, buckets);
  splitBuckets(buckets, share, grid, range, tables);
}

/** Splits each sample on its own. */
function spreadEach(samples: ArrayLike<number>, from: number, to: number, share: number, grid: Float64Array, range: Int32Array, tables: Readonly<GridTables>): void {
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

/** Adds each sample to its bucket's count and sum, or splits it on its own where its bucket holds a grid point or is beyond the table. */
function gather(samples: ArrayLike<number>, from: number, to: number, share: number, grid: Float64Array, range: Int32Array, tables: Readonly<GridTables>, buckets: Buckets): void {
  const { base, place, tally, touched } = buckets;
  const size = place.length;
  const high32 = HIGH_WORD;
  const value = bits;
  const word = words;
  let used = buckets.used;
  for (let i = from; i < to; i++) {
    const v = samples[i]!;
    value[0] = v;
    const key = (word[high32]! >>> SHIFT) - base;
    if (v > 0 && key >= 0 && key < size && place[key]! >= 0) {
      if (tally[2 * key] === 0) touched[used++] = key;
      tally[2 * key]! += 1;
      tally[2 * key + 1]! += v;
    } else spreadEach(samples, i, i + 1, share, grid, range, tables);
  }
  buckets.used = used;
}

/** Splits each gathered bucket by its count and sum between the grid points either side of it, and empties it; `range` is brought up to date as it goes. */
function splitBuckets(buckets: Buckets, share: number, grid: Float64Array, range: Int32Array, tables: Readonly<GridTables>): void {
  const { points, invStep } = tables;
  const { place, tally, touched, used } = buckets;
  // Emptied before the loop: code after a long loop runs first once the loop is compiled, and would undo that.
  buckets.used = 0;
  for (let t = 0; t < used; t++) {
    const key = touched[t]!;
    const count = tally[2 * key]!;
    const j = place[key]!;
    // The sum over the bucket of each sample's share above point j.
    const w = (tally[2 * key + 1]! - count * points[j]!) * invStep[j]!;
    grid[j]! += share * (count - w);
    grid[j + 1]! += share * w;
    if (j < range[0]!) range[0] = j;
    if (j > range[1]!) range[1] = j;
    tally[2 * key] = 0;
    tally[2 * key + 1] = 0;
  }
}
