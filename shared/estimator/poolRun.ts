/**
 * A small seeded run of one FCFS pool on its own, fed by the streams of calls
 * that reach it: parallel copies of one request arriving at the same instant,
 * copies in turn (each one arriving when the one before it came back), and
 * single calls. The estimator uses it where such arrivals make the model of
 * independent arrivals optimistic (batches.ts chooses the pools); runs are
 * cached by their inputs, so an estimate stays deterministic and a
 * re-estimate after an unrelated edit costs nothing.
 */
import { ServerPool, TimeHeap } from '../sim/heap';
import { Memo } from '../memo';
import { grown } from '../typedArrays';
import { NormalStream } from '../sim/normals';
import { SimRandom } from '../sim/random';
import { Dist } from './grid';
import { at, GRID_STEP } from './gridPoints';
import type { ServiceTime } from './queueing';

/** Copies simulated per pool (after a 10% warm-up): p999 of a 20-copy call to a few percent. */
const COPIES = 400_000;
const SEED = 20_261;

/** Arrivals at a pool: requests of `copies` copies at `qps` requests per second, together or (`inTurn`) one after another. */
export interface BatchStream {
  qps: number;
  copies: number;
  inTurn?: boolean;
}

/** What the pool's run measured. */
export interface PoolRun {
  /** Every copy's own time (wait plus service). */
  own: Dist;
  /** Own times of consecutive batches of each size arriving together, `size` values per batch, ms. */
  batches: Map<number, Float64Array>;
  /** Per number of copies in turn, the whole call's time of each request: the sum of its copies' own times and times after them, ms. */
  turns: Map<number, Float64Array>;
}

const cache = new Memo<string, PoolRun>(64);

/**
 * Simulates one FCFS pool fed by its streams (cached by its inputs). `after`
 * is the callee's time after its own (its calls, on a miss): a copy in turn
 * comes back, and the next one leaves, only once that is over too.
 */
export function simulatePool(servers: number, service: ServiceTime, streams: readonly BatchStream[], after: Dist = Dist.ZERO): PoolRun {
  const key = poolKey(servers, service, streams, after);
  const known = cache.get(key);
  if (known) return known;
  const run = freshPoolRun(servers, service, streams, after);
  cache.set(key, run);
  return run;
}

/** simulatePool's run, made afresh and not cached. */
export function freshPoolRun(servers: number, service: ServiceTime, streams: readonly BatchStream[], after: Dist = Dist.ZERO): PoolRun {
  return runPool(servers, service, streams, streams.some((s) => s.inTurn) ? sampler(after) : () => 0, COPIES, SEED);
}

/** What a pool's run is cached by, on the grid in use: its inputs, and the time after its own where copies come in turn. */
export function poolKey(servers: number, service: ServiceTime, streams: readonly BatchStream[], after: Dist = Dist.ZERO): string {
  const inTurn = streams.some((s) => s.inTurn);
  return JSON.stringify([GRID_STEP, servers, service.p50Ms, service.sigma, streams, inTurn ? [after.zero, after.lo, Array.from(after.masses)] : 0]);
}

/** The cached run for a key (poolKey), if one was made or kept. */
export function knownPool(key: string): PoolRun | undefined {
  return cache.get(key);
}

/** Keeps a run made elsewhere (another thread) under its key, as simulatePool keeps its own. */
export function keepPool(key: string, run: PoolRun): void {
  cache.set(key, run);
}

/** A growing list of numbers in one typed array, sized up front for what it is expected to hold. */
class Samples {
  values: Float64Array;
  length = 0;

  constructor(expected = 0) {
    this.values = new Float64Array(Math.max(1024, Math.ceil(expected)));
  }

  /** Makes room for `count` more values; returns the array to write them into from `length`. */
  reserve(count: number): Float64Array {
    if (this.length + count > this.values.length) {
      this.values = grown(this.values, Math.max(2 * this.values.length, this.length + count));
    }
    return this.values;
  }

  /** Appends one value. */
  push(value: number): void {
    this.reserve(1)[this.length++] = value;
  }

  /** The values written so far, as a view (no copy). */
  view(): Float64Array {
    return this.values.subarray(0, this.length);
  }

  /** The values written so far, in an array of their own size (what a cache may keep); no copy when full. */
  copy(): Float64Array {
    return this.length === this.values.length ? this.values : this.values.slice(0, this.length);
  }
}

