import type { Diagram, DiagramEdge, DiagramNode } from '../model/schema';
import { Dist } from './grid';
import { passShare } from './rates';
import type { Queueing } from './queueing';
import { serviceTime } from './queueing';
import { mg1Wait } from './mg1';
import { batchCallTime, batchStreams, chooseBatchPools, turnCallTime, type BatchPoolChoice } from './batches';
import { simulatePool, type BatchStream, type PoolRun } from './poolRun';
import { poolsAhead, type PoolInput, type PoolRunner } from './poolJobs';
import { composeAsRunsArrive } from './aheadOrder';
import { chainTotal, findChains, runChain, type ChainRun } from './chains';
import type { Rate } from './rates';
import { callPolicy, hasCallPolicy } from './callPolicy';
import { byNumber, edgeEnds, idNumbers, nodeNumbers, nodesById, slots } from './nodeIndex';

/** One sync call of a node and the distribution of its time (K copies of the callee). */
export interface CallTime {
  edge: DiagramEdge;
  /** The callee's node number (nodeNumbers). */
  callee: number;
  dist: Dist;
}

/** The sync edges of one stage, issued together, and the time of the stage (the slowest). */
export interface StageTime {
  stage: number;
  calls: CallTime[];
  dist: Dist;
}

/** How a node's latency T(v) is composed; `total` is null when unbounded. */
export interface NodeLatency {
  /** Wait plus own service, W(v) + S(v). */
  own: Dist;
  stages: readonly StageTime[];
  /** prefixes[s]: the time of stages 0..s together; the last one is all the calls. */
  prefixes: readonly Dist[];
  /** The calls' time on a request: all stages on a miss, nothing on a hit. */
  missed: Dist;
  /** Probability that the node makes its calls: 1 - hitRate. */
  pass: number;
  total: Dist | null;
}

/** What an estimate samples instead of modelling: the pools with batch arrivals, and the chains of single servers. */
export interface Sampled {
  pools: BatchPoolChoice;
  chains: { chains: string[][]; skipped: string[][] };
}

/** Chooses the pools and chains an estimate samples (batches.ts, chains.ts): once per solve, shared with the diagnostics that say so. */
export function sampledParts(diagram: Pick<Diagram, 'nodes' | 'edges'>, queues: ReadonlyMap<string, Queueing>): Sampled {
  const pools = chooseBatchPools(diagram, queues);
  return { pools, chains: findChains(diagram, queues, new Set(pools.simulated.keys())) };
}

/** Groups a node's sync edges into stages: explicit `stage`, else the edge's position. */
export function syncStages(edges: readonly DiagramEdge[]): { stage: number; edges: DiagramEdge[] }[] {
  return stagesOf(edges, (edge) => edge.stage);
}

/** syncStages over a node's edges as anything that tells an edge's `stage`. */
function stagesOf<T>(edges: readonly T[], stageOf: (edge: T) => number | undefined): { stage: number; edges: T[] }[] {
  // No edges, or one (most nodes): the grouping below gives the same stages, with more work.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the grouping below gives the same stages
  if (edges.length === 0) return [];
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the grouping below gives the same stages
  if (edges.length === 1) return [{ stage: stageOf(edges[0]!) ?? 0, edges: [edges[0]!] }];
  // The stages kept in ascending order as they come (a node has few): each edge joins its stage's list, or a new one at its place.
  const stages: { stage: number; edges: T[] }[] = [];
  for (let position = 0; position < edges.length; position++) {
    const edge = edges[position]!;
    const stage = stageOf(edge) ?? position;
    let at = stages.length;
    while (at > 0 && stages[at - 1]!.stage > stage) at--;
    if (at > 0 && stages[at - 1]!.stage === stage) stages[at - 1]!.edges.push(edge);
    else stages.splice(at, 0, { stage, edges: [edge] });
  }
  return stages;
}

