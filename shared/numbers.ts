/**
 * Smallest and largest of many numbers. A loop, not Math.min(...values):
 * spreading 100,000 values into arguments overflows the call stack.
 */

/** The smallest value, or `empty` when there is none. */
export function lowest(values: Iterable<number>, empty = Infinity): number {
  let result = Infinity;
  let any = false;
  for (const value of values) {
    any = true;
    if (value < result) result = value;
  }
  return any ? result : empty;
}

/** The largest value, or `empty` when there is none. */
export function highest(values: Iterable<number>, empty = -Infinity): number {
  let result = -Infinity;
  let any = false;
  for (const value of values) {
    any = true;
    if (value > result) result = value;
  }
  return any ? result : empty;
}

/** Rounds a figure read off a distribution to 6 significant digits: the latency grid is not more precise than that. */
export function round6(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(6)) : value;
}
