import { describe, expect, it } from 'vitest';
import { kept, reserve, reservedIn, scratch, SLOT, whole } from '../../shared/estimator/scratch';

describe('work arrays', () => {
  it('come at the length asked, zeroed, however the slot was used before and however large', () => {
    for (const length of [1, 10, 700, 5_000, 100_000, 3]) {
      const view = scratch(SLOT.partial, length);
      expect(view.length).toBe(length);
      expect(view.every((v) => v === 0)).toBe(true);
      view.fill(7);
    }
  });

  it('come whole, at least the length asked, with that length zeroed and the same numbers as a view of it', () => {
    for (const length of [4, 900, 20_000, 6]) {
      const buffer = whole(SLOT.weight, length);
      expect(buffer.length).toBeGreaterThanOrEqual(length);
      expect(buffer.subarray(0, length).every((v) => v === 0)).toBe(true);
      buffer.fill(3);
      // Not zeroed when the caller writes first; a view of the same slot shows what was written.
      expect(whole(SLOT.weight, length, false)[length - 1]).toBe(3);
      expect(scratch(SLOT.weight, length, false)[0]).toBe(3);
    }
    expect(whole(SLOT.weight, 10)[10]).toBe(3);
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

  it('reserved as ranges of a block are zeroed, never overlap, and a large one has an array of its own', () => {
    const ranges = [3, 500, 511, 4096, 2, 9_000, 700, 700, 700, 1].map((length, i) => {
      const start = reserve(length);
      const store = reservedIn();
      expect(start + length).toBeLessThanOrEqual(store.length);
      if (length > 512) expect([start, store.length]).toEqual([0, length]);
      for (let j = 0; j < length; j++) expect(store[start + j]).toBe(0);
      store.fill(i + 1, start, start + length);
      return { store, start, length };
    });
    ranges.forEach(({ store, start, length }, i) => expect(store.subarray(start, start + length).every((v) => v === i + 1), `range ${i}`).toBe(true));
  });
});
