/**
 * GPU serving with dynamic batching (docs/estimator.md, section 9): the batch
 * size the load produces, the time a request waits for its batch to form and
 * for an executor, the batch's run time, and from those the replicas, the GPU
 * utilization and the cost per 1,000 requests.
 */
import { instancePrice, type Catalog } from '../catalog';
import type { Batching } from '../model/serving';
import { Dist } from './grid';
import type { CapacityInput, Queueing } from './queueing';
import { distFromCdf, uniformDist } from './shapes';

/** How requests arrive: at random (Poisson, what the estimator assumes) or evenly spaced (the closed form's case). */
export type Arrivals = 'poisson' | 'periodic';

/** Run time in ms of a batch of `size` items: fixed + per item, or the table read linearly between its rows. */
export function batchLatencyMs(spec: Batching, size: number): number {
  const table = spec.table;
  if (!table) return (spec.fixedMs ?? 0) + (spec.perItemMs ?? 0) * size;
  const first = table[0]!;
  if (size <= first.size) return first.ms;
  for (let i = 1; i < table.length; i++) {
    const a = table[i - 1]!;
    const b = table[i]!;
    if (size <= b.size) return a.ms + ((b.ms - a.ms) * (size - a.size)) / (b.size - a.size);
  }
  const last = table[table.length - 1]!;
  const before = table[table.length - 2];
  const slope = before ? (last.ms - before.ms) / (last.size - before.size) : last.ms / last.size;
  return last.ms + slope * (size - last.size);
}

/** What a batching pool does at one load. */
export interface BatchingRun {
  replicas: number;
  /** Replicas "auto" sizing asks for before maxReplicas caps it. */
  neededReplicas: number;
  /** Batches that can run at once: replicas x concurrency (model instances). */
  executors: number;
  /** Mean items per batch. */
  batchSize: number;
  /** Run time of a batch of that size, ms. */
  batchMs: number;
  /** Time over which a batch collects its requests, ms: a request waits a uniform share of it. */
  formationMs: number;
  /** Share of time the executors run batches. */
  utilization: number;
  /** The executors cannot keep up even with full batches. */
  saturated: boolean;
  /** "delay": batches close on the queue delay or a preferred size; "busy": they grow while every executor runs. */
  regime: 'delay' | 'busy';
  /** Wait plus run time of a request; null when saturated. */
  own: Dist | null;
}

/** The batch at which the batcher sends at once: the largest preferred size, else the largest batch. */
export function batchCap(spec: Batching): number {
  return Math.min(spec.maxBatchSize, spec.preferredBatchSizes ? Math.max(...spec.preferredBatchSizes) : spec.maxBatchSize);
}

/**
 * The batch size at one load and executor count: the larger of the batch that
 * forms while the first request waits the queue delay (1 + lambda x delay, at
 * most the largest preferred size) and the batch that keeps busy executors
 * level with the load (b = lambda / executors x S(b), by bisection).
 */
function batchSize(lambdaPerMs: number, executors: number, spec: Batching, arrivals: Arrivals): { size: number; busy: boolean; saturated: boolean } {
  const max = spec.maxBatchSize;
  const perExecutor = lambdaPerMs / executors;
  const excess = (b: number) => perExecutor * batchLatencyMs(spec, b) - b;
  if (!(excess(max) < 0)) return { size: max, busy: true, saturated: true };
  let busy = perExecutor * batchLatencyMs(spec, 1);
  if (excess(1) > 0) {
    let low = 1;
    let high = max;
    for (let i = 0; i < 60 && high - low > 1e-9 * high; i++) {
      const mid = (low + high) / 2;
      if (excess(mid) > 0) low = mid;
      else high = mid;
    }
    busy = high;
  }
  const cap = batchCap(spec);
  const collected = lambdaPerMs * spec.maxQueueDelayMs;
  const byDelay = Math.min(cap, 1 + (arrivals === 'periodic' ? Math.floor(collected + 1e-9) : collected));
  return busy > byDelay ? { size: Math.min(max, busy), busy: true, saturated: false } : { size: byDelay, busy: false, saturated: false };
}

/**
 * The batching pool at `peakQps` with `executors` executors. A request waits
 * a uniform share of the formation time W = (b - 1) / lambda, then, where
 * batches close on the delay, for an executor still running the previous
 * batch: max(0, S(b) / executors - W - X) with X the gap to the batch's first
 * request (exponential under Poisson arrivals, 1 / lambda when periodic),
 * then the batch's run time S(b).
 */
