import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../shared/estimator/normal';
import { NormalStream } from '../../shared/sim/normals';
import { SimRandom } from '../../shared/sim/random';

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

  it('draw the same stream from a seed above 2^31 as from the signed value it wraps to (the pools\' seeds are), as first drawn', () => {
    const first = [0.03751508810505217, -0.0614616770117541, 0.07914453647167217, 0.9481635540494596, 1.6847487023451198];
    const high = new Float64Array(5);
    new NormalStream(20_261 + 2 ** 31).fill(high);
    expect(Array.from(high)).toEqual(first);
    const wrapped = new Float64Array(5);
    new NormalStream(20_261 - 2 ** 31).fill(wrapped);
    expect(Array.from(wrapped)).toEqual(first);
    const random = new SimRandom(2 ** 32 - 3);
    expect([random.uniform(), random.uniform()]).toEqual([0.5127934609772637, 0.4652466349070892]);
  });

  it('fall into 64 bins of equal normal probability evenly (chi-square with 63 degrees of freedom under 120: tables from a layer area 1% off give 154)', () => {
    const bins = new Float64Array(64);
    for (let i = 0; i < z.length; i++) bins[Math.min(63, Math.floor(normalCdf(z[i]!) * 64))]! += 1;
    const expected = z.length / 64;
    const chiSquare = bins.reduce((a, n) => a + (n - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(120);
  });

  it('reach beyond the last layer (3.4426) as often as a normal does, and spread there as its tail does', () => {
    const r = 3.442619855899;
    let beyond = 0;
    let beyondFour = 0;
    for (let i = 0; i < z.length; i++) {
      if (Math.abs(z[i]!) > r) beyond++;
      if (Math.abs(z[i]!) > 4) beyondFour++;
    }
    const tail = 2 * (1 - normalCdf(r));
    expect(Math.abs(beyond - z.length * tail)).toBeLessThan(4.5 * Math.sqrt(z.length * tail));
    // Given the tail, beyond 4 with probability (1 - Phi(4)) / (1 - Phi(r)), about 0.11.
    const share = (1 - normalCdf(4)) / (1 - normalCdf(r));
    expect(Math.abs(beyondFour - beyond * share)).toBeLessThan(4.5 * Math.sqrt(beyond * share * (1 - share)));
  });

  it('come one at a time in the order blocks of them are filled, and give log-normals of the median times e^(sigma z)', () => {
    const one = new NormalStream(5);
    expect(Float64Array.from({ length: 3000 }, () => one.normal())).toEqual(z.subarray(0, 3000));
    const logs = new NormalStream(5);
    expect(logs.logNormal(2, 0.5)).toBe(2 * Math.exp(0.5 * z[0]!));
    expect(logs.logNormal(3, 0)).toBe(3);
    expect(logs.logNormal(2, 0.5)).toBe(2 * Math.exp(0.5 * z[1]!));
  });

  it('fill blocks of log-normals, the median times e^(sigma z) of the same normals in turn, slow draws (beyond the layers) included', () => {
    const stream = new NormalStream(5);
    const out = new Float64Array(3000);
    for (let i = 0; i < out.length; i += 14) stream.fillLogNormal(out.subarray(i), Math.min(14, out.length - i), 2.5, 0.8);
    expect(Array.from(out)).toEqual(Array.from(z.subarray(0, 3000), (x) => 2.5 * Math.exp(0.8 * x)));
    expect(z.subarray(0, 3000).some((x) => Math.abs(x) > 3.442619855899)).toBe(true);
  });
});
