/**
 * Checks the estimator's figures by simulation: a seeded discrete-event run of
 * the diagram with the estimator's semantics (network.ts, engine.ts), and the
 * figures it measures with their 95% confidence intervals.
 */
import type { Diagram } from '../model/schema';
import { Simulation } from './engine';
import { compileNetwork } from './network';
import { batchIntervals, sortedMean, sortedQuantile, type Interval } from './stats';

export interface SimulationOptions {
  /** Requests measured after the warm-up, over all entries; default 200,000. */
  requests?: number;
  /** Seed of the random draws; the same seed gives the same figures. Default 1. */
  seed?: number;
}

/** Default number of measured requests: p999 of one entry to a few percent on most designs. */
export const DEFAULT_REQUESTS = 200_000;
/** Consecutive batches for the confidence intervals. */
const BATCHES = 20;

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
  warmUpRequests: number;
  /** Simulated time over which rates and utilization were measured. */
  simulatedSeconds: number;
  entries: SimulatedEntry[];
  nodes: SimulatedNode[];
}

/** A run that a caller advances in slices (for progress and cancelling), then summarises. */
export interface SimulationRun {
  /** Runs up to `events` more events; true when done. */
  advance(events: number): boolean;
  /** Share of requests issued so far, 0 to 1. */
  readonly progress: number;
  /** The figures (call when `advance` returned true). */
  result(): SimulationResult;
}

/** Sets up a simulation of a structurally valid diagram (run `checkStructure` first). */
export function startSimulation(diagram: Pick<Diagram, 'nodes' | 'edges'>, options: SimulationOptions = {}): SimulationRun {
  const requests = Math.max(BATCHES, Math.floor(options.requests ?? DEFAULT_REQUESTS));
  const seed = options.seed ?? 1;
  const warmUp = Math.ceil(requests / 10);
  const network = compileNetwork(diagram);
  const simulation = new Simulation(network, requests, warmUp, seed);
  return {
    advance: (events) => simulation.advance(events),
    get progress() {
      return simulation.progress;
    },
    result() {
      const obs = simulation.observations();
      const seconds = obs.windowMs / 1000;
      const figures = [sortedMean, (s: Float64Array) => sortedQuantile(s, 0.5), (s: Float64Array) => sortedQuantile(s, 0.99), (s: Float64Array) => sortedQuantile(s, 0.999)];
      const entries: SimulatedEntry[] = network.entries.map((entry, i) => {
        const count = obs.counts[i]!;
        const id = network.nodes[entry.node]!.id;
        if (entry.unbounded || count === 0) return { node: id, requests: count, latencyMs: null };
        const [mean, p50, p99, p999] = batchIntervals(obs.samples[i]!.subarray(0, count), BATCHES, figures) as [Interval, Interval, Interval, Interval];
        return { node: id, requests: count, latencyMs: { mean, p50, p99, p999 } };
      });
      const nodes: SimulatedNode[] = network.nodes.map((node, i) => ({
        id: node.id,
        qps: seconds > 0 ? obs.visits[i]! / seconds : 0,
        utilization: node.timed && node.servers > 0 && !node.saturated && seconds > 0 ? obs.busyMs[i]! / (node.servers * obs.windowMs) : null,
        meanLatencyMs: obs.answers[i]! > 0 ? obs.latencySumMs[i]! / obs.answers[i]! : null,
      }));
      return { format: 'mlsd-studio/simulation', version: 1, seed, requests, warmUpRequests: warmUp, simulatedSeconds: seconds, entries, nodes };
    },
  };
}

/** Simulates a structurally valid diagram to the end, in one go. */
export function simulate(diagram: Pick<Diagram, 'nodes' | 'edges'>, options: SimulationOptions = {}): SimulationResult {
  const run = startSimulation(diagram, options);
  while (!run.advance(1 << 20));
  return run.result();
}