export function batchingAt(peakQps: number, spec: Batching, replicas: number, concurrency: number, arrivals: Arrivals = 'poisson', withTime = true): BatchingRun {
  const executors = replicas * concurrency;
  const lambda = peakQps / 1000;
  if (!(lambda > 0) || executors <= 0) {
    const saturated = executors <= 0 && lambda > 0;
    const batchMs = batchLatencyMs(spec, 1);
    return { replicas, neededReplicas: replicas, executors, batchSize: 1, batchMs, formationMs: 0, utilization: 0, saturated, regime: 'delay', own: saturated || !withTime ? null : Dist.constant(batchMs) };
  }
  const { size, busy, saturated } = batchSize(lambda, executors, spec, arrivals);
  const batchMs = batchLatencyMs(spec, size);
  const utilization = Math.min(1, (lambda * batchMs) / (size * executors));
  const formationMs = (size - 1) / lambda;
  const base = { replicas, neededReplicas: replicas, executors, batchSize: size, batchMs, formationMs, utilization, saturated, regime: busy ? 'busy' : 'delay' } as const;
  if (saturated || !withTime) return { ...base, own: null };
  if (busy && arrivals === 'poisson') return { ...base, own: busyPoissonTime(spec, size, batchMs, lambda / executors, executors) };
  // A batch that closes on the delay keeps its first request the whole delay; evenly spaced requests fill only part of it.
  const closesOnDelay = !busy && size < batchCap(spec);
  const shiftMs = closesOnDelay ? Math.max(0, spec.maxQueueDelayMs - formationMs) : 0;
  const formation = arrivals === 'periodic' ? uniformDist(formationMs) : Dist.mix(1 / size, Dist.constant(formationMs), uniformDist(formationMs));
  const run = closesOnDelay && arrivals === 'poisson' ? delayBatchRunTime(spec, lambda * spec.maxQueueDelayMs) : Dist.constant(batchMs);
  let own = formation.plus(run.plus(Dist.constant(shiftMs)));
  const slack = batchMs / executors - formationMs - shiftMs;
  if (!busy && slack > 0) {
    if (arrivals === 'periodic') own = own.plus(Dist.constant(Math.max(0, slack - 1 / lambda)));
    else own = own.plus(distFromCdf((ms) => Math.exp(-lambda * (slack - ms)), slack * 1e-4, slack));
  }
  return { ...base, own };
}

/** Batch sizes whose share of requests is below this are left out of a run-time mixture. */
const SIZE_TAIL = 1e-7;

/**
 * The run time a request sees where batches close on the queue delay under
 * Poisson arrivals: a batch holds its first request and those that arrive
 * within the delay, B = min(1 + N, cap) with N ~ Poisson(lambda x delay), and
 * a request is k times as likely to be in a batch of k (the size-biased law,
 * P(k) x k / E[B]); the batch runs S(B). With an item cost that matters, the
 * larger batches' longer runs make the tail.
 */
function delayBatchRunTime(spec: Batching, collected: number): Dist {
  const cap = batchCap(spec);
  const weights: number[] = [];
  let p = Math.exp(-collected);
  let below = 0;
  for (let n = 0; n < cap - 1; n++) {
    weights.push(p * (n + 1));
    below += p;
    if (n > collected && p < SIZE_TAIL) break;
    p *= collected / (n + 1);
  }
  if (weights.length === cap - 1) weights.push(Math.max(0, 1 - below) * cap);
  let total = 0;
  let result: Dist | undefined;
  weights.forEach((w, i) => {
    if (!(w > 0)) return;
    total += w;
    const time = Dist.constant(batchLatencyMs(spec, i + 1));
    result = result ? Dist.mix(w / total, time, result) : time;
  });
  return result ?? Dist.constant(batchLatencyMs(spec, 1));
}

/** Points of the wait's share (1 + U / executors) averaged over, by the midpoint rule. */
const SHARE_POINTS = 16;

/**
 * A request's time where every executor runs batch after batch under Poisson
 * arrivals: it waits a uniform share of the running cycle spread over the
 * executors, then a cycle of its own, (1 + U / executors) x C. The batch size
 * varies from cycle to cycle as b' ~ Poisson(lambda_e x S(b)), whose spread
 * settles at Var b = b / (1 - (lambda_e x slope)^2); the cycle C = S(b) is
 * taken log-normal with that spread.
 */
function busyPoissonTime(spec: Batching, size: number, batchMs: number, perExecutorPerMs: number, executors: number): Dist {
  const slope = batchLatencyMs(spec, size + 1) - batchMs;
  const damping = Math.max(1e-6, 1 - (perExecutorPerMs * slope) ** 2);
  const cv2 = (slope * slope * size) / damping / (batchMs * batchMs);
  const sigma = Math.sqrt(Math.log1p(cv2));
  const median = batchMs / Math.sqrt(1 + cv2);
  let result = Dist.logNormal(median * (1 + 0.5 / SHARE_POINTS / executors), sigma);
  for (let k = 1; k < SHARE_POINTS; k++) {
    const share = 1 + (k + 0.5) / SHARE_POINTS / executors;
    result = Dist.mix(1 / (k + 1), Dist.logNormal(median * share, sigma), result);
  }
  return result;
}

