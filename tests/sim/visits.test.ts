import { describe, expect, it } from 'vitest';
import { ARRIVAL, NODE, PARENT, SERVICE_MS, TOKEN, Visits } from '../../shared/sim/visits';

describe("the simulator's records of visits in flight", () => {
  it('gives each visit a number of its own, keeping every field as the records grow', () => {
    const visits = new Visits();
    const ids: number[] = [];
    for (let k = 0; k < 3000; k++) {
      const id = visits.allocate();
      ids.push(id);
      visits.ints[(id << 4) + NODE] = k;
      visits.ints[(id << 4) + PARENT] = -1 - k;
      visits.ints[(id << 4) + TOKEN] = 7 * k;
      visits.doubles[(id << 3) + ARRIVAL] = k / 4;
      visits.doubles[(id << 3) + SERVICE_MS] = k + 0.5;
    }
    expect(ids).toEqual(ids.map((_, k) => k));
    const read = ids.map((id) => [
      visits.ints[(id << 4) + NODE],
      visits.ints[(id << 4) + PARENT],
      visits.ints[(id << 4) + TOKEN],
      visits.doubles[(id << 3) + ARRIVAL],
      visits.doubles[(id << 3) + SERVICE_MS],
    ]);
    expect(read).toEqual(ids.map((_, k) => [k, -1 - k, 7 * k, k / 4, k + 0.5]));
  });

  it('reuses the numbers of visits that have answered, the last freed first, before taking new ones', () => {
    const visits = new Visits();
    for (let k = 0; k < 10; k++) visits.allocate();
    // More freed than the free list first holds, so it grows too.
    const freed: number[] = [];
    for (let k = 0; k < 2000; k++) {
      const id = visits.allocate();
      freed.push(id);
    }
    for (const id of freed) visits.release(id);
    const again = freed.map(() => visits.allocate());
    expect(again).toEqual([...freed].reverse());
    expect(visits.allocate()).toBe(2010);
  });
});
