/**
 * Copies of one request that reach a pool at the same instant (a parallel
 * call with several copies) queue behind each other, which a model of
 * independent arrivals misses. Where that matters (the copies are a sizeable
 * share of the pool's idle servers), the pool alone is simulated with batch
 * arrivals: a small, seeded run, cached by its inputs, so the estimate stays
 * deterministic and a re-estimate after an unrelated edit costs nothing.
 */
import type { Diagram } from '../model/schema';
import { ServerPool } from '../sim/heap';
import { SimRandom } from '../sim/random';
import { Dist } from './grid';
import { at } from './gridPoints';
import type { Queueing, ServiceTime } from './queueing';
import { passShare, type Rate } from './rates';

/** Copies of one parallel call at or above this share of a pool's idle servers count as a batch. */
export const BATCH_SHARE_OF_IDLE = 0.25;
/** Copies simulated per pool (after a 10% warm-up): p999 of a 20-copy call to a few percent. */
const COPIES = 400_000;
const SEED = 20_261;

/** Arrivals at a pool: batches of `copies` copies at `qps` batches per second. */
export interface BatchStream {
  qps: number;
  copies: number;
}

/** The widest parallel call (copies) into each node, over its sync and async edges. */
export function widestParallelCalls(diagram: Pick<Diagram, 'edges'>): Map<string, number> {
  const widest = new Map<string, number>();
  for (const edge of diagram.edges) {
    if ((edge.mode ?? 'sync') === 'offline' || (edge.fanout ?? 'parallel') !== 'parallel') continue;
    const copies = Math.ceil((edge.calls ?? 1) - 1e-12);
    if (copies >= 2) widest.set(edge.target, Math.max(widest.get(edge.target) ?? 0, copies));
  }
  return widest;
}

/**
 * Pools simulated with their batch arrivals in one estimate, at most. Each run
 * costs about a tenth of a second, so a design with hundreds of such pools
 * would take a minute to estimate; the pools where the batches weigh most are
 * simulated and the rest keep the analytic model, with a diagnostic that says so.
 */
export const MAX_SIMULATED_POOLS = 10;

/** The pools whose batch arrivals matter, split into those simulated and those left analytic (beyond MAX_SIMULATED_POOLS). */
export interface BatchPoolChoice {
  /** Node id to the widest parallel call into it (copies). */
  simulated: Map<string, number>;
  skipped: Map<string, number>;
}

/**
 * Chooses the pools to simulate: every pool where batches matter (see
 * batchMatters), the largest batches relative to idle servers first, ties in
 * node order, so the choice is deterministic.
 */
export function chooseBatchPools(
  diagram: Pick<Diagram, 'nodes' | 'edges'>,
  queues: ReadonlyMap<string, Queueing>,
): BatchPoolChoice {
  const order = new Map(diagram.nodes.map((n, i) => [n.id, i]));
  const nodes = new Map(diagram.nodes.map((n) => [n.id, n]));
  const weight = (id: string, copies: number) => {
    const q = queues.get(id)!;
    return copies / Math.max(q.servers - q.offeredLoad, 1e-9);
  };
  const candidates = [...widestParallelCalls(diagram)]
    .filter(([id, copies]) => {
      const node = nodes.get(id);
      return node?.latency !== undefined && !node.batching && batchMatters(copies, queues.get(id));
    })
    .sort(([a, ca], [b, cb]) => weight(b, cb) - weight(a, ca) || order.get(a)! - order.get(b)!);
  return {
    simulated: new Map(candidates.slice(0, MAX_SIMULATED_POOLS)),
    skipped: new Map(candidates.slice(MAX_SIMULATED_POOLS)),
  };
}

/** Whether `copies` arriving together matter for a pool: a sizeable share of its idle servers. */
export function batchMatters(copies: number, queue: Queueing | undefined): boolean {
  return queue !== undefined && !queue.saturated && copies >= 2 && copies >= BATCH_SHARE_OF_IDLE * (queue.servers - queue.offeredLoad);
}