/**
 * Sizes a batching pool: fixed replicas as given, "auto" the fewest (at least
 * minReplicas, at most maxReplicas) whose executors run batches at most
 * targetUtilization of the time.
 */
export function batchingRun(peakQps: number, spec: Batching, capacity: CapacityInput, arrivals: Arrivals = 'poisson'): BatchingRun {
  if (capacity.replicas !== 'auto') return batchingAt(peakQps, spec, capacity.replicas, capacity.concurrency, arrivals);
  const needed = neededBatchingReplicas(peakQps, spec, capacity);
  const run = batchingAt(peakQps, spec, Math.min(needed, capacity.maxReplicas ?? Infinity), capacity.concurrency, arrivals);
  return { ...run, neededReplicas: needed };
}

/**
 * The fewest replicas (at least minReplicas) whose GPUs run batches at most
 * targetUtilization of the time; no latency is computed. `hint`, the answer at
 * a nearby load (the previous moment of a day), is where the search starts:
 * the answer is the same, found with fewer batch-size solves.
 */
export function neededBatchingReplicas(peakQps: number, spec: Batching, capacity: CapacityInput, hint?: number): number {
  const fits = (replicas: number) => withinTarget(peakQps, spec, replicas, capacity);
  const lowest = Math.max(1, capacity.minReplicas);
  const near = hint !== undefined && hint > lowest && hint < SEARCH_CEILING ? fewestFrom(hint, lowest, fits) : undefined;
  if (near !== undefined) return near;
  if (fits(lowest)) return lowest;
  let low = lowest;
  let high = lowest * 2;
  while (!fits(high) && high < SEARCH_CEILING) {
    low = high;
    high *= 2;
  }
  return fewestBetween(low, high, fits);
}

/** How far from the busy batch size a delay batch must be for the quick test to tell the regimes apart, relative. */
const CLEAR_OF_BUSY = 1e-6;

/**
 * Whether `replicas` run batches unsaturated and at most targetUtilization of
 * the time under Poisson arrivals: what batchingAt says, without solving for
 * the busy batch size where the answer does not need it (busy executors run
 * at a utilization of 1, less a rounding).
 */
function withinTarget(peakQps: number, spec: Batching, replicas: number, capacity: CapacityInput): boolean {
  if (capacity.targetUtilization < 1 - CLEAR_OF_BUSY) {
    const quick = utilizationByRegime(peakQps / 1000, spec, replicas * capacity.concurrency);
    // Busy executors: a utilization of 1, above the target.
    if (quick === 'busy') return false;
    if (quick !== undefined) return quick <= capacity.targetUtilization + 1e-12;
  }
  const run = batchingAt(peakQps, spec, replicas, capacity.concurrency, 'poisson', false);
  return !run.saturated && run.utilization <= capacity.targetUtilization + 1e-12;
}

/**
 * The utilization batchingAt gives a pool under Poisson arrivals (Infinity
 * when saturated), without solving for the busy batch size where batches
 * clearly close on the queue delay: what a day asks at every moment.
 */
export function batchingUtilization(peakQps: number, spec: Batching, replicas: number, concurrency: number): number {
  const quick = utilizationByRegime(peakQps / 1000, spec, replicas * concurrency);
  if (typeof quick === 'number') return quick;
  const run = batchingAt(peakQps, spec, replicas, concurrency, 'poisson', false);
  return run.saturated ? Infinity : run.utilization;
}

/**
 * The regime of an unsaturated pool told without the bisection, where the
 * load leaves no doubt: "busy" where every executor runs batch after batch,
 * else the utilization batchingAt computes for batches closed on the delay
 * (the same numbers, in the same order); undefined where only the busy batch
 * size tells, or the pool is idle or saturated.
 */
function utilizationByRegime(lambdaPerMs: number, spec: Batching, executors: number): number | 'busy' | undefined {
  if (!(lambdaPerMs > 0) || !(executors > 0)) return undefined;
  const perExecutor = lambdaPerMs / executors;
  const excess = (b: number) => perExecutor * batchLatencyMs(spec, b) - b;
  if (!(excess(spec.maxBatchSize) < 0) || !perItemTimeFalls(spec)) return undefined;
  const byDelay = Math.min(batchCap(spec), 1 + lambdaPerMs * spec.maxQueueDelayMs);
  const atDelay = excess(byDelay);
  if (excess(1) > 0 && atDelay > 0) return 'busy';
  if (excess(1) <= 0 || atDelay < -CLEAR_OF_BUSY * byDelay) return Math.min(1, (lambdaPerMs * batchLatencyMs(spec, byDelay)) / (byDelay * executors));
  return undefined;
}

