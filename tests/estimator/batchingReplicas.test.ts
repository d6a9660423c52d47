import { describe, expect, it } from 'vitest';
import { batchingAt, batchingUtilization, neededBatchingReplicas } from '../../shared/estimator/batching';
import type { CapacityInput } from '../../shared/estimator/queueing';
import type { Batching } from '../../shared/model/serving';

/** The fewest replicas from minReplicas up whose executors run unsaturated at most targetUtilization of the time, one count at a time. */
function scanned(qps: number, spec: Batching, capacity: CapacityInput): number {
  for (let replicas = Math.max(1, capacity.minReplicas); ; replicas++) {
    const run = batchingAt(qps, spec, replicas, capacity.concurrency, 'poisson', false);
    if (!run.saturated && run.utilization <= capacity.targetUtilization + 1e-12) return replicas;
  }
}

const SPECS: Record<string, Batching> = {
  'fixed plus per item': { maxBatchSize: 64, maxQueueDelayMs: 5, fixedMs: 8, perItemMs: 0.4 },
  'no queue delay': { maxBatchSize: 32, maxQueueDelayMs: 0, fixedMs: 3, perItemMs: 0.2 },
  'a preferred size': { maxBatchSize: 128, maxQueueDelayMs: 20, fixedMs: 6, perItemMs: 0.1, preferredBatchSizes: [16, 32] },
  'a table': { maxBatchSize: 256, maxQueueDelayMs: 4, table: [{ size: 1, ms: 2 }, { size: 32, ms: 6 }, { size: 128, ms: 18 }] },
  // Run time per item rises past 8: a busy executor can balance at more than one batch size.
  'a table whose time per item rises': { maxBatchSize: 64, maxQueueDelayMs: 2, table: [{ size: 1, ms: 5 }, { size: 8, ms: 5 }, { size: 16, ms: 40 }, { size: 64, ms: 60 }] },
};

describe('replicas a batching pool needs', () => {
  const loads = Array.from({ length: 60 }, (_, i) => 20 * 1.18 ** i);
  for (const [name, spec] of Object.entries(SPECS)) {
    for (const targetUtilization of [0.6, 0.95, 1]) {
      it(`are the fewest that fit, at every load and from any nearby answer (${name}, target ${targetUtilization})`, () => {
        const capacity: CapacityInput = { replicas: 'auto', concurrency: 2, targetUtilization, minReplicas: 2 };
        let previous: number | undefined;
        for (const qps of [...loads, ...[...loads].reverse()]) {
          const expected = scanned(qps, spec, capacity);
          expect(neededBatchingReplicas(qps, spec, capacity)).toBe(expected);
          for (const hint of [previous, expected, expected + 1, Math.max(1, expected - 3), 3 * expected + 7]) {
            expect(neededBatchingReplicas(qps, spec, capacity, hint)).toBe(expected);
          }
          previous = expected;
        }
      });
    }
  }
});

describe('a batching pool\'s utilization over the day', () => {
  const loads = Array.from({ length: 60 }, (_, i) => 20 * 1.18 ** i);
  for (const [name, spec] of Object.entries(SPECS)) {
    it(`is the utilization batchingAt gives, to the last bit, Infinity where saturated (${name})`, () => {
      for (const qps of [0, ...loads]) {
        for (const replicas of [0, 1, 2, 3, 5, 8, 13, 21, 40, 100]) {
          const run = batchingAt(qps, spec, replicas, 2, 'poisson', false);
          expect(batchingUtilization(qps, spec, replicas, 2)).toBe(run.saturated ? Infinity : run.utilization);
        }
      }
    });
  }
});
