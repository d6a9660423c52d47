/**
 * Copies of one request that reach a pool at the same instant (a parallel
 * call with several copies) queue behind each other, and copies in turn
 * find the queue the previous one left: a model of independent arrivals
 * misses both. Where that matters (the copies are a sizeable share of the
 * pool's idle servers, or requests often wait), the pool alone is simulated
 * with those arrivals (poolRun.ts). This module chooses the pools, describes
 * their arrivals and reads the calls' times off the runs.
 */
import type { Diagram } from '../model/schema';
import { SimRandom } from '../sim/random';
import { Dist } from './grid';
import { sampler, type BatchStream, type PoolRun } from './poolRun';
import type { Queueing } from './queueing';
import { passShare, type Rate } from './rates';
import { nodeNumbers, nodesById } from './nodeIndex';

/** Copies of one parallel call at or above this share of a pool's idle servers count as a batch. */
export const BATCH_SHARE_OF_IDLE = 0.25;
const SEED = 20_261;

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

/** The most copies in turn of one sync call into each node. */
export function mostCallsInTurn(diagram: Pick<Diagram, 'edges'>): Map<string, number> {
  const most = new Map<string, number>();
  for (const edge of diagram.edges) {
    if ((edge.mode ?? 'sync') !== 'sync' || edge.fanout !== 'sequential') continue;
    const copies = Math.ceil((edge.calls ?? 1) - 1e-12);
    if (copies >= 2) most.set(edge.target, Math.max(most.get(edge.target) ?? 0, copies));
  }
  return most;
}

/**
 * Pools simulated with their batch arrivals in one estimate, at most. Each run
 * costs about a tenth of a second, so a design with hundreds of such pools
 * would take a minute to estimate; the pools where the batches weigh most are
 * simulated and the rest keep the analytic model, with a diagnostic that says so.
 */
export const MAX_SIMULATED_POOLS = 10;

/** Why a pool's arrivals are not independent: the widest parallel call into it, and the most copies in turn (0 where they do not matter). */
export interface PoolArrivals {
  together: number;
  inTurn: number;
}

/** The pools whose arrivals matter, split into those simulated and those left analytic (beyond MAX_SIMULATED_POOLS). */
export interface BatchPoolChoice {
  simulated: Map<string, PoolArrivals>;
  skipped: Map<string, PoolArrivals>;
}

/**
 * Chooses the pools to simulate: every pool where copies arriving together
 * matter (see batchMatters) or copies in turn often wait (see turnsMatter),
 * the most copies relative to idle servers first, ties in node order, so the
 * choice is deterministic.
 */
export function chooseBatchPools(
  diagram: Pick<Diagram, 'nodes' | 'edges'>,
  queues: ReadonlyMap<string, Queueing>,
): BatchPoolChoice {
  // Node order: each id's number (its last node, as nodesById).
  const order = nodeNumbers(diagram.nodes);
  const nodes = nodesById(diagram.nodes);
  const together = widestParallelCalls(diagram);
  const inTurn = mostCallsInTurn(diagram);
  const candidates: [string, PoolArrivals][] = [];
  for (const id of new Set([...together.keys(), ...inTurn.keys()])) {
    const node = nodes.get(id);
    const queue = queues.get(id);
    if (node?.latency === undefined || node.batching) continue;
    const arrivals = {
      together: batchMatters(together.get(id) ?? 0, queue) ? together.get(id)! : 0,
      inTurn: turnsMatter(inTurn.get(id) ?? 0, queue) ? inTurn.get(id)! : 0,
    };
    if (arrivals.together > 0 || arrivals.inTurn > 0) candidates.push([id, arrivals]);
  }
  const weight = (id: string, a: PoolArrivals) => {
    const q = queues.get(id)!;
    return Math.max(a.together, a.inTurn) / Math.max(q.servers - q.offeredLoad, 1e-9);
  };
  candidates.sort(([a, ca], [b, cb]) => weight(b, cb) - weight(a, ca) || order.get(a)! - order.get(b)!);
  return {
    simulated: new Map(candidates.slice(0, MAX_SIMULATED_POOLS)),
    skipped: new Map(candidates.slice(MAX_SIMULATED_POOLS)),
  };
}

