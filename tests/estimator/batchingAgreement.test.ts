import { describe, expect, it } from 'vitest';
import { batchingAt, batchingUtilization, neededBatchingReplicas } from '../../shared/estimator/batching';
import { capacityInput } from '../../shared/estimator/queueing';
import type { Batching } from '../../shared/model/serving';

/** Pools whose batches close on the delay, keep executors busy, or change regime with the load; per-item time constant, falling and rising. */
const specs: Batching[] = [
  { maxBatchSize: 32, maxQueueDelayMs: 0, fixedMs: 4, perItemMs: 0.5 },
  { maxBatchSize: 64, maxQueueDelayMs: 4, fixedMs: 6, perItemMs: 0.2 },
  { maxBatchSize: 128, maxQueueDelayMs: 3, fixedMs: 6, perItemMs: 0.05, preferredBatchSizes: [32, 64] },
  { maxBatchSize: 64, maxQueueDelayMs: 2, table: [{ size: 1, ms: 2 }, { size: 32, ms: 6 }, { size: 64, ms: 18 }] },
  // Items cost more past 8: the busy batch size may have more than one balance, so only the full solve answers.
  { maxBatchSize: 64, maxQueueDelayMs: 2, table: [{ size: 1, ms: 1 }, { size: 8, ms: 2 }, { size: 64, ms: 60 }] },
  { maxBatchSize: 16, maxQueueDelayMs: 10, fixedMs: 20 },
];
const loadsQps = [0, 10, 300, 1_000, 3_000, 10_000, 40_000, 200_000];

describe("the day's quick batching utilization", () => {
  it('is what the full batching solve gives at every load, replica count and concurrency (Infinity when saturated)', () => {
    for (const spec of specs) {
      for (const qps of loadsQps) {
        for (const replicas of [0, 1, 2, 3, 5, 8, 13]) {
          for (const concurrency of [1, 2]) {
            const run = batchingAt(qps, spec, replicas, concurrency, 'poisson', false);
            const expected = run.saturated ? Infinity : run.utilization;
            const quick = batchingUtilization(qps, spec, replicas, concurrency);
            if (expected === Infinity) expect(quick).toBe(Infinity);
            else expect(Math.abs(quick - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
          }
        }
      }
    }
  });
});

describe('"auto" batching replicas', () => {
  it('are the fewest, from minReplicas up, that the full solve finds unsaturated and within the target, from any starting hint', () => {
    for (const spec of specs) {
      for (const qps of loadsQps.slice(1, -1)) {
        for (const targetUtilization of [0.5, 0.7, 0.95, 1]) {
          for (const minReplicas of [1, 3]) {
            const capacity = capacityInput({ replicas: 'auto', targetUtilization, minReplicas });
            let fewest = minReplicas;
            for (;; fewest++) {
              const run = batchingAt(qps, spec, fewest, 1, 'poisson', false);
              if (!run.saturated && run.utilization <= targetUtilization + 1e-12) break;
            }
            expect(neededBatchingReplicas(qps, spec, capacity)).toBe(fewest);
            for (const hint of [1, 2, fewest - 1, fewest, fewest + 3, 50]) expect(neededBatchingReplicas(qps, spec, capacity, hint)).toBe(fewest);
          }
        }
      }
    }
  });
});
