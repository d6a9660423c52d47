/**
 * The sampled pools' runs (poolRun.ts) that an estimate can hand to a runner
 * before it composes the latencies: every pool whose copies all arrive
 * together or alone, since its run needs only its servers, its service and
 * its streams. A pool with copies in turn needs the time after its own too,
 * known only once composition reaches it, and runs where it is needed. A
 * runner (the command line's second thread) works through the jobs beside
 * the composition; each run is seeded, so whichever thread makes it, the
 * figures are the same, byte for byte.
 */
import { Dist } from './grid';
import { GRID_STEP, withGridStep } from './gridPoints';
import { COARSE_STEP } from './precision';
import { freshPoolRun, keepPool, knownPool, poolKey, runPool, simulatePool, type BatchStream, type PoolRun } from './poolRun';
import { serviceTime, type ServiceTime } from './queueing';

/** One pool's run, as its inputs: all a thread needs to make it. */
export interface PoolJob {
  servers: number;
  service: ServiceTime;
  streams: readonly BatchStream[];
  /** The latency grid's step the run's own times are spread on (gridPoints.ts). */
  gridStep: number;
}

/**
 * Runs pool jobs beside the estimate. `start` takes the jobs in the order
 * composition needs them and returns the batch's runs (PoolRuns).
 */
export interface PoolRunner {
  start(jobs: readonly PoolJob[]): PoolRuns;
}

/**
 * One batch's runs as composition takes them: each one once it is ready
 * (made by the runner, or on this thread by `next`), never a different run.
 */
export interface PoolRuns {
  /** Job i's run if it is ready now; never waits, never makes one. */
  ready(index: number): PoolRun | undefined;
  /**
   * For when composition can go no further without a run not ready yet: makes
   * one on this thread, or waits for the runner's, so that at least one job
   * more is ready on return (nothing, once every job is).
   */
  next(): void;
}

/** Makes one job's run on this thread (cached by its inputs, as every sampled pool's run). */
export function runPoolJob(job: PoolJob): PoolRun {
  return withGridStep(job.gridStep, () => simulatePool(job.servers, job.service, job.streams));
}

/** Makes one job's run afresh and keeps nothing of it: for a thread that hands the run's lists of times to another. */
export function freshPoolJobRun(job: PoolJob): PoolRun {
  return withGridStep(job.gridStep, () => freshPoolRun(job.servers, job.service, job.streams));
}

/** Copies of the warm-up run (warmUpPoolRuns): about a tenth of a run's work. */
const WARM_UP_COPIES = 40_000;
/** Any seed: the warm-up run's draws are never read. */
const SEED_OF_WARM_UP = 1;

/**
 * Makes one small run of a pool and drops it: a thread that is to make runs
 * compiles their code on it before its first job comes, and the tables of
 * the coarse grid that designs large enough to have such a thread use
 * (precision.ts). Without it, the first run a thread makes costs two to
 * three times one made after it.
 */
// Stryker disable next-line all: the warm-up only compiles code and builds tables; no figure reads its run
export function warmUpPoolRuns(): void {
  // Stryker disable next-line all: the warm-up only compiles code and builds tables; no figure reads its run
  withGridStep(COARSE_STEP, () => runPool(8, serviceTime(2, 6), [{ qps: 100, copies: 12 }], () => 0, WARM_UP_COPIES, SEED_OF_WARM_UP));
}

/** A sampled pool by id, with what its run needs (and, in its streams, whether copies arrive in turn). */
export interface PoolInput {
  id: string;
  servers: number;
  service: ServiceTime;
  streams: readonly BatchStream[];
}