/** The time of one call: K = floor(n) or floor(n)+1 copies of the callee, issued together or in turn. */
export function callTime(edge: DiagramEdge, callee: Dist): Dist {
  const n = edge.calls ?? 1;
  const k = Math.floor(n);
  const fraction = n - k;
  const copies = (count: number) => ((edge.fanout ?? 'parallel') === 'parallel' ? callee.maxOf(count) : callee.sumOf(count));
  if (fraction < 1e-12) return copies(k);
  return Dist.mix(fraction, copies(k + 1), copies(k));
}

/**
 * The node's own time: its service time, plus the queueing wait when it has
 * servers: exact (Pollaczek-Khinchine, mg1.ts) for one server, else the
 * Allen-Cunneen exponential wait.
 */
export function ownTime(node: DiagramNode, queue: Queueing | undefined): Dist {
  if (!node.latency) return Dist.ZERO;
  const service = serviceTime(node.latency.p50Ms, node.latency.p99Ms);
  if (!queue || queue.saturated || queue.waitProbability <= 0) return Dist.logNormal(service.p50Ms, service.sigma);
  if (queue.servers === 1) return Dist.logNormal(service.p50Ms, service.sigma).plus(mg1Wait(service, queue.utilization));
  return Dist.logNormalPlusWait(service.p50Ms, service.sigma, queue.waitProbability, queue.waitWhenWaitingMs);
}

/**
 * T(v) for every node (docs/estimator.md, section 3), callees before callers:
 * T(v) = W(v) + S(v) + miss(v) * sum over stages of the slowest call in the stage.
 * `owns` replaces W(v) + S(v) where a node's own time is modelled elsewhere
 * (a batching pool); an edge's retries and hedges shape each copy of its call.
 * With `rates`, the pools and chains in `parts` are sampled (chosen here unless given).
 * A saturated node, and every node that calls it synchronously, is unbounded.
 */
export function composeLatencies(
  diagram: Pick<Diagram, 'nodes' | 'edges'>,
  order: readonly string[],
  queues: ReadonlyMap<string, Queueing>,
  rates?: ReadonlyMap<string, Rate>,
  owns?: ReadonlyMap<string, Dist>,
  parts: Sampled | undefined = rates ? sampledParts(diagram, queues) : undefined,
): Map<string, NodeLatency> {
  const composed = composeByNumber(diagram, order, { byId: queues, byNumber: byNumber(diagram.nodes, queues) }, rates, owns, parts);
  return latenciesById(composed, order);
}

/** Latencies by node number (nodeNumbers of `nodes`): what the passes after the composition read. */
export interface NumberedLatencies {
  nodes: readonly DiagramNode[];
  of: readonly (NodeLatency | undefined)[];
}

/** One node's latency by id (its last node's, as nodesById); undefined where no node has the id or the order left it out. */
export function latencyById(latencies: NumberedLatencies, id: string): NodeLatency | undefined {
  const v = nodeNumbers(latencies.nodes).get(id);
  return v === undefined ? undefined : latencies.of[v];
}

/** The modelled queues by id and by node number. */
export interface NumberedQueues {
  byId: ReadonlyMap<string, Queueing>;
  byNumber: readonly (Queueing | undefined)[];
}

/** Numbered latencies as a map by id, keyed in the order they were composed: callees first. */
export function latenciesById(composed: NumberedLatencies, order: readonly string[]): Map<string, NodeLatency> {
  const steps = idNumbers(composed.nodes, order);
  const result = new Map<string, NodeLatency>();
  for (let i = order.length - 1; i >= 0; i--) result.set(order[i]!, composed.of[steps[i]!]!);
  return result;
}

/** A node that makes no sync calls: no stages, no prefixes (shared, never written). */
const NO_STAGES: readonly StageTime[] = [];
const NO_PREFIXES: readonly Dist[] = [];

/**
 * composeLatencies by node number, over each id's last node (nodesById). With
 * a `runner`, the sampled pools whose runs need nothing composed (poolJobs.ts)
 * are handed to it first, and taken from it as composition reaches them.
 */
