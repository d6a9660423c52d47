/**
 * A request-by-request simulation of one model pool with a dynamic batcher,
 * written from the batcher's rules rather than from the estimator's formulas,
 * so the two can be compared: a batch leaves when an executor is free and
 * either the queue holds the largest preferred size (else the largest batch)
 * or its oldest request has waited the max queue delay; it takes at most
 * maxBatchSize requests, oldest first, and runs for the batch latency of its size.
 */
import type { Batching } from '../model/serving';
import { batchCap, batchLatencyMs, type Arrivals } from '../estimator/batching';
import { SimRandom } from './random';

export interface BatchingSimulation {
  /** Each measured request's time from arrival to its batch's end, ms. */
  latenciesMs: Float64Array;
  meanBatchSize: number;
  /** Share of executor time spent running batches. */
  utilization: number;
}

/** Simulates `requests` requests (after a 10% warm-up) into `executors` executors at `qps`. */
export function simulateBatching(
  qps: number, spec: Batching, executors: number, arrivals: Arrivals, requests = 200_000, seed = 7,
): BatchingSimulation {
  const random = new SimRandom(seed);
  const gapMs = 1000 / qps;
  const warmUp = Math.ceil(requests / 10);
  const total = requests + warmUp;
  const target = batchCap(spec);
  const arrivalsMs = new Float64Array(total);
  let clock = 0;
  for (let i = 0; i < total; i++) {
    clock = arrivals === 'periodic' ? i * gapMs : clock + random.exponential(gapMs);
    arrivalsMs[i] = clock;
  }
  const freeAt = new Float64Array(executors);
  const latencies = new Float64Array(requests);
  let head = 0;
  let next = 0;
  let batches = 0;
  let batched = 0;
  let busyMs = 0;
  while (head < total) {
    if (next === head) next++;
    let executor = 0;
    for (let e = 1; e < executors; e++) if (freeAt[e]! < freeAt[executor]!) executor = e;
    const queued = next - head;
    const ready = queued >= target ? arrivalsMs[head + target - 1]! : arrivalsMs[head]! + spec.maxQueueDelayMs;
    const dispatchAt = Math.max(freeAt[executor]!, ready);
    if (next < total && queued < spec.maxBatchSize && arrivalsMs[next]! <= dispatchAt) {
      next++;
      continue;
    }
    const size = Math.min(queued, spec.maxBatchSize);
    const runMs = batchLatencyMs(spec, size);
    for (let r = head; r < head + size; r++) if (r >= warmUp) latencies[r - warmUp] = dispatchAt + runMs - arrivalsMs[r]!;
    if (head >= warmUp) {
      batches++;
      batched += size;
      busyMs += runMs;
    }
    freeAt[executor] = dispatchAt + runMs;
    head += size;
  }
  const spanMs = arrivalsMs[total - 1]! - arrivalsMs[warmUp]!;
  return { latenciesMs: latencies, meanBatchSize: batched / batches, utilization: busyMs / (executors * spanMs) };
}
