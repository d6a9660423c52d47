/**
 * Chains of single-server nodes, each calling the next: every stage smooths
 * the arrivals of the one after it, so the waits downstream are shorter than
 * the Poisson model says, and a request's waits along the chain go together.
 * Neither the stage-by-stage model nor independent sums get the tail right,
 * so a chain is run on its own as a tandem of FCFS single servers (Lindley's
 * recursion, seeded, cached by its inputs) and each member's time to the end
 * of the chain is read off the run (docs/estimator.md, section 3).
 */
import type { Diagram, DiagramNode } from '../model/schema';
import { Memo } from '../memo';
import { SimRandom } from '../sim/random';
import { Dist } from './grid';
import { GRID_STEP } from './gridPoints';
import { hasCallPolicy } from './callPolicy';
import { serviceTime, type Queueing } from './queueing';
import { passShare } from './rates';
import { edgeEnds, nodeNumbers } from './nodeIndex';

/** Requests run through a chain (after a 10% warm-up). */
const REQUESTS = 300_000;
const SEED = 30_271;
/** Chain members simulated in one estimate, at most; the rest keep the stage-by-stage model (on the safe side). */
export const MAX_SIMULATED_CHAIN_NODES = 40;

/** One chain's run: per member, its own time (wait plus service) and its time to the end of the chain's own times. */
export interface ChainRun {
  /** Member ids, head first. */
  members: string[];
  own: Dist[];
  /** Per member: the sum of own times from it to the last member it reached, on requests that reached the tail, and on the rest. */
  toTail: { reached: number; viaTail: Dist; short: Dist }[];
}

/** Whether a node can be a link of a chain: one unsaturated server, modelled service, no batching. */
function singleServer(node: DiagramNode | undefined, queue: Queueing | undefined): boolean {
  return node?.latency !== undefined && !node.batching && queue !== undefined && !queue.saturated && queue.servers === 1 && queue.offeredLoad > 0;
}

/**
 * The chains of a diagram, head first: u links to v where u's only sync call
 * is one plain call (no retry or hedge) to v, and that call is all v
 * receives; both single servers, neither in `excluded` (pools sampled
 * otherwise). Chains of two or more members, up to MAX_SIMULATED_CHAIN_NODES
 * members in all, in node order; `skipped` has the rest.
 */
export function findChains(
  diagram: Pick<Diagram, 'nodes' | 'edges'>,
  queues: ReadonlyMap<string, Queueing>,
  excluded: ReadonlySet<string>,
): { chains: string[][]; skipped: string[][] } {
  // Over node numbers (nodeNumbers): counts and links in arrays, each edge's ends looked up once per estimate.
  const list = diagram.nodes;
  const numbers = nodeNumbers(list);
  const { source, target } = edgeEnds(diagram);
  const verdicts = new Int8Array(list.length);
  const eligible = (v: number) => {
    if (verdicts[v] === 0) {
      const id = list[v]!.id;
      verdicts[v] = !excluded.has(id) && singleServer(list[v], queues.get(id)) ? 1 : 2;
    }
    return verdicts[v] === 1;
  };
  const syncOut = new Int32Array(list.length);
  const arrivalsIn = new Int32Array(list.length);
  diagram.edges.forEach((edge, i) => {
    if ((edge.mode ?? 'sync') === 'offline' || target[i]! < 0) return;
    arrivalsIn[target[i]!]!++;
    if ((edge.mode ?? 'sync') === 'sync' && source[i]! >= 0) syncOut[source[i]!]!++;
  });
  const next = new Int32Array(list.length).fill(-1);
  const linked = new Uint8Array(list.length);
  diagram.edges.forEach((edge, i) => {
    if ((edge.mode ?? 'sync') !== 'sync' || (edge.calls ?? 1) !== 1 || hasCallPolicy(edge)) return;
    const [u, v] = [source[i]!, target[i]!];
    if (u < 0 || v < 0 || syncOut[u] !== 1 || arrivalsIn[v] !== 1) return;
    if (u !== v && eligible(u) && eligible(v)) {
      next[u] = v;
      linked[v] = 1;
    }
  });
  const chains: string[][] = [];
  const skipped: string[][] = [];
  let members = 0;
  // Each id once, by its number (its last node), in node order: no look-up per node.
  for (const v of numbers.values()) {
    if (next[v]! < 0 || linked[v] === 1) continue;
    const chain = [list[v]!.id];
    for (let w = next[v]!; w >= 0 && !chain.includes(list[w]!.id); w = next[w]!) chain.push(list[w]!.id);
    if (members + chain.length <= MAX_SIMULATED_CHAIN_NODES) {
      chains.push(chain);
      members += chain.length;
    } else skipped.push(chain);
  }
  return { chains, skipped };
}

