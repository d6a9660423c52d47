import { describe, expect, it } from 'vitest';
import { CellTable } from '../../shared/layout/cellTable';

describe('CellTable', () => {
  it('gives back each value under its key, and nothing for a key never added, as a Map does', () => {
    const table = new CellTable<string>();
    const map = new Map<number, string>();
    // Neighbouring cells' numbers, far ones, 0 and the largest cell number: many more than the first slots hold.
    const keys = [0, 1, 2, 2 ** 30 - 1, 65_536, 65_537, 32_767 * 32_768];
    for (let i = 0; i < 3_000; i++) keys.push(((i * 7919) % 32_768) * 32_768 + (i % 97));
    for (const key of keys) {
      if (map.has(key)) continue;
      map.set(key, `v${key}`);
      table.add(key, `v${key}`);
    }
    for (const [key, value] of map) expect(table.get(key)).toBe(value);
    for (const key of [3, 5, 2 ** 30 - 2, 65_538, 123_456_789]) expect(table.get(key)).toBeUndefined();
  });

  it('keeps the value object itself, so a list added can grow in place', () => {
    const table = new CellTable<number[]>();
    const list = [1];
    table.add(42, list);
    table.get(42)!.push(2);
    expect(table.get(42)).toBe(list);
    expect(list).toEqual([1, 2]);
  });
});
