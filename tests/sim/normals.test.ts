import { describe, expect, it } from 'vitest';
import { NormalStream } from '../../shared/sim/normals';

/** Standard normal CDF values (tables): Phi(z). */
const PHI: [number, number][] = [
  [-3.7190, 0.0001],
  [-3.0902, 0.001],
  [-2.3263, 0.01],
  [-1, 0.158655],
  [0, 0.5],
  [0.5, 0.691462],
  [1.8102, 0.964867],
  [2.3263, 0.99],
  [3.0902, 0.999],
  [3.4426, 0.999712],
];

function draws(seed: number, count: number): Float64Array {
  const stream = new NormalStream(seed);
  const out = new Float64Array(count);
  const block = new Float64Array(1000);
  for (let i = 0; i < count; i += block.length) {
    stream.fill(block);
    out.set(block, i);
  }
  return out;
}

describe('the service times\' normals', () => {
  const z = draws(5, 2_000_000);

  it.each(PHI)('fall below %s as often as a standard normal does (%s), within 4.5 standard errors', (at, phi) => {
    let below = 0;
    for (let i = 0; i < z.length; i++) if (z[i]! < at) below++;
    const standardError = Math.sqrt((phi * (1 - phi)) / z.length);
    expect(Math.abs(below / z.length - phi)).toBeLessThan(4.5 * standardError);
  });

  it('have mean 0 and variance 1, and the same seed gives the same draws', () => {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < z.length; i++) {
      sum += z[i]!;
      squares += z[i]! * z[i]!;
    }
    expect(Math.abs(sum / z.length)).toBeLessThan(0.004);
    expect(Math.abs(squares / z.length - 1)).toBeLessThan(0.005);
    expect(draws(5, 3000)).toEqual(z.subarray(0, 3000));
    expect(draws(6, 3000)).not.toEqual(z.subarray(0, 3000));
  });
});
