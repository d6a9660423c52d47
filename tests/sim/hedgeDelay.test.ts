import { describe, expect, it } from 'vitest';
import { HedgeDelay } from '../../shared/sim/hedgeDelay';
import { SimRandom } from '../../shared/sim/random';

/** The percentile of the last 1,024 times, by sorting them. */
function sortedPercentile(times: number[], percentile: number): number {
  const window = Float64Array.from(times.slice(-1024)).sort();
  return window[Math.min(1023, Math.floor(percentile * 1024))]!;
}

describe('a percentile hedge delay', () => {
  it.each([0.95, 0.5, 0.99, 0.999])('is the p%s of the last 1,024 copies, taken every 256, while the times drift and jump', (percentile) => {
    const random = new SimRandom(21);
    const delay = new HedgeDelay(7, percentile);
    const times: number[] = [];
    for (let i = 1; i <= 20_000; i++) {
      // A slow drift, a jump to ten times slower, and back: the tracked rank moves far.
      const scale = i < 8000 ? 1 + i / 4000 : i < 12_000 ? 30 : 2;
      const ms = scale * random.logNormal(2, 0.7);
      times.push(ms);
      delay.record(ms);
      if (i < 1024) expect(delay.afterMs).toBe(7);
      else if (i % 256 === 0) expect(delay.afterMs).toBe(sortedPercentile(times, percentile));
    }
  });

  it('takes ties as sorting does: many copies with the same time', () => {
    const random = new SimRandom(4);
    const delay = new HedgeDelay(1, 0.95);
    const times: number[] = [];
    for (let i = 1; i <= 5000; i++) {
      const ms = Math.floor(random.uniform() * 3);
      times.push(ms);
      delay.record(ms);
      if (i >= 1024 && i % 256 === 0) expect(delay.afterMs).toBe(sortedPercentile(times, 0.95));
    }
  });
});
