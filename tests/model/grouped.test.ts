import { describe, expect, it } from 'vitest';
import { groupedBy } from '../../shared/model/grouped';

describe('items grouped by a key', () => {
  it("lists each key's items in their own order and leaves out items with a negative key", () => {
    const keys = [2, 0, -1, 2, 1, 0, 2];
    const { starts, items } = groupedBy(keys.length, 4, (i) => keys[i]!);
    expect([...starts]).toEqual([0, 2, 3, 6, 6]);
    expect([...items]).toEqual([1, 5, 4, 0, 3, 6]);
  });

  it('gives empty groups for no items', () => {
    const { starts, items } = groupedBy(0, 3, () => 0);
    expect([...starts]).toEqual([0, 0, 0, 0]);
    expect(items.length).toBe(0);
  });
});
