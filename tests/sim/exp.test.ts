import { describe, expect, it } from 'vitest';
import { exp } from '../../shared/sim/exp';
import { SimRandom } from '../../shared/sim/random';

describe('e^x for the log-normal service times', () => {
  it('is the same double as Math.exp over the range service draws reach and beyond (each branch of the algorithm)', () => {
    const random = new SimRandom(7);
    // Widths: tiny |x| (1 + x), within ln 2 / 2, up to 3 ln 2 / 2, and the wide range split by k ln 2.
    for (const width of [1e-8, 0.6, 2, 20, 1400]) {
      for (let i = 0; i < 200_000; i++) {
        const x = (random.uniform() - 0.5) * width;
        if (exp(x) !== Math.exp(x)) expect([x, exp(x)]).toEqual([x, Math.exp(x)]);
      }
    }
  });

  it('is the same double as Math.exp where its branches part (each threshold, the doubles either side, both signs)', () => {
    const bits = new Float64Array(1);
    const words = new Uint32Array(bits.buffer);
    const high = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
    for (const word of [0x3fd62e43, 0x3ff0a2b2, 0x3e300000]) {
      words[high] = word;
      words[1 - high] = 0;
      const at = bits[0]!;
      for (const x of [at, at * (1 + 2 ** -52), at * (1 - 2 ** -53), 700, 700 * (1 - 2 ** -53)]) {
        expect(exp(x)).toBe(Math.exp(x));
        expect(exp(-x)).toBe(Math.exp(-x));
      }
    }
  });

  it('gives known values, and Math.exp\'s at the edges', () => {
    expect(exp(0)).toBe(1);
    expect(exp(1)).toBe(Math.E);
    expect(exp(-1)).toBe(1 / Math.E);
    expect(exp(Math.LN2)).toBe(2);
    expect(exp(10 * Math.LN2)).toBeCloseTo(1024, 10);
    expect(exp(0.5)).toBeCloseTo(1.6487212707001282, 15);
    for (const x of [699.9, -699.9, 700, -700, 709.7, 710, -745, -746, Infinity, -Infinity, NaN, -0]) expect(Object.is(exp(x), Math.exp(x))).toBe(true);
  });
});
