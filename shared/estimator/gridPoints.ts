/**
 * The global logarithmic grid that every latency distribution lives on
 * (see grid.ts): point k sits at GRID_RATIO^k ms.
 */

/** Ratio between neighbouring grid points: 4% steps, read back to ~0.2% (second order). */
export const GRID_RATIO = 1.04;
export const LN_R = Math.log(GRID_RATIO);
/** Lowest and highest grid index: 1 ns to about 30 years, in ms. */
export const K_MIN = Math.floor(Math.log(1e-6) / LN_R);
export const K_MAX = Math.ceil(Math.log(1e12) / LN_R);

/** POINTS[k - K_MIN] is the value in ms of grid index k. */
export const POINTS = new Float64Array(K_MAX - K_MIN + 3);
for (let k = K_MIN; k <= K_MAX + 2; k++) POINTS[k - K_MIN] = Math.exp(k * LN_R);
/** INV_STEP[k - K_MIN] is 1 / (point k+1 - point k). */
export const INV_STEP = new Float64Array(POINTS.length - 1);
for (let i = 0; i < INV_STEP.length; i++) INV_STEP[i] = 1 / (POINTS[i + 1]! - POINTS[i]!);

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

// A first guess at a value's grid index from its binary exponent and the top bits of its
// mantissa, read through a table instead of Math.log (runs of sampled pools bin millions of
// values): log_R(2^e (1 + m)) = e log_R(2) + log_R(1 + m), with m known to within 2^-10, a
// fortieth of a grid step, so the guess is off by one at most and the check against the
// grid's points below makes it exact.
const MANTISSA_BITS = 10;
const LOG_R_2 = Math.LN2 / LN_R;
const LOG_R_MANTISSA = Float64Array.from({ length: 1 << MANTISSA_BITS }, (_, j) => Math.log1p(j / (1 << MANTISSA_BITS)) / LN_R);
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
bits[0] = 1;
/** Which of the two words holds the sign, exponent and top of the mantissa (the platform's byte order). */
const HIGH_WORD = words[1] === 0x3ff00000 ? 1 : 0;
/** Values within the grid: outside it, the guess comes from Math.log, as the callers clamp what they get. */
const GUESS_LOW_MS = at(K_MIN + 1);
const GUESS_HIGH_MS = at(K_MAX);

/** The grid index whose point is the largest at or below `ms` (ms > 0). */
export function indexBelow(ms: number): number {
  let k: number;
  if (ms >= GUESS_LOW_MS && ms <= GUESS_HIGH_MS) {
    bits[0] = ms;
    const high = words[HIGH_WORD]!;
    k = Math.floor(((high >>> 20) - 1023) * LOG_R_2 + LOG_R_MANTISSA[(high >>> (20 - MANTISSA_BITS)) & ((1 << MANTISSA_BITS) - 1)]!);
  } else k = Math.floor(Math.log(ms) / LN_R);
  if (at(k + 1) <= ms) k++;
  else if (at(k) > ms) k--;
  return k;
}

// Sums: a pair (x_i, y_j) with d = i - j >= 0 lands at index i + g(d),
// g(d) = log_R(1 + R^-d). Pairs are grouped by m = floor(g(d)); within a group
// every value falls between points i+m and i+m+1, so one group of pairs is
// one mean-preserving split, found with prefix sums.
const groups: { m: number; dLow: number; dHigh: number }[] = [];
for (let d = 0; ; d++) {
  const m = Math.floor(Math.log1p(Math.exp(-d * LN_R)) / LN_R);
  const last = groups[groups.length - 1];
  if (last && last.m === m) last.dHigh = d;
  else groups.push({ m, dLow: d, dHigh: d });
  if (m === 0) {
    groups[groups.length - 1]!.dHigh = 1 << 30;
    break;
  }
}
/** Landing offset of each group of pairs. */
export const SUM_M = Int32Array.from(groups, (g) => g.m);
/** Smallest index difference d of each group. */
export const SUM_D_LOW = Int32Array.from(groups, (g) => g.dLow);
/** Largest index difference d of each group. */
export const SUM_D_HIGH = Int32Array.from(groups, (g) => g.dHigh);