/** The streams of batches reaching each of `targets`: parallel copies together, copies in turn and single calls one by one. */
export function batchStreams(diagram: Pick<Diagram, 'nodes' | 'edges'>, targets: Iterable<string>, rates: ReadonlyMap<string, Rate>): Map<string, BatchStream[]> {
  const streams = new Map<string, BatchStream[]>();
  for (const target of targets) streams.set(target, []);
  if (streams.size === 0) return streams;
  const nodes = new Map(diagram.nodes.map((n) => [n.id, n]));
  for (const edge of diagram.edges) {
    const list = streams.get(edge.target);
    if (!list || (edge.mode ?? 'sync') === 'offline') continue;
    const source = nodes.get(edge.source);
    if (!source) continue;
    const qps = rates.get(edge.source)!.peak * passShare(source);
    const n = edge.calls ?? 1;
    if ((edge.fanout ?? 'parallel') === 'sequential') {
      list.push({ qps: qps * n, copies: 1 });
      continue;
    }
    const whole = Math.floor(n);
    const fraction = n - whole;
    if (whole > 0) list.push({ qps: qps * (1 - fraction), copies: whole });
    if (fraction > 1e-12) list.push({ qps: qps * fraction, copies: whole + 1 });
  }
  for (const [target, list] of streams) streams.set(target, list.filter((s) => s.qps > 0));
  return streams;
}

/** What the pool's run measured: every copy's own time (wait plus service), and per batch size the batches' own times. */
export interface PoolRun {
  own: Dist;
  /** Own times of consecutive batches of each size, `size` values per batch, ms. */
  batches: Map<number, Float64Array>;
}

const cache = new Map<string, PoolRun>();
const CACHE_SIZE = 64;

/** Simulates one FCFS pool fed by batch streams (cached by its inputs). */
export function simulatePool(servers: number, service: ServiceTime, streams: readonly BatchStream[]): PoolRun {
  const key = JSON.stringify([servers, service.p50Ms, service.sigma, streams]);
  const known = cache.get(key);
  if (known) return known;
  const run = runPool(servers, service, streams);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, run);
  return run;
}

/** A growing list of numbers in one typed array, sized up front for what it is expected to hold. */
class Samples {
  values: Float64Array;
  length = 0;

  constructor(expected: number) {
    this.values = new Float64Array(Math.max(1024, Math.ceil(expected)));
  }

  /** Makes room for `count` more values; returns the array to write them into from `length`. */
  reserve(count: number): Float64Array {
    if (this.length + count > this.values.length) {
      const grown = new Float64Array(Math.max(2 * this.values.length, this.length + count));
      grown.set(this.values);
      this.values = grown;
    }
    return this.values;
  }

  /** The values written so far, as a view (no copy). */
  view(): Float64Array {
    return this.values.subarray(0, this.length);
  }

  /** The values written so far, in an array of their own size (what a cache may keep); no copy when full. */
  trimmed(): Float64Array {
    return this.length === this.values.length ? this.values : this.values.slice(0, this.length);
  }
}

function runPool(servers: number, service: ServiceTime, streams: readonly BatchStream[]): PoolRun {
  const random = new SimRandom(SEED);
  const pool = new ServerPool(servers);
  const totalQps = streams.reduce((a, s) => a + s.qps, 0);
  const meanCopies = streams.reduce((a, s) => a + s.qps * s.copies, 0) / totalQps;
  const batchCount = Math.ceil(COPIES / meanCopies);
  const warmUp = Math.ceil(batchCount / 10);
  const cumulative = streams.map((_, i) => streams.slice(0, i + 1).reduce((a, s) => a + s.qps, 0) / totalQps);
  // Copies each list is expected to hold, with room for chance: one list holds exactly batchCount batches.
  const expected = new Map<number, number>();
  for (const s of streams) expected.set(s.copies, (expected.get(s.copies) ?? 0) + (batchCount * s.qps * s.copies) / totalQps);
  const collected = new Map([...expected].map(([copies, n]) => [copies, new Samples(expected.size === 1 ? batchCount * copies : n * 1.02 + 64 * copies)]));
  const lists = streams.map((s) => collected.get(s.copies)!);
  // With one batch size, every copy's own time is in its list already.
  const all = collected.size === 1 ? lists[0]! : new Samples(batchCount * meanCopies * 1.02 + 64);
  const meanGapMs = 1000 / totalQps;
  let serviceMs = new Float64Array(64);
  let now = 0;
  for (let b = 0; b < batchCount + warmUp; b++) {
    now += random.exponential(meanGapMs);
    const u = random.uniform();
    let s = 0;
    while (s < streams.length - 1 && cumulative[s]! < u) s++;
    const copies = streams[s]!.copies;
    if (serviceMs.length < copies) serviceMs = new Float64Array(copies);
    drawServiceMs(random, service, serviceMs, copies);
    if (b < warmUp) {
      for (let c = 0; c < copies; c++) pool.seize(now, serviceMs[c]!);
      continue;
    }
    const list = lists[s]!;
    seizeAll(pool, now, serviceMs, copies, list.reserve(copies), list.length);
    const listValues = list.values;
    const start = list.length;
    list.length += copies;
    if (all !== list) {
      const allValues = all.reserve(copies);
      for (let c = 0; c < copies; c++) allValues[all.length++] = listValues[start + c]!;
    }
  }
  return { own: Dist.fromSamples(all.view()), batches: new Map([...collected].map(([k, v]) => [k, v.trimmed()])) };
}

