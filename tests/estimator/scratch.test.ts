import { describe, expect, it } from 'vitest';
import { kept, scratch, SLOT } from '../../shared/estimator/scratch';

describe('work arrays', () => {
  it('come at the length asked, zeroed, however the slot was used before and however large', () => {
    for (const length of [1, 10, 700, 5_000, 100_000, 3]) {
      const view = scratch(SLOT.partial, length);
      expect(view.length).toBe(length);
      expect(view.every((v) => v === 0)).toBe(true);
      view.fill(7);
    }
  });

  it('that a result keeps never share their numbers, small or large, across blocks', () => {
    const arrays = [3, 500, 511, 512, 513, 1, 4096, 200, 9_000, 7, 300, 300, 300].map((length, i) => {
      const array = kept(length);
      expect(array.length).toBe(length);
      expect(array.every((v) => v === 0)).toBe(true);
      array.fill(i + 1);
      return array;
    });
    arrays.forEach((array, i) => expect(array.every((v) => v === i + 1), `array ${i}`).toBe(true));
  });
});
