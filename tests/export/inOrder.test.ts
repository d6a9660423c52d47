import { describe, expect, it } from 'vitest';
import { InOrder } from '../../shared/export/inOrder';

const items = [{ id: 'a', n: 1 }, { id: 'b', n: 2 }, { id: 'c', n: 3 }];

describe('items looked up in their list order', () => {
  it('finds each item at its own place, or anywhere else when asked out of order', () => {
    const byId = new InOrder(items);
    expect(byId.get('a', 0)?.n).toBe(1);
    expect(byId.get('c', 0)?.n).toBe(3);
    expect(byId.get('b', 7)?.n).toBe(2);
    expect(byId.get('b', 1)?.n).toBe(2);
  });

  it('finds nothing for an id the list does not hold', () => {
    expect(new InOrder(items).get('d', 0)).toBeUndefined();
    expect(new InOrder([]).get('a', 0)).toBeUndefined();
  });
});