/** Whether `copies` arriving together matter for a pool: a sizeable share of its idle servers. */
export function batchMatters(copies: number, queue: Queueing | undefined): boolean {
  return queue !== undefined && !queue.saturated && copies >= 2 && copies >= BATCH_SHARE_OF_IDLE * (queue.servers - queue.offeredLoad);
}

/** Chance of waiting at a pool from which copies in turn into it are simulated: their waits go together. */
export const SEQUENTIAL_WAIT_SHARE = 0.1;

/** Whether `copies` in turn matter for a pool: a copy that waited leaves the next one likely to wait too. */
export function turnsMatter(copies: number, queue: Queueing | undefined): boolean {
  return queue !== undefined && !queue.saturated && copies >= 2 && queue.waitProbability >= SEQUENTIAL_WAIT_SHARE;
}

/** The streams of calls reaching each of `targets`: parallel copies together, sync copies in turn one after another, other calls one by one. */
export function batchStreams(diagram: Pick<Diagram, 'nodes' | 'edges'>, targets: Iterable<string>, rates: ReadonlyMap<string, Rate>): Map<string, BatchStream[]> {
  const streams = new Map<string, BatchStream[]>();
  for (const target of targets) streams.set(target, []);
  if (streams.size === 0) return streams;
  const nodes = nodesById(diagram.nodes);
  for (const edge of diagram.edges) {
    const mode = edge.mode ?? 'sync';
    const list = streams.get(edge.target);
    if (!list || mode === 'offline') continue;
    const source = nodes.get(edge.source);
    if (!source) continue;
    const qps = rates.get(edge.source)!.peak * passShare(source);
    const n = edge.calls ?? 1;
    const sequential = (edge.fanout ?? 'parallel') === 'sequential';
    if (sequential && mode !== 'sync') {
      list.push({ qps: qps * n, copies: 1 });
      continue;
    }
    const whole = Math.floor(n);
    const fraction = n - whole;
    const stream = (share: number, copies: number): BatchStream =>
      sequential && copies >= 2 ? { qps: qps * share, copies, inTurn: true } : sequential ? { qps: qps * share * copies, copies: 1 } : { qps: qps * share, copies };
    if (whole > 0) list.push(stream(1 - fraction, whole));
    if (fraction > 1e-12) list.push(stream(fraction, whole + 1));
  }
  for (const [target, list] of streams) streams.set(target, list.filter((s) => s.qps > 0));
  return streams;
}

/** The time of a call of `copies` copies in turn into a simulated pool: each request's copies one after another, as the run measured them. */
export function turnCallTime(run: PoolRun, copies: number): Dist {
  const times = run.turns.get(copies);
  return times && times.length > 0 ? Dist.fromSamples(times) : Dist.ZERO;
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
  const times = after.isZero ? slowestOfEach(own, copies) : slowestAfterOfEach(own, copies, sampler(after), new SimRandom(SEED + copies));
  const time = Dist.fromSamples(times);
  if (after.isZero) {
    const sizes = slowestOwn.get(run) ?? new Map<number, Dist>();
    sizes.set(copies, time);
    slowestOwn.set(run, sizes);
  }
  return time;
}

// Each loop below is a function of its own, with nothing after it: code after a long loop runs first once the loop is compiled, and would undo that compiled code.

/** Per batch of `copies` consecutive own times, the slowest. */
function slowestOfEach(own: Float64Array, copies: number): Float64Array {
  const times = new Float64Array(Math.floor(own.length / copies));
  for (let b = 0; b < times.length; b++) {
    let slowest = 0;
    for (let c = b * copies; c < (b + 1) * copies; c++) if (own[c]! > slowest) slowest = own[c]!;
    times[b] = slowest;
  }
  return times;
}

/** Per batch of `copies` consecutive own times, the slowest of each plus a draw of the time after it. */
function slowestAfterOfEach(own: Float64Array, copies: number, draw: (u: number) => number, random: SimRandom): Float64Array {
  const times = new Float64Array(Math.floor(own.length / copies));
  for (let b = 0; b < times.length; b++) {
    let slowest = 0;
    for (let c = b * copies; c < (b + 1) * copies; c++) {
      const t = own[c]! + draw(random.uniform());
      if (t > slowest) slowest = t;
    }
    times[b] = slowest;
  }
  return times;
}
