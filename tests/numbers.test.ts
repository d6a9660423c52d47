import { describe, expect, it } from 'vitest';
import { groupThousands } from '../shared/numbers';

describe('whole numbers with their thousands grouped', () => {
  it('write what toLocaleString("en-US") writes, from 0 to billions and below zero', () => {
    for (const n of [0, 7, 42, 999, 1000, 12_345, 100_000, 999_999, 1_000_000, 1_234_567_890, -1, -1000, -98_765]) {
      expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
    }
  });

  it('round to a whole number first', () => {
    expect(groupThousands(1999.6)).toBe('2,000');
    expect(groupThousands(-0.2)).toBe('0');
  });
});
