import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../shared/catalog';
import {
  batchingAt, batchingQueue, batchingRun, batchLatencyMs, costPer1kRequestsUsd, gpuReplicaHourlyUsd, queueDelayWhatIf, whatIfDelays,
} from '../../shared/estimator/batching';
import { capacityInput } from '../../shared/estimator/queueing';
import { normalCdf } from '../../shared/estimator/normal';
import type { Batching } from '../../shared/model/serving';
import { near } from './build';

/** The value at which a rising function of ms reaches `p`, by bisection. */
function solve(cdf: (ms: number) => number, p: number, hiMs: number): number {
  let lo = 0;
  let hi = hiMs;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return hi;
}

describe('the run time of a batch read from a table', () => {
  const table: Batching = { maxBatchSize: 64, maxQueueDelayMs: 0, table: [{ size: 4, ms: 10 }, { size: 8, ms: 14 }, { size: 16, ms: 30 }] };

  it('holds the first row below it, reads each segment between its rows and goes on along the last past it', () => {
    expect(batchLatencyMs(table, 1)).toBe(10);
    expect(batchLatencyMs(table, 4)).toBe(10);
    // Between 4 and 8: 1 ms an item; between 8 and 16: 2 ms an item.
    expect(batchLatencyMs(table, 6)).toBe(12);
    expect(batchLatencyMs(table, 8)).toBe(14);
    expect(batchLatencyMs(table, 12)).toBe(22);
    expect(batchLatencyMs(table, 20)).toBe(38);
  });

  it('of one row, grows in proportion past it', () => {
    const one: Batching = { maxBatchSize: 64, maxQueueDelayMs: 0, table: [{ size: 4, ms: 8 }] };
    expect(batchLatencyMs(one, 2)).toBe(8);
    expect(batchLatencyMs(one, 6)).toBe(12);
  });
});

describe('a batching pool at the edges of its load', () => {
  const spec: Batching = { maxBatchSize: 8, maxQueueDelayMs: 2, fixedMs: 3, perItemMs: 1 };

  it('without load runs batches of one, idle, and a request takes the run of a batch of one', () => {
    const run = batchingAt(0, spec, 2, 1);
    expect(run).toMatchObject({ executors: 2, batchSize: 1, batchMs: 4, formationMs: 0, utilization: 0, saturated: false, regime: 'delay' });
    expect(run.own!.mean()).toBeCloseTo(4, 9);
    expect(batchingAt(0, spec, 2, 1, 'poisson', false).own).toBeNull();
  });

  it('without executors is saturated under any load and has no time, but is idle without load', () => {
    const run = batchingAt(1000, spec, 0, 1);
    expect(run).toMatchObject({ executors: 0, batchSize: 1, batchMs: 4, formationMs: 0, utilization: 0, saturated: true, regime: 'delay', own: null });
    expect(batchingAt(0, spec, 0, 4)).toMatchObject({ saturated: false, batchSize: 1 });
  });

  it('is saturated when full batches only just keep up (2 requests a ms, 16 items in 8 ms), and has no time', () => {
    const full: Batching = { maxBatchSize: 16, maxQueueDelayMs: 0, fixedMs: 4, perItemMs: 0.25 };
    const run = batchingAt(2000, full, 1, 1);
    expect(run).toMatchObject({ saturated: true, batchSize: 16, batchMs: 8, utilization: 1, regime: 'busy', own: null });
    const below = batchingAt(1990, full, 1, 1);
    expect(below.saturated).toBe(false);
    expect(below.own).not.toBeNull();
  });

  it('leaves the time out when asked for the sizes only', () => {
    const run = batchingAt(500, spec, 2, 1, 'poisson', false);
    expect(run.saturated).toBe(false);
    expect(run.own).toBeNull();
    near(run.batchSize, 2, 1e-12);
  });

  it('runs a batch of one where each executor has time to spare between requests', () => {
    const quick: Batching = { maxBatchSize: 16, maxQueueDelayMs: 0, fixedMs: 0.1 };
    const run = batchingAt(500, quick, 1, 1);
    expect(run).toMatchObject({ batchSize: 1, batchMs: 0.1, regime: 'delay' });
    near(run.utilization, 0.05, 1e-12);
  });
});

