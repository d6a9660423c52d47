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
import { keepPool, knownPool, poolKey, simulatePool, type BatchStream, type PoolRun } from './poolRun';
import type { ServiceTime } from './queueing';

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
 * composition needs them and returns how to take job i's run, synchronously,
 * when it is needed: from the runner when it has made it, else made there
 * and then (runPoolJob); never a different run.
 */
export interface PoolRunner {
  start(jobs: readonly PoolJob[]): (index: number) => PoolRun;
}

/** Makes one job's run on this thread (cached by its inputs, as every sampled pool's run). */
export function runPoolJob(job: PoolJob): PoolRun {
  return withGridStep(job.gridStep, () => simulatePool(job.servers, job.service, job.streams));
}

/** A sampled pool by id, with what its run needs (and, in its streams, whether copies arrive in turn). */
export interface PoolInput {
  id: string;
  servers: number;
  service: ServiceTime;
  streams: readonly BatchStream[];
}

/**
 * Lists the pools among `pools` (ids in composition order, each with its
 * servers, service and streams) whose runs can be made ahead, starts the
 * runner on those not made before; returns their ids, and each one's run by
 * id as composition reaches it (undefined for a pool that runs where it is
 * needed).
 */
export function poolsAhead(runner: PoolRunner, pools: readonly PoolInput[]): { ids: ReadonlySet<string>; take(id: string): PoolRun | undefined } {
  const keys = new Map<string, string>();
  const pending: PoolJob[] = [];
  const pendingIndex = new Map<string, number>();
  for (const { id, servers, service, streams } of pools) {
    if (streams.some((s) => s.inTurn)) continue;
    const key = poolKey(servers, service, streams);
    keys.set(id, key);
    if (knownPool(key) === undefined && !pendingIndex.has(key)) {
      pendingIndex.set(key, pending.length);
      pending.push({ servers, service, streams, gridStep: GRID_STEP });
    }
  }
  const fromRunner = pending.length > 0 ? runner.start(pending) : undefined;
  return {
    ids: new Set(keys.keys()),
    take(id) {
      const key = keys.get(id);
      if (key === undefined) return undefined;
      const known = knownPool(key);
      if (known) return known;
      const run = fromRunner!(pendingIndex.get(key)!);
      keepPool(key, run);
      return run;
    },
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