/** Draws `count` service times in turn into `out` (a loop of its own, so the draws stay unboxed). */
function drawServiceMs(random: SimRandom, service: ServiceTime, out: Float64Array, count: number): void {
  for (let c = 0; c < count; c++) out[c] = random.logNormal(service.p50Ms, service.sigma);
}

/** Copies of one batch arriving at `nowMs` seize servers in turn; each one's own time (wait plus service) goes to `out` from `at`. */
function seizeAll(pool: ServerPool, nowMs: number, serviceMs: Float64Array, count: number, out: Float64Array, at: number): void {
  for (let c = 0; c < count; c++) out[at + c] = pool.seize(nowMs, serviceMs[c]!) - nowMs + serviceMs[c]!;
}

/** Draws from a distribution on the grid by its inverse CDF (a bucket table finds the start of each search). */
function sampler(dist: Dist): (u: number) => number {
  const n = dist.masses.length;
  const cumulative = new Float64Array(n);
  let c = dist.zero;
  for (let i = 0; i < n; i++) cumulative[i] = c += dist.masses[i]!;
  // first[b]: the first index whose cumulative mass reaches b / buckets, where the search for any u in bucket b starts.
  const buckets = 4 * n + 1;
  const first = new Int32Array(buckets + 1);
  for (let b = 0, i = 0; b <= buckets; b++) {
    while (i < n - 1 && cumulative[i]! < b / buckets) i++;
    first[b] = i;
  }
  const values = Float64Array.from({ length: n }, (_, i) => at(dist.lo + i));
  return (u) => {
    if (u <= dist.zero || n === 0) return 0;
    let i = first[Math.floor(u * buckets)]!;
    while (i > 0 && cumulative[i - 1]! >= u) i--;
    while (i < n - 1 && cumulative[i]! < u) i++;
    return values[i]!;
  };
}

/** Per pool run and batch size, the slowest copy's own time: the call's time into a pool that makes no calls of its own. */
const slowestOwn = new WeakMap<PoolRun, Map<number, Dist>>();

/**
 * The time of a parallel call of `copies` copies that arrive together: for
 * each simulated batch, the slowest copy's own time plus an independent draw
 * of the callee's time after its own (its calls, on a miss).
 */
export function batchCallTime(run: PoolRun, copies: number, after: Dist): Dist {
  const own = run.batches.get(copies);
  if (!own || own.length < copies) return Dist.ZERO;
  const known = after.isZero ? slowestOwn.get(run)?.get(copies) : undefined;
  if (known) return known;
  const random = new SimRandom(SEED + copies);
  const draw = after.isZero ? undefined : sampler(after);
  const count = Math.floor(own.length / copies);
  const times = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    let slowest = 0;
    for (let c = 0; c < copies; c++) {
      const t = draw ? own[b * copies + c]! + draw(random.uniform()) : own[b * copies + c]!;
      if (t > slowest) slowest = t;
    }
    times[b] = slowest;
  }
  const time = Dist.fromSamples(times);
  if (after.isZero) {
    const sizes = slowestOwn.get(run) ?? new Map<number, Dist>();
    sizes.set(copies, time);
    slowestOwn.set(run, sizes);
  }
  return time;
}