/** Requests of copies in turn still under way: their next copy waits in a heap ordered by the time it leaves the caller. */
class InTurnRequests {
  readonly heap = new TimeHeap();
  private left = new Int32Array(256);
  private elapsed = new Float64Array(256);
  private stream = new Int32Array(256);
  private measured = new Uint8Array(256);
  private free: number[] = [];
  private next = 0;

  /** Starts a request of `copies` copies from stream `stream`; returns its slot. */
  open(copies: number, stream: number, measured: boolean): number {
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.next++;
      if (slot === this.left.length) this.grow();
    }
    this.left[slot] = copies;
    this.elapsed[slot] = 0;
    this.stream[slot] = stream;
    this.measured[slot] = measured ? 1 : 0;
    return slot;
  }

  /**
   * Adds one copy's time (own plus after) to the request; returns the request's
   * whole time once its last copy is back, else -1 (and its next copy is queued).
   */
  back(slot: number, atMs: number, copyMs: number): number {
    this.elapsed[slot] = this.elapsed[slot]! + copyMs;
    if (--this.left[slot]! > 0) {
      this.heap.push(atMs + copyMs, slot);
      return -1;
    }
    this.free.push(slot);
    return this.elapsed[slot]!;
  }

  streamOf(slot: number): number {
    return this.stream[slot]!;
  }

  isMeasured(slot: number): boolean {
    return this.measured[slot] === 1;
  }

  private grow(): void {
    const size = 2 * this.left.length;
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.left = grow(this.left, (n) => new Int32Array(n));
    this.elapsed = grow(this.elapsed, (n) => new Float64Array(n));
    this.stream = grow(this.stream, (n) => new Int32Array(n));
    this.measured = grow(this.measured, (n) => new Uint8Array(n));
  }
}

/**
 * One run of a pool, uncached: `copyCount` copies measured after a 10% warm-up,
 * drawn from `seed` (simulatePool runs COPIES from one seed). `after` draws the
 * callee's time after its own from a uniform.
 */
export function runPool(servers: number, service: ServiceTime, streams: readonly BatchStream[], after: (u: number) => number, copyCount: number, seed: number): PoolRun {
  const totalQps = streams.reduce((a, s) => a + s.qps, 0);
  const meanCopies = streams.reduce((a, s) => a + s.qps * s.copies, 0) / totalQps;
  const batchCount = Math.ceil(copyCount / meanCopies);
  const warmUp = Math.ceil(batchCount / 10);
  // Copies each list of batches is expected to hold, with room for chance: one list holds exactly batchCount batches.
  const together = streams.filter((s) => !s.inTurn);
  const expected = new Map<number, number>();
  for (const s of together) expected.set(s.copies, (expected.get(s.copies) ?? 0) + (batchCount * s.qps * s.copies) / totalQps);
  const exact = together.length === streams.length && expected.size === 1;
  const collected = new Map([...expected].map(([copies, n]) => [copies, new Samples(exact ? batchCount * copies : n * 1.02 + 64 * copies)]));
  const turns = new Map(streams.filter((s) => s.inTurn).map((s) => [s.copies, new Samples()]));
  // With one list of batches and no copies in turn, that list holds every copy in order: no second list of them all.
  const all = exact ? undefined : new Samples(batchCount * meanCopies * 1.02 + 64);
  const run = new PoolSimulation(servers, service, streams, after, seed, collected, turns, all);
  run.arrivals(warmUp, batchCount);
  run.finish();
  const copied = (m: Map<number, Samples>) => new Map([...m].map(([k, v]) => [k, v.copy()]));
  return { own: Dist.fromSamples(all ? all.view() : collected.values().next().value!.view()), batches: copied(collected), turns: copied(turns) };
}

/**
 * A pool's run under way: its servers, its draws, and the lists it measures
 * into. Each arrival is a call of its own, so the work of one is compiled
 * once for the whole run (and for the next pool's).
 */
class PoolSimulation {
  private readonly random: SimRandom;
  /** Service times draw their normals by the ziggurat from a stream of their own, half its cycle away from the other draws' (as the simulator's do). */
  private readonly normals: NormalStream;
  private readonly pool: ServerPool;
  private readonly cumulative: Float64Array;
  private readonly lists: Samples[];
  private readonly pending = new InTurnRequests();
  private readonly meanGapMs: number;
  private serviceMs = new Float64Array(64);
  private warmUpTimes = new Float64Array(64);
  private nowMs = 0;

