import { describe, expect, it } from 'vitest';
import { selectKth } from '../../shared/sim/stats';
import { SimRandom } from '../../shared/sim/random';

describe('selectKth', () => {
  const random = new SimRandom(9);
  const cases: [string, Float64Array][] = [
    ['log-normal times', Float64Array.from({ length: 1024 }, () => random.logNormal(5, 0.6))],
    ['few distinct values', Float64Array.from({ length: 1024 }, () => Math.floor(random.uniform() * 4))],
    ['ascending', Float64Array.from({ length: 300 }, (_, i) => i)],
    ['descending', Float64Array.from({ length: 300 }, (_, i) => -i)],
    ['one value', Float64Array.of(7)],
  ];

  it.each(cases)('finds what sorting puts at each position: %s', (_, values) => {
    const sorted = Float64Array.from(values).sort();
    for (const k of [0, 1, Math.floor(values.length / 2), Math.floor(values.length * 0.95), values.length - 1]) {
      if (k >= values.length) continue;
      expect(selectKth(Float64Array.from(values), k)).toBe(sorted[k]);
    }
  });
});

describe('selectKth within a range', () => {
  it('selects inside the range only, and leaves what is before k no larger and what is after no smaller', () => {
    const random = new SimRandom(2);
    const values = Float64Array.from({ length: 200 }, () => random.uniform());
    const outside = [values[0]!, values[199]!];
    const inRange = Float64Array.from(values.subarray(1, 199)).sort();
    expect(selectKth(values, 60, 1, 198)).toBe(inRange[59]);
    expect([values[0], values[199]]).toEqual(outside);
    for (let i = 1; i < 60; i++) expect(values[i]!).toBeLessThanOrEqual(values[60]!);
    for (let i = 61; i < 199; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[60]!);
  });
});
