/**
 * The logarithmic grid that every latency distribution lives on (see
 * grid.ts): point k sits at GRID_RATIO^k ms. One grid is in use at a time:
 * the fine grid, or for very large designs a coarser one (`withGridStep`,
 * docs/estimator.md "Precision on very large designs"). The bindings below
 * are live: they change when the grid does.
 */

import { Memo } from '../memo';

/** Ratio between neighbouring points of the fine grid: 4% steps, read back to ~0.2% (second order). */
export const FINE_RATIO = 1.04;

/** Everything worked out from one grid's ratio. */
export interface GridTables {
  step: number;
  ratio: number;
  lnR: number;
  kMin: number;
  kMax: number;
  points: Float64Array;
  invStep: Float64Array;
  logR2: number;
  logRMantissa: Float64Array;
  /** Values within the grid: outside it, indexBelow guesses from Math.log, as the callers clamp what they get. */
  guessLowMs: number;
  guessHighMs: number;
  sumM: Int32Array;
  sumDLow: Int32Array;
  sumDHigh: Int32Array;
}

// A first guess at a value's grid index from its binary exponent and the top bits of its
// mantissa, read through a table instead of Math.log (runs of sampled pools bin millions of
// values): log_R(2^e (1 + m)) = e log_R(2) + log_R(1 + m), with m known to within 2^-10, a
// fortieth of a fine grid step, so the guess is off by one at most and the check against the
// grid's points below makes it exact.
const MANTISSA_BITS = 10;

function tablesFor(step: number): GridTables {
  const ratio = Math.pow(FINE_RATIO, step);
  const lnR = Math.log(ratio);
  // Lowest and highest grid index: 1 ns to about 30 years, in ms.
  const kMin = Math.floor(Math.log(1e-6) / lnR);
  const kMax = Math.ceil(Math.log(1e12) / lnR);
  const points = new Float64Array(kMax - kMin + 3);
  for (let k = kMin; k <= kMax + 2; k++) points[k - kMin] = Math.exp(k * lnR);
  const invStep = new Float64Array(points.length - 1);
  for (let i = 0; i < invStep.length; i++) invStep[i] = 1 / (points[i + 1]! - points[i]!);
  // Sums: a pair (x_i, y_j) with d = i - j >= 0 lands at index i + g(d),
  // g(d) = log_R(1 + R^-d). Pairs are grouped by m = floor(g(d)); within a group
  // every value falls between points i+m and i+m+1, so one group of pairs is
  // one mean-preserving split, found with prefix sums.
  const groups: { m: number; dLow: number; dHigh: number }[] = [];
  for (let d = 0; ; d++) {
    const m = Math.floor(Math.log1p(Math.exp(-d * lnR)) / lnR);
    const last = groups[groups.length - 1];
    if (last && last.m === m) last.dHigh = d;
    else groups.push({ m, dLow: d, dHigh: d });
    if (m === 0) {
      groups[groups.length - 1]!.dHigh = 1 << 30;
      break;
    }
  }
  return {
    step, ratio, lnR, kMin, kMax, points, invStep,
    logR2: Math.LN2 / lnR,
    logRMantissa: Float64Array.from({ length: 1 << MANTISSA_BITS }, (_, j) => Math.log1p(j / (1 << MANTISSA_BITS)) / lnR),
    guessLowMs: points[1]!,
    guessHighMs: points[kMax - kMin]!,
    sumM: Int32Array.from(groups, (g) => g.m),
    sumDLow: Int32Array.from(groups, (g) => g.dLow),
    sumDHigh: Int32Array.from(groups, (g) => g.dHigh),
  };
}

