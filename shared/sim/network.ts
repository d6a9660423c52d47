/**
 * The diagram compiled for the simulator, with the estimator's semantics:
 * servers sized the same way (the sizing of docs/estimator.md, through `queueing`), the
 * same log-normal service, the same stages, copies, cache passes and async load.
 */
import type { Diagram } from '../model/schema';
import { syncStages } from '../estimator/latency';
import { capacityInput, queueing, serviceTime } from '../estimator/queueing';
import { passShare, propagateRates, trafficRate } from '../estimator/rates';

/** One call of an edge: floor(n) or floor(n) + 1 copies of the target. */
export interface SimCall {
  target: number;
  whole: number;
  fraction: number;
  parallel: boolean;
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
}

/** Compiles a structurally valid diagram for the simulator. */
export function compileNetwork(diagram: Pick<Diagram, 'nodes' | 'edges'>): SimNetwork {
  const index = new Map(diagram.nodes.map((n, i) => [n.id, i]));
  const rates = propagateRates(diagram);
  const call = (edge: Diagram['edges'][number]): SimCall => {
    const n = edge.calls ?? 1;
    const whole = Math.floor(n);
    return { target: index.get(edge.target)!, whole, fraction: n - whole, parallel: (edge.fanout ?? 'parallel') === 'parallel' };
  };
  const nodes: SimNode[] = diagram.nodes.map((node) => {
    const sync = diagram.edges.filter((e) => e.source === node.id && (e.mode ?? 'sync') === 'sync' && index.has(e.target));
    const asyncEdges = diagram.edges.filter((e) => e.source === node.id && e.mode === 'async' && index.has(e.target));
    const service = node.latency ? serviceTime(node.latency.p50Ms, node.latency.p99Ms) : undefined;
    let servers = 0;
    let saturated = false;
    if (service && node.capacity) {
      const q = queueing(rates.get(node.id)!.peak, service, capacityInput(node.capacity));
      servers = q.servers;
      saturated = q.saturated;
    }
    return {
      id: node.id,
      timed: service !== undefined,
      p50Ms: service?.p50Ms ?? 0,
      sigma: service?.sigma ?? 0,
      servers,
      saturated,
      pass: passShare(node),
      stages: syncStages(sync).map((group) => group.edges.map(call)),
      async: asyncEdges.map(call),
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
  return { nodes, entries };
}