/** The sampled pools whose runs are made ahead (poolsAhead), by id. */
export interface RunsAhead {
  ids: ReadonlySet<string>;
  /** Pool `id`'s run (one of `ids`) if it is ready now (made before, or by the runner since); never waits. */
  ready(id: string): PoolRun | undefined;
  /** Makes at least one more run ready, here or by waiting for the runner (PoolRuns.next). */
  next(): void;
  /**
   * Pool `id`'s run once it is ready (composition takes a pool only then, aheadOrder.ts); undefined for a pool that
   * runs where it is needed (copies in turn), and for one not ready, which is then made there too.
   */
  take(id: string): PoolRun | undefined;
}

/**
 * Lists the pools among `pools` (ids in composition order, each with its
 * servers, service and streams) whose runs can be made ahead, and starts the
 * runner on those not made before; returns their ids, and their runs by id
 * as composition reaches them.
 */
export function poolsAhead(runner: PoolRunner, pools: readonly PoolInput[]): RunsAhead {
  const keys = new Map<string, string>();
  // The runs ready, by key: those made before (held here, whatever the store lets go of since), then the runner's.
  const runs = new Map<string, PoolRun>();
  const pending: PoolJob[] = [];
  const pendingIndex = new Map<string, number>();
  for (const { id, servers, service, streams } of pools) {
    if (streams.some((s) => s.inTurn)) continue;
    const key = poolKey(servers, service, streams);
    keys.set(id, key);
    const known = knownPool(key);
    if (known) runs.set(key, known);
    else if (!pendingIndex.has(key)) {
      pendingIndex.set(key, pending.length);
      pending.push({ servers, service, streams, gridStep: GRID_STEP });
    }
  }
  const fromRunner = pending.length > 0 ? runner.start(pending) : undefined;
  const ready = (id: string): PoolRun | undefined => {
    const key = keys.get(id)!;
    let run = runs.get(key);
    if (!run && (run = fromRunner!.ready(pendingIndex.get(key)!))) {
      runs.set(key, run);
      keepPool(key, run);
    }
    return run;
  };
  return {
    ids: new Set(keys.keys()),
    ready,
    // Stryker disable next-line OptionalChaining: composition asks for one more run only while one is not ready, so only with a runner
    next: () => fromRunner?.next(),
    // Stryker disable next-line ArrowFunction: `ready` has kept the run in the store of runs too, where a pool made where it is needed finds it
    take: (id) => (keys.has(id) ? ready(id) : undefined),
  };
}

/** A pool's run as plain parts, for another thread: its own times' distribution and its lists of times. */
export interface PoolRunParts {
  zero: number;
  lo: number;
  masses: Float64Array;
  batches: [number, Float64Array][];
  turns: [number, Float64Array][];
}

/**
 * A run as parts, and the buffers to move rather than copy: each list of
 * times that has a buffer of its own (the run's lists, then empty on this
 * side), and a copy of the own distribution's masses, which may share theirs.
 */
export function poolRunParts(run: PoolRun): { parts: PoolRunParts; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const movable = (values: Float64Array): Float64Array => {
    const alone = values.byteOffset === 0 && values.byteLength === values.buffer.byteLength;
    const moved = alone ? values : values.slice();
    transfer.push(moved.buffer as ArrayBuffer);
    return moved;
  };
  const lists = (m: Map<number, Float64Array>): [number, Float64Array][] => [...m].map(([size, values]) => [size, movable(values)]);
  const masses = run.own.masses.slice();
  transfer.push(masses.buffer);
  return { parts: { zero: run.own.zero, lo: run.own.lo, masses, batches: lists(run.batches), turns: lists(run.turns) }, transfer };
}

/** Dist's constructor, which keeps masses as given (fromMasses would trim and scale them again, and could move the last bit). */
const makeDist = (zero: number, lo: number, masses: Float64Array): Dist => Reflect.construct(Dist, [zero, lo, masses]) as Dist;

/** The run the parts were made from: the same numbers, bit for bit. */
export function poolRunOf(parts: PoolRunParts): PoolRun {
  return { own: makeDist(parts.zero, parts.lo, parts.masses), batches: new Map(parts.batches), turns: new Map(parts.turns) };
}
