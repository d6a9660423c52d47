import { describe, expect, it } from 'vitest';
import { Dist } from '../../shared/estimator/grid';
import { gridInUse, withGridStep } from '../../shared/estimator/gridPoints';
import { GATHER_FROM, spreadSamples } from '../../shared/estimator/samples';
import { SimRandom } from '../../shared/sim/random';

/** The masses of samples spread one by one (runs shorter than GATHER_FROM), on the whole grid. */
function oneByOne(samples: Float64Array): { masses: Float64Array; range: Int32Array } {
  const masses = new Float64Array(gridInUse().points.length);
  const range = Int32Array.of(masses.length, -1, 0);
  for (let from = 0; from < samples.length; from += GATHER_FROM - 1) spreadSamples(samples, from, Math.min(samples.length, from + GATHER_FROM - 1), 1 / samples.length, masses, range);
  return { masses, range };
}

describe('samples gathered by bucket before they are spread', () => {
  it.each([1, 2])('spread as each one on its own would be (grid step %i), zeros and values beyond the grid included', (step) => {
    withGridStep(step, () => {
      const random = new SimRandom(11);
      const samples = Float64Array.from({ length: 3 * GATHER_FROM }, (_, i) => (i % 50 === 0 ? 0 : i % 97 === 0 ? 1e15 : random.logNormal(4, 1.5)));
      const masses = new Float64Array(gridInUse().points.length);
      const range = Int32Array.of(masses.length, -1, 0);
      spreadSamples(samples, 0, samples.length, 1 / samples.length, masses, range);
      const each = oneByOne(samples);
      expect(Array.from(range)).toEqual(Array.from(each.range));
      for (let i = 0; i < masses.length; i++) expect(Math.abs(masses[i]! - each.masses[i]!)).toBeLessThan(1e-14);
      // And again: the buckets are left empty after each call.
      const again = new Float64Array(masses.length);
      spreadSamples(samples, 0, samples.length, 1 / samples.length, again, Int32Array.of(masses.length, -1, 0));
      expect(Array.from(again)).toEqual(Array.from(masses));
      expect(Dist.fromSamples(samples).zero).toBeCloseTo(Math.ceil(samples.length / 50) / samples.length, 12);
    });
  });

  it('keeps the range of grid places the samples reached, with none beyond the grid', () => {
    const random = new SimRandom(3);
    const samples = Float64Array.from({ length: 2 * GATHER_FROM }, () => random.logNormal(2, 0.5));
    const masses = new Float64Array(gridInUse().points.length);
    const range = Int32Array.of(masses.length, -1, 0);
    spreadSamples(samples, 0, samples.length, 1 / samples.length, masses, range);
    expect(Array.from(range)).toEqual(Array.from(oneByOne(samples).range));
    expect(masses[range[1]! + 1]).toBeGreaterThan(0);
    expect(masses[range[1]! + 2]).toBe(0);
    expect(masses[range[0]!]).toBeGreaterThan(0);
    expect(masses[range[0]! - 1]).toBe(0);
  });
});