/**
 * Whether a batch's run time per item never grows with its size (every
 * segment of the run-time line meets zero size at or above 0 ms): then a busy
 * executor's load balances at a single batch size.
 */
function perItemTimeFalls(spec: Batching): boolean {
  const table = spec.table;
  if (!table) return (spec.fixedMs ?? 0) >= 0;
  for (let i = 1; i < table.length; i++) {
    const a = table[i - 1]!;
    const b = table[i]!;
    if (a.ms - ((b.ms - a.ms) / (b.size - a.size)) * a.size < 0) return false;
  }
  return true;
}

/** Where the doubling search for replicas stops (and answers its last try). */
const SEARCH_CEILING = 1e6;

/** The fewest fitting count in (low, high], where `high` fits and `low` does not (fitting grows with the count). */
function fewestBetween(low: number, high: number, fits: (replicas: number) => boolean): number {
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/** The fewest fitting count, galloping out from `hint` (above `lowest`); undefined where it would pass the search ceiling. */
function fewestFrom(hint: number, lowest: number, fits: (replicas: number) => boolean): number | undefined {
  let step = 1;
  if (fits(hint)) {
    let high = hint;
    for (;;) {
      const low = Math.max(lowest, high - step);
      if (!fits(low)) return fewestBetween(low, high, fits);
      if (low === lowest) return lowest;
      high = low;
      step *= 2;
    }
  }
  let low = hint;
  for (;;) {
    const high = low + step;
    if (high >= SEARCH_CEILING) return undefined;
    if (fits(high)) return fewestBetween(low, high, fits);
    low = high;
    step *= 2;
  }
}

/** The pool as the rest of the estimator sees a queue: replicas, executors as servers, utilization. */
export function batchingQueue(run: BatchingRun, capacity?: CapacityInput): Queueing {
  return {
    replicas: run.replicas, servers: run.executors, offeredLoad: run.utilization * run.executors, utilization: run.utilization,
    saturated: run.saturated, waitProbability: 0, waitWhenWaitingMs: run.saturated ? Infinity : 0,
    neededReplicas: run.neededReplicas, ...(capacity?.maxReplicas !== undefined && Number.isFinite(capacity.maxReplicas) ? { maxReplicas: capacity.maxReplicas } : {}),
  };
}

/** Hourly price of one replica from its GPUs: gpusPerReplica x the catalog instance's price per GPU; undefined without a GPU type. */
export function gpuReplicaHourlyUsd(spec: Batching, catalog: Catalog): number | undefined {
  const instance = spec.gpu === undefined ? undefined : instancePrice(catalog, spec.gpu);
  if (!instance?.gpus) return undefined;
  return ((spec.gpusPerReplica ?? 1) * instance.hourlyUsd) / instance.gpus;
}

/** Dollars per 1,000 requests at a steady rate: replicas x hourly price over the requests an hour serves. */
export function costPer1kRequestsUsd(replicas: number, replicaHourlyUsd: number, qps: number): number | null {
  return qps > 0 ? (replicas * replicaHourlyUsd * 1000) / (qps * 3600) : null;
}

/** One row of the queue-delay what-if. */
export interface DelayPoint {
  maxQueueDelayMs: number;
  batchSize: number;
  replicas: number;
  /** p99 of the model's own time (wait plus batch), ms; null when saturated. */
  p99Ms: number | null;
  costPer1kRequestsUsd: number | null;
}

/** Max queue delays the what-if tries: around the configured one, or a ladder when it is 0. */
export function whatIfDelays(configuredMs: number): number[] {
  const ladder = configuredMs > 0 ? [0, 0.25, 0.5, 1, 2, 4].map((f) => f * configuredMs) : [0, 1, 2, 5, 10, 20];
  return [...new Set(ladder.map((d) => Number(d.toPrecision(6))))];
}

/** The trade-off of the max queue delay: for each delay, the batch, replicas, p99 and cost per 1,000 requests. */
export function queueDelayWhatIf(peakQps: number, spec: Batching, capacity: CapacityInput, replicaHourlyUsd: number | undefined): DelayPoint[] {
  return whatIfDelays(spec.maxQueueDelayMs).map((delay) => {
    const run = batchingRun(peakQps, { ...spec, maxQueueDelayMs: delay }, capacity);
    return {
      maxQueueDelayMs: delay,
      batchSize: run.batchSize,
      replicas: run.replicas,
      p99Ms: run.own ? run.own.quantile(0.99) : null,
      costPer1kRequestsUsd: replicaHourlyUsd === undefined ? null : costPer1kRequestsUsd(run.replicas, replicaHourlyUsd, peakQps),
    };
  });
}
