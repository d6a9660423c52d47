import { describe, expect, it } from 'vitest';
import { Memo, clearMemos } from '../shared/memo';

describe('stores of results', () => {
  it('keep at most their limit, dropping the oldest first', () => {
    const memo = new Memo<string, number>(2);
    memo.set('a', 1);
    memo.set('b', 2);
    memo.set('a', 10); // a key already held is replaced, nothing dropped
    expect([memo.get('a'), memo.get('b'), memo.size]).toEqual([10, 2, 2]);
    memo.set('c', 3);
    expect([memo.get('a'), memo.get('b'), memo.get('c'), memo.size]).toEqual([undefined, 2, 3, 2]);
  });

  it('are all emptied at once', () => {
    const first = new Memo<number, string>(4);
    const second = new Memo<number, string>(4);
    first.set(1, 'one');
    second.set(2, 'two');
    clearMemos();
    expect([first.get(1), second.get(2), first.size, second.size]).toEqual([undefined, undefined, 0, 0]);
  });
});
