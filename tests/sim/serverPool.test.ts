import { describe, expect, it } from 'vitest';
import { ServerPool } from '../../shared/sim/heap';
import { SimRandom } from '../../shared/sim/random';

/** When each request starts in a first-come-first-served pool, by its definition: on the server that frees first, not before it arrives. */
function startsByDefinition(servers: number, requests: readonly { atMs: number; serviceMs: number }[]): number[] {
  const freeAt = new Array<number>(servers).fill(0);
  return requests.map(({ atMs, serviceMs }) => {
    const first = freeAt.indexOf(Math.min(...freeAt));
    const start = Math.max(atMs, freeAt[first]!);
    freeAt[first] = start + serviceMs;
    return start;
  });
}

describe('a pool of servers taken first come, first served', () => {
  for (const servers of [1, 2, 3, 8, 15, 16, 17, 40]) {
    it(`starts each request when the first server frees after it arrives (${servers} servers, batches arriving together, ties included)`, () => {
      const random = new SimRandom(servers);
      const requests: { atMs: number; serviceMs: number }[] = [];
      let now = 0;
      for (let batch = 0; batch < 3000; batch++) {
        now += random.exponential(servers / 3);
        const copies = 1 + Math.floor(random.uniform() * 12);
        // Whole milliseconds now and then, so servers free at the same moment.
        for (let c = 0; c < copies; c++) requests.push({ atMs: now, serviceMs: batch % 5 === 0 ? 2 : random.logNormal(1, 0.8) });
      }
      const pool = new ServerPool(servers);
      expect(requests.map((r) => pool.seize(r.atMs, r.serviceMs))).toEqual(startsByDefinition(servers, requests));
    });
  }

  for (const servers of [1, 4, 5, 8, 40]) {
    it(`gives each copy of a batch its own time, wait plus service, as copies taken one by one would (${servers} servers)`, () => {
      const random = new SimRandom(100 + servers);
      const requests: { atMs: number; serviceMs: number }[] = [];
      const pool = new ServerPool(servers);
      const own: number[] = [];
      let now = 0;
      for (let batch = 0; batch < 2000; batch++) {
        now += random.exponential(servers / 3);
        const copies = 1 + Math.floor(random.uniform() * 12);
        const serviceMs = Float64Array.from({ length: copies }, () => random.logNormal(1, 0.8));
        for (const s of serviceMs) requests.push({ atMs: now, serviceMs: s });
        const out = new Float64Array(copies + 2);
        pool.seizeTogether(now, serviceMs, copies, out, 2);
        own.push(...out.subarray(2));
      }
      expect(own).toEqual(startsByDefinition(servers, requests).map((start, i) => start - requests[i]!.atMs + requests[i]!.serviceMs));
    });
  }
});