/** How many fine steps one step of the grid in use spans (1: the fine grid). */
export let GRID_STEP = 1;
/** Ratio between neighbouring points of the grid in use. */
export let GRID_RATIO = FINE_RATIO;
export let LN_R = 0;
/** Lowest and highest grid index: 1 ns to about 30 years, in ms. */
export let K_MIN = 0;
export let K_MAX = 0;
/** POINTS[k - K_MIN] is the value in ms of grid index k. */
export let POINTS: Float64Array = new Float64Array(0);
/** INV_STEP[k - K_MIN] is 1 / (point k+1 - point k). */
export let INV_STEP: Float64Array = new Float64Array(0);
/** Landing offset of each group of pairs in a sum. */
export let SUM_M: Int32Array = new Int32Array(0);
/** Smallest index difference d of each group. */
export let SUM_D_LOW: Int32Array = new Int32Array(0);
/** Largest index difference d of each group. */
export let SUM_D_HIGH: Int32Array = new Int32Array(0);

/** Each grid's tables, worked out on first use (kept by their step). */
const built = new Memo<number, GridTables>(4);
/** The tables of the grid in use. */
let current: GridTables;

function install(t: GridTables): void {
  current = t;
  GRID_STEP = t.step;
  GRID_RATIO = t.ratio;
  LN_R = t.lnR;
  K_MIN = t.kMin;
  K_MAX = t.kMax;
  POINTS = t.points;
  INV_STEP = t.invStep;
  SUM_M = t.sumM;
  SUM_D_LOW = t.sumDLow;
  SUM_D_HIGH = t.sumDHigh;
}
install(tablesFor(1));

/**
 * Runs `work` on a grid whose steps span `step` fine steps (a whole number,
 * 1 for the fine grid), then puts the grid in use before back. Distributions
 * made inside must not be read outside: their indices mean other points.
 */
export function withGridStep<T>(step: number, work: () => T): T {
  const before = current;
  // Stryker disable next-line ConditionalExpression: saves installing the grid in use again, which changes nothing
  if (step === before.step) return work();
  let tables = built.get(step);
  // Stryker disable next-line ConditionalExpression: working the tables out again gives the same tables
  if (!tables) built.set(step, (tables = tablesFor(step)));
  install(tables);
  try {
    return work();
  } finally {
    install(before);
  }
}

/** The tables of the grid in use, for a kernel to read into locals once rather than the live bindings above at every step. */
export function gridInUse(): Readonly<GridTables> {
  return current;
}

/** Value in ms of grid index k. */
export function at(k: number): number {
  return POINTS[k - K_MIN]!;
}

/** Midpoint in ms between grid points k and k+1: where the CDF reads the cumulative mass through k. */
export function midAbove(k: number): number {
  return (POINTS[k - K_MIN]! + POINTS[k + 1 - K_MIN]!) / 2;
}

/** Keeps an index inside the grid. */
export function clampIndex(k: number): number {
  return Math.min(K_MAX - 1, Math.max(K_MIN + 1, k));
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
bits[0] = 1;
/** Which of the two words holds the sign, exponent and top of the mantissa (the platform's byte order). */
export const HIGH_WORD = words[1] === 0x3ff00000 ? 1 : 0;

/** The grid index whose point is the largest at or below `ms` (ms > 0). */
export function indexBelow(ms: number): number {
  return indexBelowOn(current, ms);
}

/** The same on a grid's tables that a kernel read once (`gridInUse`). */
export function indexBelowOn(grid: Readonly<GridTables>, ms: number): number {
  let k: number;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: outside the grid either guess serves, as the callers clamp the index
  if (ms >= grid.guessLowMs && ms <= grid.guessHighMs) {
    bits[0] = ms;
    const high = words[HIGH_WORD]!;
    k = Math.floor(((high >>> 20) - 1023) * grid.logR2 + grid.logRMantissa[(high >>> (20 - MANTISSA_BITS)) & ((1 << MANTISSA_BITS) - 1)]!);
  } else k = Math.floor(Math.log(ms) / grid.lnR);
  const points = grid.points;
  if (points[k + 1 - grid.kMin]! <= ms) k++;
  else if (points[k - grid.kMin]! > ms) k--;
  return k;
}
