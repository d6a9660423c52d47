/**
 * Work arrays that the grid's kernels (grid.ts, weights.ts) reuse from one call
 * to the next. A large estimate runs them hundreds of thousands of times; a
 * fresh typed array for every intermediate result made the garbage collector a
 * tenth of the work. Each slot belongs to one step of one kernel, and no kernel
 * calls another that uses the same slot while it holds it. Results a caller
 * keeps are always copied out (Dist.fromMasses copies its input into reserved doubles).
 */

/** The slots: who owns which work array. */
export const SLOT = {
  /** Masses on their way into Dist.fromMasses. */
  masses: 0,
  /** Prefix sums of one distribution's masses and of mass times value (sums, gridSums.ts). */
  prefixMass: 1,
  prefixValue: 2,
  /** A weight's values, slopes and the grid's points read once over a range, and what a correlation works out from them (weights.ts). */
  weight: 3,
  /** A log-normal's CDF and size-biased CDF at the grid points. */
  cdf: 4,
  partial: 5,
  /** Each branch of a stage's P(X < point) and P(X = point), row by row (the p99 breakdown). */
  below: 6,
  level: 7,
  /** A distribution on its way into another kernel, never kept (a log-normal into its queue's wait). */
  passing: 8,
} as const;

const buffers: Float64Array[] = [];

/** A work array of `length` from a slot, zeroed unless `zeroed` is false (the caller writes every element first). */
export function scratch(slot: number, length: number, zeroed = true): Float64Array {
  return whole(slot, length, zeroed).subarray(0, length);
}

/**
 * The same work array without cutting a view of `length` from it: at least
 * that long, only the first `length` zeroed, for a kernel that reads and
 * writes no further (a view is an allocation of its own, and the kernels
 * take hundreds of thousands of them).
 */
export function whole(slot: number, length: number, zeroed = true): Float64Array {
  let buffer = buffers[slot];
  if (buffer === undefined || buffer.length < length) {
    buffer = new Float64Array(Math.max(length, 2 * (buffer?.length ?? 512)));
    buffers[slot] = buffer;
  }
  if (zeroed) buffer.fill(0, 0, length);
  return buffer;
}

/** Doubles per block that kept arrays are cut from: 32 KB, small enough to come from the allocator's free lists, not fresh pages. */
const BLOCK = 1 << 12;
let block = new Float64Array(BLOCK);
let used = 0;
/** The array that the last reserve() reserved its doubles in. */
let reservedBlock = block;

/**
 * Reserves `length` zeroed doubles that a result keeps (a distribution's
 * masses, a weight's values) and returns where they start in reservedIn():
 * a range of a shared block instead of an array of its own, which for the
 * many small arrays of an estimate costs the allocator and the garbage
 * collector far more than the numbers in them. A block is freed when nothing
 * that holds a range of it is left.
 */
export function reserve(length: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an array of its own holds the same zeroed doubles; the block only saves allocations
  if (length > BLOCK / 8) {
    reservedBlock = new Float64Array(length);
    return 0;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a fresh block holds the same zeroed doubles; filling the block only saves allocations
  if (used + length > BLOCK) {
    block = new Float64Array(BLOCK);
    used = 0;
  }
  reservedBlock = block;
  const start = used;
  used += length;
  return start;
}

/** The array that the last reserve() reserved its doubles in. */
export function reservedIn(): Float64Array {
  return reservedBlock;
}

/** A zeroed array of `length` that a result keeps: the doubles reserve() reserves, as a view of their own. */
export function kept(length: number): Float64Array {
  const start = reserve(length);
  // subarray makes the same view as the constructor over block.buffer, in about half the time.
  return reservedBlock.subarray(start, start + length);
}