const cache = new Memo<string, ChainRun>(64);

/** Runs one chain: Poisson arrivals at the head's rate, each member a single FCFS server, a miss at a cache passing on. */
export function runChain(members: readonly string[], nodes: ReadonlyMap<string, DiagramNode>, queues: ReadonlyMap<string, Queueing>): ChainRun {
  const stages = members.map((id) => {
    const node = nodes.get(id)!;
    return { service: serviceTime(node.latency!.p50Ms, node.latency!.p99Ms), pass: passShare(node) };
  });
  const head = queues.get(members[0]!)!;
  const arrivalsPerMs = head.offeredLoad / stages[0]!.service.meanMs;
  const key = JSON.stringify([GRID_STEP, arrivalsPerMs, stages.map((s) => [s.service.p50Ms, s.service.sigma, s.pass])]);
  const known = cache.get(key);
  if (known) return { ...known, members: [...members] };
  const run = simulateChain(arrivalsPerMs, stages);
  const result = { members: [...members], ...run };
  cache.set(key, result);
  return result;
}

function simulateChain(arrivalsPerMs: number, stages: { service: ReturnType<typeof serviceTime>; pass: number }[]): Omit<ChainRun, 'members'> {
  const random = new SimRandom(SEED);
  const total = Math.ceil(REQUESTS * 1.1);
  const warmUp = total - REQUESTS;
  const n = stages.length;
  // arrival[i]: when request i reaches the current stage (NaN once it has stopped); own[k * REQUESTS + i]: its own time at stage k.
  const arrival = new Float64Array(total);
  for (let i = 0, t = 0; i < total; i++) arrival[i] = t += random.exponential(1 / arrivalsPerMs);
  const own = new Float32Array(n * REQUESTS).fill(Number.NaN);
  for (let k = 0; k < n; k++) {
    const { service, pass } = stages[k]!;
    let freeAt = 0;
    for (let i = 0; i < total; i++) {
      const at = arrival[i]!;
      if (Number.isNaN(at)) continue;
      const start = at > freeAt ? at : freeAt;
      freeAt = start + random.logNormal(service.p50Ms, service.sigma);
      if (i >= warmUp) own[k * REQUESTS + i - warmUp] = freeAt - at;
      arrival[i] = k < n - 1 && (pass >= 1 || random.uniform() < pass) ? freeAt : Number.NaN;
    }
  }
  // Stryker disable next-line ArrayDeclaration: every member's entry is written below, from the last to the first
  const owns: Dist[] = [];
  // Stryker disable next-line ArrayDeclaration: every member's entry is written below, from the last to the first
  const toTail: ChainRun['toTail'] = [];
  const suffix = new Float64Array(REQUESTS);
  // Own times are kept in single precision (40 members x 300,000 requests stay under 50 MB); sums run in double.
  const reachedTail = new Uint8Array(REQUESTS);
  for (let i = 0; i < REQUESTS; i++) reachedTail[i] = Number.isNaN(own[(n - 1) * REQUESTS + i]!) ? 0 : 1;
  const present = new Float64Array(REQUESTS);
  const via = new Float64Array(REQUESTS);
  const short = new Float64Array(REQUESTS);
  for (let k = n - 1; k >= 0; k--) {
    const mine = own.subarray(k * REQUESTS, (k + 1) * REQUESTS);
    let counted = 0;
    let viaCount = 0;
    let shortCount = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const o = mine[i]!;
      if (Number.isNaN(o)) continue;
      const sum = (suffix[i] = suffix[i]! + o);
      present[counted++] = o;
      if (reachedTail[i]) via[viaCount++] = sum;
      else short[shortCount++] = sum;
    }
    owns[k] = Dist.fromSamples(present.subarray(0, counted));
    toTail[k] = {
      reached: viaCount / Math.max(1, counted),
      viaTail: Dist.fromSamples(via.subarray(0, viaCount)),
      short: shortCount > 0 ? Dist.fromSamples(short.subarray(0, shortCount)) : Dist.ZERO,
    };
  }
  return { own: owns, toTail };
}

/** A chain member's whole time T(v): its time to the end of the chain's own times, plus the tail's calls where it got there. */
export function chainTotal(run: ChainRun, id: string, tailMissed: Dist): Dist {
  const k = run.members.indexOf(id);
  const { reached, viaTail, short } = run.toTail[k]!;
  return Dist.mix(reached, viaTail.plus(tailMissed), short);
}
