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

/** Powers of ten that are exact as doubles: POWERS_OF_TEN[i] = 10^i. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** Rounds a figure read off a distribution to 6 significant digits: the latency grid is not more precise than that. */
export function round6(value: number): number {
  // The number toPrecision(6) writes, worked out by arithmetic (a large estimate rounds a million
  // figures): scaled to six digits before the point by one exact power of ten, the scaled value is
  // within 1e-10 of the exact one, so away from a tie its rounding is the same, and dividing the
  // rounded digits by the power again lands on the double nearest the decimal, as reading it would.
  const magnitude = Math.abs(value);
  const digitsToScale = 5 - Math.floor(Math.log10(magnitude));
  if (digitsToScale >= -22 && digitsToScale <= 22) {
    const power = POWERS_OF_TEN[Math.abs(digitsToScale)]!;
    const scaled = digitsToScale >= 0 ? magnitude * power : magnitude / power;
    const whole = Math.floor(scaled);
    const fraction = scaled - whole;
    if (scaled >= 1e5 && scaled < 1e6 && Math.abs(fraction - 0.5) > 1e-6) {
      const digits = fraction > 0.5 ? whole + 1 : whole;
      const rounded = digitsToScale >= 0 ? digits / power : digits * power;
      return value < 0 ? -rounded : rounded;
    }
  }
  return Number.isFinite(value) ? Number(value.toPrecision(6)) : value;
}

/**
 * A whole number with its thousands grouped by commas (12,345), as
 * toLocaleString('en-US') writes it, without the cost of loading the locale's
 * data on first use (tens of ms in a short command).
 */
export function groupThousands(value: number): string {
  const digits = String(Math.round(Math.abs(value)));
  let out = '';
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return value < 0 && out !== '0' ? `-${out}` : out;
}