describe('batches that close on the queue delay under Poisson arrivals', () => {
  it('run for the batch a request is in: B = min(1 + N, cap), N ~ Poisson(lambda x delay), a request k times as likely in a batch of k', () => {
    // 1 request a ms over a 1 ms delay, batches of at most 3 running 10 + 2 ms an item; 100 executors never queue.
    const spec: Batching = { maxBatchSize: 3, maxQueueDelayMs: 1, fixedMs: 10, perItemMs: 2 };
    const run = batchingAt(1000, spec, 100, 1);
    expect(run).toMatchObject({ batchSize: 2, batchMs: 14, formationMs: 1, regime: 'delay' });
    const e = Math.exp(-1);
    // P(B = 1) = P(B = 2) = 1/e, P(B = 3) = 1 - 2/e; weighted by size.
    const weights = [e, 2 * e, 3 * (1 - 2 * e)];
    const runMean = (12 * weights[0]! + 14 * weights[1]! + 16 * weights[2]!) / (weights[0]! + weights[1]! + weights[2]!);
    // The first request of a batch waits the whole delay, the others a uniform share of it.
    const formationMean = 0.5 * 1 + 0.5 * 0.5;
    near(run.own!.mean(), formationMean + runMean, 1e-6);
  });

  it('with a cap far above the batch, run for E[B S(B)] / E[B] = fixed + per item x E[B^2] / E[B]', () => {
    // lambda x delay = 2: E[B] = 3, E[B^2] = Var + E[B]^2 = 2 + 9 = 11.
    const spec: Batching = { maxBatchSize: 32, maxQueueDelayMs: 2, fixedMs: 10, perItemMs: 3 };
    const run = batchingAt(1000, spec, 100, 1);
    expect(run.batchSize).toBe(3);
    const formationMean = (1 / 3) * 2 + (2 / 3) * 1;
    near(run.own!.mean(), formationMean + 10 + (3 * 11) / 3, 1e-4);
  });

  it('wait for an executor still running the last batch: max(0, S / executors - W - X), X the exponential gap to the first request', () => {
    // 50 requests a second, 4 executors of 40 ms: a batch collects 1.1 requests over W = 2 ms; slack 40 / 4 - 2 = 8 ms.
    const spec: Batching = { maxBatchSize: 8, maxQueueDelayMs: 2, fixedMs: 40 };
    const run = batchingAt(50, spec, 4, 1);
    expect(run.regime).toBe('delay');
    near(run.batchSize, 1.1, 1e-12);
    const lambda = 0.05;
    const waitMean = 8 - (1 - Math.exp(-lambda * 8)) / lambda;
    const formationMean = (1 / 1.1) * 2 + (0.1 / 1.1) * 1;
    near(run.own!.mean(), formationMean + 40 + waitMean, 2e-3);
  });
});

describe('batches that close on the queue delay under evenly spaced arrivals', () => {
  // A request every 20 ms, 4 executors of 40 ms: each executor runs a batch every 80 ms and never keeps one waiting.
  const spec = (maxQueueDelayMs: number): Batching => ({ maxBatchSize: 8, maxQueueDelayMs, fixedMs: 40 });

  it('take the delay and the run, no wait for an executor', () => {
    for (const delayMs of [2, 15]) {
      const run = batchingAt(50, spec(delayMs), 4, 1, 'periodic');
      expect(run).toMatchObject({ batchSize: 1, formationMs: 0, regime: 'delay' });
      expect(run.own!.mean()).toBeCloseTo(delayMs + 40, 9);
    }
  });
});

describe('busy executors under Poisson arrivals', () => {
  it('take a log-normal cycle around S(b), its spread from the batch size, stretched by a uniform share of a cycle over the executors', () => {
    // 2 executors at 2 requests a ms: each balances at b = S(b) = 4 + 0.5 b, b = 8, S = 8 ms.
    const spec: Batching = { maxBatchSize: 64, maxQueueDelayMs: 0, fixedMs: 4, perItemMs: 0.5 };
    const executors = 2;
    const run = batchingAt(2000, spec, executors, 1);
    expect(run.regime).toBe('busy');
    near(run.batchSize, 8, 1e-8);
    near(run.batchMs, 8, 1e-8);
    // Var b = b / (1 - (lambda_e x slope)^2) with lambda_e = 1 a ms, slope 0.5 ms an item.
    const cv2 = (0.5 * 0.5 * 8) / (1 - 0.25) / 64;
    const sigma = Math.sqrt(Math.log1p(cv2));
    const median = 8 / Math.sqrt(1 + cv2);
    const shares = Array.from({ length: 16 }, (_, k) => 1 + (k + 0.5) / 16 / executors);
    const cdf = (ms: number) => shares.reduce((sum, share) => sum + normalCdf(Math.log(ms / (median * share)) / sigma), 0) / shares.length;
    near(run.own!.mean(), (8 * shares.reduce((a, b) => a + b, 0)) / shares.length, 1e-4);
    near(run.own!.quantile(0.99), solve(cdf, 0.99, 100), 5e-3);
    near(run.own!.quantile(0.5), solve(cdf, 0.5, 100), 5e-3);
  });
});

