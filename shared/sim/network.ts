/**
 * The diagram compiled for the simulator, with the estimator's semantics:
 * servers sized the same way (the sizing of docs/estimator.md, through `queueing`), the
 * same log-normal service, the same stages, copies, cache passes and async load,
 * and a model node's dynamic batcher with its executors.
 */
import type { Diagram, DiagramEdge } from '../model/schema';
import type { Batching } from '../model/serving';
import { topologicalOrder } from '../model/graph';
import { batchingRun } from '../estimator/batching';
import { hasCallPolicy } from '../estimator/callPolicy';
import { DEFAULT_HEDGE_PERCENTILE } from '../estimator/hedging';
import { syncStages } from '../estimator/latency';
import { capacityInput, queueing, serviceTime } from '../estimator/queueing';
import { passShare, propagateRates, trafficRate } from '../estimator/rates';
import { solve } from '../estimator/solve';
import type { SimPolicy } from './policyCalls';

/** One call of an edge: floor(n) or floor(n) + 1 copies of the target. */
export interface SimCall {
  target: number;
  whole: number;
  fraction: number;
  parallel: boolean;
  /** The edge's retries and hedge, if it has any. */
  policy: SimPolicy | null;
}

/** A node as the simulator runs it. */
export interface SimNode {
  id: string;
  /** Whether the node takes time of its own (it has a latency block). */
  timed: boolean;
  p50Ms: number;
  sigma: number;
  /** FCFS servers; 0 when the node never queues (no capacity block). */
  servers: number;
  /** More load than servers: its latency is unbounded, requests reaching it are not simulated. */
  saturated: boolean;
  /** Share of requests that go on to the calls (1 - hitRate for a cache). */
  pass: number;
  /** Sync calls by stage, in stage order. */
  stages: SimCall[][];
  /** Async calls: load, not latency. */
  async: SimCall[];
  /** A model pool with a dynamic batcher: its requests wait for a batch and run with it (`servers` is its executors). */
  batching: Batching | null;
}

/** A traffic entry: where requests start, at its peak rate. */
export interface SimEntry {
  node: number;
  peakQps: number;
  /** A node that requests from this entry wait on is saturated: no finite latency. */
  unbounded: boolean;
}

export interface SimNetwork {
  nodes: SimNode[];
  entries: SimEntry[];
  /** The edges' retries and hedges, each at its index. */
  policies: SimPolicy[];
}

/**
 * Rates at every node and each hedge's delay, as the estimator has them: with
 * retries and hedges, the load their extra copies add (solved with the
 * latencies where it depends on them) and the delay a hedge at a percentile
 * of the callee's latency waits.
 */
function loadAndDelays(diagram: Pick<Diagram, 'nodes' | 'edges'>): { rates: ReturnType<typeof propagateRates>; hedgeAfterMs: Map<string, number> } {
  if (!diagram.edges.some(hasCallPolicy)) return { rates: propagateRates(diagram), hedgeAfterMs: new Map() };
  const solution = solve(diagram as Diagram, topologicalOrder(diagram));
  const hedgeAfterMs = new Map<string, number>();
  for (const [id, outcome] of solution.policies) if (outcome?.hedge) hedgeAfterMs.set(id, outcome.hedge.afterMs);
  return { rates: solution.rates, hedgeAfterMs };
}

/** An edge's retries and hedge as the simulator runs them. */
function policyOf(edge: DiagramEdge, index: number, hedgeAfterMs: ReadonlyMap<string, number>): SimPolicy {
  const retry = edge.retry;
  return {
    index,
    failure: retry?.failureProbability ?? 0,
    retries: retry?.retries ?? 0,
    timeoutMs: retry?.timeoutMs ?? Infinity,
    backoffMs: retry?.backoffMs ?? 0,
    backoffMultiplier: retry?.backoffMultiplier ?? 1,
    budget: retry?.budget ?? Infinity,
    hedgeAfterMs: edge.hedge ? (hedgeAfterMs.get(edge.id) ?? Infinity) : Infinity,
    hedgePercentile: edge.hedge && edge.hedge.afterMs === undefined ? (edge.hedge.afterPercentile ?? DEFAULT_HEDGE_PERCENTILE) : null,
  };
}

/** Compiles a structurally valid diagram for the simulator. */
export function compileNetwork(diagram: Pick<Diagram, 'nodes' | 'edges'>): SimNetwork {
  const index = new Map(diagram.nodes.map((n, i) => [n.id, i]));
  const { rates, hedgeAfterMs } = loadAndDelays(diagram);
  const policies = new Map<string, SimPolicy>();
  const call = (edge: Diagram['edges'][number]): SimCall => {
    const n = edge.calls ?? 1;
    const whole = Math.floor(n);
    let policy = policies.get(edge.id) ?? null;
    if (!policy && hasCallPolicy(edge)) policies.set(edge.id, (policy = policyOf(edge, policies.size, hedgeAfterMs)));
    return { target: index.get(edge.target)!, whole, fraction: n - whole, parallel: (edge.fanout ?? 'parallel') === 'parallel', policy };
  };
  const nodes: SimNode[] = diagram.nodes.map((node) => {
    const sync = diagram.edges.filter((e) => e.source === node.id && (e.mode ?? 'sync') === 'sync' && index.has(e.target));
    const asyncEdges = diagram.edges.filter((e) => e.source === node.id && e.mode === 'async' && index.has(e.target));
    const service = node.latency ? serviceTime(node.latency.p50Ms, node.latency.p99Ms) : undefined;
    let servers = 0;
    let saturated = false;
    if (node.batching) {
      // As the estimator sizes it: executors are replicas x concurrency.
      const run = batchingRun(rates.get(node.id)!.peak, node.batching, capacityInput(node.capacity ?? {}));
      servers = run.executors;
      saturated = run.saturated;
    } else if (service && node.capacity) {
      const q = queueing(rates.get(node.id)!.peak, service, capacityInput(node.capacity));
      servers = q.servers;
      saturated = q.saturated;
    }
    return {
      id: node.id,
      timed: service !== undefined || node.batching !== undefined,
      p50Ms: service?.p50Ms ?? 0,
      sigma: service?.sigma ?? 0,
      servers,
      saturated,
      pass: passShare(node),
      stages: syncStages(sync).map((group) => group.edges.map(call)),
      async: asyncEdges.map(call),
      batching: node.batching ?? null,
    };
  });
  const unbounded = new Map<number, boolean>();
  const isUnbounded = (i: number, path: Set<number>): boolean => {
    const known = unbounded.get(i);
    if (known !== undefined) return known;
    if (path.has(i)) return false;
    path.add(i);
    const node = nodes[i]!;
    const result = node.saturated || (node.pass > 0 && node.stages.some((stage) => stage.some((c) => isUnbounded(c.target, path))));
    path.delete(i);
    unbounded.set(i, result);
    return result;
  };
  const entries = diagram.nodes
    .map((node, i) => ({ node: i, peakQps: node.kind === 'traffic' ? trafficRate(node).peak : 0, kind: node.kind }))
    .filter((e) => e.kind === 'traffic')
    .map(({ node, peakQps }) => ({ node, peakQps, unbounded: isUnbounded(node, new Set()) }));
  return { nodes, entries, policies: [...policies.values()] };
}
