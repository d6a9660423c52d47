import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, indexBelow, K_MAX, K_MIN, LN_R } from '../../shared/estimator/gridPoints';
import { round6 } from '../../shared/numbers';

/** The grid index whose point is the largest at or below `ms`, by its definition. */
function largestPointAtOrBelow(ms: number): number {
  let k = Math.floor(Math.log(ms) / LN_R);
  while (at(k + 1) <= ms) k++;
  while (at(k) > ms) k--;
  return k;
}

/** The doubles just below and above a value. */
function neighbours(value: number): number[] {
  const bits = new Float64Array([value]);
  const words = new BigUint64Array(bits.buffer);
  const below = new Float64Array(new BigUint64Array([words[0]! - 1n]).buffer)[0]!;
  const above = new Float64Array(new BigUint64Array([words[0]! + 1n]).buffer)[0]!;
  return [below, value, above];
}

describe('grid index of a value', () => {
  it('is the largest grid point at or below it, at every point of the grid and on either side of it', () => {
    for (let k = K_MIN + 1; k < K_MAX; k++) {
      for (const ms of neighbours(at(k))) expect(indexBelow(ms)).toBe(largestPointAtOrBelow(ms));
    }
  });

  it('is the largest grid point at or below any latency from a nanosecond to decades', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e12, noNaN: true }), (ms) => indexBelow(ms) === largestPointAtOrBelow(ms)),
      { numRuns: 20_000 },
    );
  });

  it('places values off the grid where the logarithm does', () => {
    for (const ms of [1e-9, 5e-7, 1e13, 1e300]) expect(indexBelow(ms)).toBe(largestPointAtOrBelow(ms));
  });
});

describe('figures rounded to 6 significant digits', () => {
  const written = (value: number) => (Number.isFinite(value) ? Number(value.toPrecision(6)) : value);

  it('are the numbers toPrecision(6) writes, over the whole range of doubles', () => {
    fc.assert(fc.property(fc.double(), (value) => Object.is(round6(value), written(value))), { numRuns: 50_000 });
  });

  it('round halves as toPrecision does, and keep -0, infinities and NaN as it does', () => {
    const halves = [123456.5, 0.1234565, 1234565, 999999.5, 99999.95, 2.5e-10, 1.0000005];
    for (const value of [...halves, ...halves.map((v) => -v), 0, -0, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, Infinity, -Infinity, NaN]) {
      expect(Object.is(round6(value), written(value))).toBe(true);
    }
    expect(round6(1234565)).toBe(1234570);
    expect(round6(0.1 + 0.2)).toBe(0.3);
  });

  it('are the numbers toPrecision(6) writes for six-digit figures and their ties at every scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: 999_999 }), fc.integer({ min: -20, max: 20 }), fc.boolean(), (digits, exponent, tie) => {
        const value = Number(`${digits}${tie ? '5' : ''}e${exponent}`);
        return Object.is(round6(value), written(value));
      }),
      { numRuns: 20_000 },
    );
  });
});