describe('a batching pool as the rest of the estimate sees it', () => {
  const spec: Batching = { maxBatchSize: 64, maxQueueDelayMs: 4, fixedMs: 6, perItemMs: 0.2 };

  it('is a queue of its executors, busy as its batches, naming its replica limit only where it has a finite one', () => {
    const capped = capacityInput({ replicas: 'auto', targetUtilization: 0.7, maxReplicas: 2 });
    const run = batchingRun(20_000, spec, capped);
    expect(run).toMatchObject({ replicas: 2, neededReplicas: 9, saturated: true });
    expect(batchingQueue(run, capped)).toEqual({
      replicas: 2, servers: 2, offeredLoad: 2, utilization: 1, saturated: true, waitProbability: 0, waitWhenWaitingMs: Infinity, neededReplicas: 9, maxReplicas: 2,
    });
    expect(batchingQueue(run, capacityInput({}))).not.toHaveProperty('maxReplicas');
    expect(batchingQueue(run)).not.toHaveProperty('maxReplicas');
    const calm = batchingRun(2_000, spec, capacityInput({ replicas: 4, concurrency: 2 }));
    const queue = batchingQueue(calm);
    expect(queue).toMatchObject({ servers: 8, saturated: false, waitWhenWaitingMs: 0 });
    expect(queue.offeredLoad).toBeCloseTo(calm.utilization * 8, 12);
  });

  it('sizes "auto" replicas without a limit when the capacity names none, and takes requests as Poisson unless told', () => {
    const run = batchingRun(20_000, spec, { replicas: 'auto', concurrency: 1, targetUtilization: 0.7, minReplicas: 1 });
    expect(run.replicas).toBe(run.neededReplicas);
    expect(run.saturated).toBe(false);
    const fixed = capacityInput({ replicas: 1 });
    expect(batchingRun(2_000, spec, fixed).own!.quantile(0.99)).toBe(batchingAt(2_000, spec, 1, 1, 'poisson').own!.quantile(0.99));
  });

  it('prices a replica from its GPUs: per GPU of the catalog instance, times GPUs per replica; nothing without a GPU', () => {
    expect(gpuReplicaHourlyUsd({ ...spec, gpu: 'g5.xlarge' }, DEFAULT_CATALOG)).toBeCloseTo(1.006, 12);
    expect(gpuReplicaHourlyUsd({ ...spec, gpu: 'p4d.24xlarge', gpusPerReplica: 2 }, DEFAULT_CATALOG)).toBeCloseTo((2 * 32.7726) / 8, 12);
    expect(gpuReplicaHourlyUsd(spec, DEFAULT_CATALOG)).toBeUndefined();
    expect(gpuReplicaHourlyUsd({ ...spec, gpu: 'm7i.large' }, DEFAULT_CATALOG)).toBeUndefined();
  });

  it('costs replicas x hourly price over the requests an hour serves, per 1,000; nothing without requests', () => {
    expect(costPer1kRequestsUsd(2, 1.8, 500)).toBeCloseTo((2 * 1.8 * 1000) / (500 * 3600), 15);
    expect(costPer1kRequestsUsd(2, 1.8, 0)).toBeNull();
  });

  it('tries queue delays around the configured one, or a ladder from 0', () => {
    expect(whatIfDelays(4)).toEqual([0, 1, 2, 4, 8, 16]);
    expect(whatIfDelays(0.3)).toEqual([0, 0.075, 0.15, 0.3, 0.6, 1.2]);
    expect(whatIfDelays(0)).toEqual([0, 1, 2, 5, 10, 20]);
  });

  it('gives each delay of the what-if its batch, p99 and cost, none where saturated or unpriced', () => {
    const points = queueDelayWhatIf(2_000, spec, capacityInput({ replicas: 2 }), 1.006);
    expect(points.map((p) => p.maxQueueDelayMs)).toEqual([0, 1, 2, 4, 8, 16]);
    for (const point of points) {
      const run = batchingAt(2_000, { ...spec, maxQueueDelayMs: point.maxQueueDelayMs }, 2, 1);
      expect(point.batchSize).toBe(run.batchSize);
      expect(point.p99Ms).toBe(run.own!.quantile(0.99));
      expect(point.costPer1kRequestsUsd).toBeCloseTo((2 * 1.006 * 1000) / (2_000 * 3600), 15);
    }
    const saturated = queueDelayWhatIf(20_000, spec, capacityInput({ replicas: 1 }), undefined);
    expect(saturated.every((p) => p.p99Ms === null && p.costPer1kRequestsUsd === null)).toBe(true);
  });
});
