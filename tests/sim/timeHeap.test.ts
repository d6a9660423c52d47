import { describe, expect, it } from 'vitest';
import { TimeHeap } from '../../shared/sim/heap';
import { SimRandom } from '../../shared/sim/random';

/**
 * The binary heap the simulator's figures were first made with, written
 * plainly: its order among events due at the same time decides which one the
 * simulator handles first, and so which random draws each one takes. A seed
 * gives the same figures from one version to the next only while ties pop in
 * this order.
 */
class PlainHeap {
  readonly times: number[] = [];
  readonly ids: number[] = [];

  push(time: number, id: number): void {
    let i = this.times.length;
    this.times.push(time);
    this.ids.push(id);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.times[parent]! <= time) break;
      this.times[i] = this.times[parent]!;
      this.ids[i] = this.ids[parent]!;
      i = parent;
    }
    this.times[i] = time;
    this.ids[i] = id;
  }

  pop(): number {
    const top = this.ids[0]!;
    const time = this.times.pop()!;
    const id = this.ids.pop()!;
    const n = this.times.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.times[child + 1]! < this.times[child]!) child++;
      if (this.times[child]! >= time) break;
      this.times[i] = this.times[child]!;
      this.ids[i] = this.ids[child]!;
      i = child;
    }
    this.times[i] = time;
    this.ids[i] = id;
    return top;
  }
}

describe("the simulator's heap of pending events", () => {
  it('pops the earliest time first, and events due at the same time in the order it always has', () => {
    const random = new SimRandom(5);
    const heap = new TimeHeap();
    const plain = new PlainHeap();
    const popped: number[] = [];
    const expected: number[] = [];
    const times: number[] = [];
    const expectedTimes: number[] = [];
    const sizes: number[] = [];
    const expectedSizes: number[] = [];
    let now = 0;
    let next = 0;
    // Grows past its first 1,024 places and shrinks again; times on a coarse grid tie often.
    for (let step = 0; step < 20_000; step++) {
      const growing = step < 12_000;
      if (plain.times.length === 0 || random.uniform() < (growing ? 0.7 : 0.3)) {
        const time = now + Math.floor(random.uniform() * 8) / 4;
        heap.push(time, next);
        plain.push(time, next++);
      } else {
        now = heap.topTime;
        times.push(now);
        expectedTimes.push(plain.times[0]!);
        popped.push(heap.pop());
        expected.push(plain.pop());
      }
      sizes.push(heap.size);
      expectedSizes.push(plain.times.length);
    }
    expect(popped).toEqual(expected);
    expect(sizes).toEqual(expectedSizes);
    expect(times).toEqual(expectedTimes);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBeLessThan(times.length / 2);
  });

  it('pops every event once when one is pushed earlier than those left, as the last two are taken', () => {
    // After these steps a popped event's time (20) is still in the slot past the heap's end, below the last
    // event's (30): the heap must not read that slot, or it would hand out 20's event a second time.
    const heap = new TimeHeap();
    heap.push(10, 1);
    heap.push(20, 2);
    heap.push(30, 3);
    const popped = [heap.pop()];
    heap.push(1, 4);
    popped.push(heap.pop(), heap.pop(), heap.pop());
    expect(popped).toEqual([1, 4, 2, 3]);
    expect(heap.size).toBe(0);
  });

  it('has no earliest time when empty', () => {
    const heap = new TimeHeap();
    expect(heap.topTime).toBe(Infinity);
    heap.push(3, 7);
    heap.push(2, 9);
    expect(heap.topTime).toBe(2);
    expect(heap.pop()).toBe(9);
    expect(heap.pop()).toBe(7);
    expect(heap.size).toBe(0);
    expect(heap.topTime).toBe(Infinity);
  });
});