  constructor(
    servers: number,
    private readonly service: ServiceTime,
    private readonly streams: readonly BatchStream[],
    private readonly after: (u: number) => number,
    seed: number,
    collected: Map<number, Samples>,
    private readonly turns: Map<number, Samples>,
    /** Every copy's own time, where the lists of batches do not hold them all in order. */
    private readonly all: Samples | undefined,
  ) {
    this.random = new SimRandom(seed);
    this.normals = new NormalStream(seed + 2 ** 31);
    this.pool = new ServerPool(servers);
    const totalQps = streams.reduce((a, s) => a + s.qps, 0);
    this.meanGapMs = 1000 / totalQps;
    this.cumulative = Float64Array.from(streams, (_, i) => streams.slice(0, i + 1).reduce((a, s) => a + s.qps, 0) / totalQps);
    this.lists = streams.map((s) => collected.get(s.copies)!);
  }

  /**
   * `warmUp` requests arrive unmeasured, then `measured` measured ones. The
   * loop is a method of its own, with nothing after it: code after a long loop
   * runs first once the loop is compiled, and would undo that compiled code.
   */
  arrivals(warmUp: number, measured: number): void {
    for (let b = 0; b < warmUp + measured; b++) this.arrive(b >= warmUp);
  }

  /** The next request arrives (after the copies in turn due before it): its copies seize servers, measured or not. */
  arrive(measured: boolean): void {
    const { random, streams, pending } = this;
    const arrival = this.nowMs + random.exponential(this.meanGapMs);
    while (pending.heap.size > 0 && pending.heap.topTime <= arrival) {
      const time = pending.heap.topTime;
      this.copyInTurn(pending.heap.pop(), time);
    }
    this.nowMs = arrival;
    let s = 0;
    if (streams.length > 1) {
      const u = random.uniform();
      while (s < streams.length - 1 && this.cumulative[s]! < u) s++;
    }
    const copies = streams[s]!.copies;
    if (streams[s]!.inTurn) {
      this.copyInTurn(pending.open(copies, s, measured), arrival);
      return;
    }
    if (this.serviceMs.length < copies) {
      this.serviceMs = new Float64Array(copies);
      this.warmUpTimes = new Float64Array(copies);
    }
    drawServiceMs(this.normals, this.service, this.serviceMs, copies);
    if (!measured) {
      this.pool.seizeTogether(arrival, this.serviceMs, copies, this.warmUpTimes, 0);
      return;
    }
    const list = this.lists[s]!;
    const start = list.length;
    const listValues = list.reserve(copies);
    this.pool.seizeTogether(arrival, this.serviceMs, copies, listValues, start);
    list.length += copies;
    const all = this.all;
    if (!all) return;
    const allValues = all.reserve(copies);
    for (let c = 0; c < copies; c++) allValues[all.length++] = listValues[start + c]!;
  }

  /** The copies in turn still under way after the last arrival. */
  finish(): void {
    const heap = this.pending.heap;
    while (heap.size > 0) {
      const time = heap.topTime;
      this.copyInTurn(heap.pop(), time);
    }
  }

  /** A copy in turn leaves its caller at `nowMs`: it seizes a server, and once back (with the callee's time after its own) the request's next copy is due. */
  private copyInTurn(slot: number, nowMs: number): void {
    const { pending } = this;
    const serviceMs = this.normals.logNormal(this.service.p50Ms, this.service.sigma);
    const own = this.pool.seize(nowMs, serviceMs) - nowMs + serviceMs;
    const measured = pending.isMeasured(slot);
    if (measured) this.all!.push(own);
    const whole = pending.back(slot, nowMs, own + this.after(this.random.uniform()));
    if (whole >= 0 && measured) this.turns.get(this.streams[pending.streamOf(slot)]!.copies)!.push(whole);
  }
}

/** Draws `count` log-normal service times into `out`: the median times e^(sigma z) of each. */
function drawServiceMs(normals: NormalStream, service: ServiceTime, out: Float64Array, count: number): void {
  const { p50Ms, sigma } = service;
  if (!(sigma > 0)) {
    out.fill(p50Ms, 0, count);
    return;
  }
  normals.fillLogNormal(out, count, p50Ms, sigma);
}

/** Draws from a distribution on the grid by its inverse CDF (a bucket table finds the start of each search). */
export function sampler(dist: Dist): (u: number) => number {
  const masses = dist.masses;
  const n = masses.length;
  const cumulative = new Float64Array(n);
  let c = dist.zero;
  for (let i = 0; i < n; i++) cumulative[i] = c += masses[i]!;
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
