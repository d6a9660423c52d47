/**
 * Checks the estimator's figures by simulation: a seeded discrete-event run of
 * the diagram with the estimator's semantics (network.ts, engine.ts), and the
 * figures it measures with their 95% confidence intervals.
 */
import type { Diagram } from '../model/schema';
import { compileNetwork, type SimNetwork } from './network';
import { BATCHES_PER_REPLICATION, REPLICATIONS, type ReplicationPart } from './replicationParts';
import { FIGURES, runReplication } from './replications';
import { batchInterval, mergeSorted, type Interval } from './stats';

export interface SimulationOptions {
  /** Requests measured after the warm-ups, over all entries and replications; default 200,000. */
  requests?: number;
  /** Seed of the random draws; the same seed gives the same figures. Default 1. */
  seed?: number;
}

/** Default number of measured requests: p999 of one entry to a few percent on most designs. */
export const DEFAULT_REQUESTS = 200_000;

/** One entry's simulated latency; null when a node it waits on is saturated. */
export interface SimulatedEntry {
  node: string;
  requests: number;
  latencyMs: { mean: Interval; p50: Interval; p99: Interval; p999: Interval } | null;
}

/** One node's measured load: visits per second and busy share of its servers. */
export interface SimulatedNode {
  id: string;
  qps: number;
  /** Busy time over servers x time; null without a pool. */
  utilization: number | null;
  /** Mean time from arrival at the node to its answer, ms; null when never visited. */
  meanLatencyMs: number | null;
}

/** What `mlsd simulate --json` prints. */
export interface SimulationResult {
  format: 'mlsd-studio/simulation';
  version: 1;
  seed: number;
  requests: number;
  /** Requests simulated before the measured ones, over all replications. */
  warmUpRequests: number;
  /** Independent replications the requests were shared among (replications.ts). */
  replications: number;
  /** Simulated time over which rates and utilization were measured, summed over the replications. */
  simulatedSeconds: number;
  entries: SimulatedEntry[];
  nodes: SimulatedNode[];
}

/** The measured requests (at least one for each batch of every replication) and the seed a run takes from its options. */
export function runSize(options: SimulationOptions): { requests: number; seed: number } {
  return { requests: Math.max(REPLICATIONS * BATCHES_PER_REPLICATION, Math.floor(options.requests ?? DEFAULT_REQUESTS)), seed: options.seed ?? 1 };
}

/**
 * The figures of a run from its replications' parts (in replication order):
 * each entry's figures read off all its measured requests together, with
 * intervals over the batches of every replication; rates and utilization
 * from visits, busy time and windows summed over the replications.
 */
export function mergeReplications(network: SimNetwork, parts: readonly ReplicationPart[], seed: number): SimulationResult {
  const sum = (of: (part: ReplicationPart) => number) => parts.reduce((total, part) => total + of(part), 0);
  const windowMs = sum((p) => p.windowMs);
  const seconds = windowMs / 1000;
  const entries: SimulatedEntry[] = network.entries.map((entry, i) => {
    const id = network.nodes[entry.node]!.id;
    const count = sum((p) => p.sorted[i]!.length);
    if (entry.unbounded || count === 0) return { node: id, requests: count, latencyMs: null };
    const all = mergeSorted(parts.map((p) => p.sorted[i]!));
    const [mean, p50, p99, p999] = FIGURES.map((figure, f) => batchInterval(figure(all), parts.flatMap((p) => p.batches[i]![f]!))) as [Interval, Interval, Interval, Interval];
    return { node: id, requests: count, latencyMs: { mean, p50, p99, p999 } };
  });
  const nodes: SimulatedNode[] = network.nodes.map((node, i) => {
    const answers = sum((p) => p.answers[i]!);
    return {
      id: node.id,
      qps: seconds > 0 ? sum((p) => p.visits[i]!) / seconds : 0,
      utilization: node.timed && node.servers > 0 && !node.saturated && seconds > 0 ? sum((p) => p.busyMs[i]!) / (node.servers * windowMs) : null,
      meanLatencyMs: answers > 0 ? sum((p) => p.latencySumMs[i]!) / answers : null,
    };
  });
  return {
    format: 'mlsd-studio/simulation',
    version: 1,
    seed,
    requests: sum((p) => p.requests),
    warmUpRequests: sum((p) => p.warmUpRequests),
    replications: parts.length,
    simulatedSeconds: seconds,
    entries,
    nodes,
  };
}

/** Simulates a structurally valid diagram (run `checkStructure` first) to the end, its replications one after another. */
export function simulate(diagram: Pick<Diagram, 'nodes' | 'edges'>, options: SimulationOptions = {}): SimulationResult {
  const { requests, seed } = runSize(options);
  const network = compileNetwork(diagram);
  return mergeReplications(network, Array.from({ length: REPLICATIONS }, (_, r) => runReplication(network, requests, seed, r)), seed);
}

/** One replication of a run, as another thread is asked for it. */
export interface ReplicationRequest {
  diagram: Pick<Diagram, 'nodes' | 'edges'>;
  requests: number;
  seed: number;
  replication: number;
}

/**
 * Runs a replication elsewhere (on another thread); undefined, or a promise
 * of undefined or a failure, where it cannot, and the replication runs here.
 */
export type ReplicationHost = (request: ReplicationRequest) => Promise<ReplicationPart | undefined> | undefined;

/**
 * Simulates a structurally valid diagram with every replication but the
 * first handed to `elsewhere` (other threads), the first run here meanwhile:
 * the same figures as `simulate`, whichever thread runs which replication.
 */
export async function simulateAcross(diagram: Pick<Diagram, 'nodes' | 'edges'>, options: SimulationOptions, elsewhere: ReplicationHost | undefined): Promise<SimulationResult> {
  const { requests, seed } = runSize(options);
  const plain = { nodes: diagram.nodes, edges: diagram.edges };
  const away = Array.from({ length: REPLICATIONS }, (_, r) => (r === 0 ? undefined : elsewhere?.({ diagram: plain, requests, seed, replication: r })?.catch(() => undefined)));
  const network = compileNetwork(diagram);
  const parts: ReplicationPart[] = [];
  for (let r = 0; r < REPLICATIONS; r++) parts.push((await away[r]) ?? runReplication(network, requests, seed, r));
  return mergeReplications(network, parts, seed);
}