export function composeByNumber(
  diagram: Pick<Diagram, 'nodes' | 'edges'>,
  order: readonly string[],
  queues: NumberedQueues,
  rates?: ReadonlyMap<string, Rate>,
  owns?: ReadonlyMap<string, Dist>,
  parts?: Sampled,
  runner?: PoolRunner,
): NumberedLatencies {
  const { nodes, edges } = diagram;
  const steps = idNumbers(nodes, order);
  const { source, target } = edgeEnds(diagram);
  const sampled: ReadonlyMap<string, unknown> = rates && parts ? parts.pools.simulated : new Map();
  const arrivals = rates ? batchStreams(diagram, sampled.keys(), rates) : new Map<string, BatchStream[]>();
  const ahead = runner && sampled.size > 0 ? poolsAhead(runner, poolInputs(order, nodes, steps, queues, sampled, arrivals)) : undefined;
  // By node number: the sampled pools and their runs, the nodes' own times given, the chain each node is in.
  const numbers = nodeNumbers(nodes);
  const isSampled = new Uint8Array(nodes.length);
  for (const id of sampled.keys()) isSampled[numbers.get(id)!] = 1;
  const poolOf = slots<PoolRun>(nodes.length);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty map gives no own time by number either; this only saves the slots
  const ownOf = owns && owns.size > 0 ? byNumber(nodes, owns) : undefined;
  const chainOf = slots<string[]>(nodes.length);
  if (rates && parts) for (const chain of parts.chains.chains) for (const id of chain) chainOf[numbers.get(id)!] = chain;
  const chainRuns = new Map<string[], { run: ChainRun; tailMissed?: Dist }>();
  // Each node's sync calls to known nodes, as edge numbers in edge order.
  const syncOut = slots<number[]>(nodes.length);
  for (let e = 0; e < edges.length; e++) {
    if ((edges[e]!.mode ?? 'sync') !== 'sync' || target[e]! < 0 || source[e]! < 0) continue;
    (syncOut[source[e]!] ??= []).push(e);
  }
  const result = slots<NodeLatency>(nodes.length);
  const stageOf = (e: number) => edges[e]!.stage;
  const composeStep = (i: number): void => {
    const id = order[i]!;
    const v = steps[i]!;
    const node = nodes[v]!;
    const queue = queues.byNumber[v];
    const pass = passShare(node);
    let unbounded = queue?.saturated === true;
    const out = syncOut[v];
    let stages = NO_STAGES;
    let prefixes = NO_PREFIXES;
    let downstream = Dist.ZERO;
    if (out) {
      const staged: StageTime[] = (stages = []);
      const summed: Dist[] = (prefixes = []);
      for (const group of stagesOf(out, stageOf)) {
        const calls: CallTime[] = [];
        let slowest = Dist.ZERO;
        for (const e of group.edges) {
          const edge = edges[e]!;
          const callee = result[target[e]!]!;
          if (callee.total === null) {
            if (pass > 0) unbounded = true;
            continue;
          }
          const pool = poolOf[target[e]!];
          const dist = pool ? batchedCallTime(edge, callee, pool) : callTime(edge, hasCallPolicy(edge) ? callPolicy(edge, callee.total).time : callee.total);
          calls.push({ edge, callee: target[e]!, dist });
          slowest = slowest.max(dist);
        }
        staged.push({ stage: group.stage, calls, dist: slowest });
        downstream = downstream.plus(slowest);
        summed.push(downstream);
      }
    }
    const missed = Dist.mix(pass, downstream, Dist.ZERO);
    if (isSampled[v] === 1) poolOf[v] = ahead?.take(id) ?? simulateArrivals(node, queue!, arrivals.get(id)!, missed);
    const given = ownOf?.[v];
    const chain = given ? undefined : chainOf[v];
    if (chain) {
      const known = chainRuns.get(chain) ?? { run: runChain(chain, nodesById(nodes), queues.byId) };
      chainRuns.set(chain, known);
      if (id === chain.at(-1)) known.tailMissed = missed;
      const own = known.run.own[chain.indexOf(id)]!;
      const total = unbounded ? null : id === chain.at(-1) ? own.plus(missed) : chainTotal(known.run, id, known.tailMissed!);
      result[v] = { own, stages, prefixes, missed, pass, total };
      return;
    }
    const own = given ?? poolOf[v]?.own ?? ownTime(node, queue);
    const total = unbounded ? null : own.plus(missed);
    result[v] = { own, stages, prefixes, missed, pass, total };
  };
  if (!ahead) {
    for (let i = order.length - 1; i >= 0; i--) composeStep(i);
    return { nodes, of: result };
  }
  // With runs made ahead: first every node that needs none of them (each node's latency needs only its callees'), while
  // they are being made, then the pools and the nodes that call them, each as soon as the runs it needs are ready.
  const waits = needsRuns(order, steps, syncOut, target, ahead.ids);
  for (let i = order.length - 1; i >= 0; i--) if (!waits[steps[i]!]) composeStep(i);
  composeAsRunsArrive(order, steps, syncOut, target, waits, ahead, composeStep);
  return { nodes, of: result };
}

/** By node number: 1 where a node's latency needs a run made ahead (it is such a pool, or calls one through its sync calls). */
export function needsRuns(order: readonly string[], steps: ArrayLike<number>, syncOut: readonly (number[] | undefined)[], target: ArrayLike<number>, ids: ReadonlySet<string>): Uint8Array {
  const waits = new Uint8Array(syncOut.length);
  for (let i = order.length - 1; i >= 0; i--) {
    const v = steps[i]!;
    waits[v] = ids.has(order[i]!) || (syncOut[v]?.some((e) => waits[target[e]!] === 1) ?? false) ? 1 : 0;
  }
  return waits;
}

/**
 * Runs a pool whose copies arrive together or in turn with those arrivals
 * (poolRun.ts); `missed` is its time after its own, which a copy in turn
 * waits for before the next one leaves.
 */
function simulateArrivals(node: DiagramNode, queue: Queueing, streams: readonly BatchStream[], missed: Dist): PoolRun {
  return simulatePool(queue.servers, poolService(node), streams, missed);
}

/** A sampled pool's service time, from its node's latency. */
const poolService = (node: DiagramNode) => serviceTime(node.latency!.p50Ms, node.latency!.p99Ms);

/** The sampled pools' inputs, in the order composition reaches them (the order's last id first). */
function poolInputs(
  order: readonly string[],
  nodes: readonly DiagramNode[],
  steps: ArrayLike<number>,
  queues: NumberedQueues,
  sampled: ReadonlyMap<string, unknown>,
  arrivals: ReadonlyMap<string, BatchStream[]>,
): PoolInput[] {
  const inputs: PoolInput[] = [];
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    if (!sampled.has(id)) continue;
    const node = nodes[steps[i]!]!;
    inputs.push({ id, servers: queues.byNumber[steps[i]!]!.servers, service: poolService(node), streams: arrivals.get(id)! });
  }
  return inputs;
}

/** A call into a simulated pool: parallel copies from the run's batches, copies in turn from its requests in turn. */
function batchedCallTime(edge: DiagramEdge, callee: NodeLatency, pool: PoolRun): Dist {
  const n = edge.calls ?? 1;
  const k = Math.floor(n);
  const fraction = n - k;
  const inTurn = (edge.fanout ?? 'parallel') === 'sequential';
  const copies = (count: number) =>
    count === 0 ? Dist.ZERO : count === 1 ? callee.total! : inTurn ? turnCallTime(pool, count) : batchCallTime(pool, count, callee.missed);
  if (fraction < 1e-12) return copies(k);
  return Dist.mix(fraction, copies(k + 1), copies(k));
}
