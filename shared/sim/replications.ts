/**
 * A simulation run as independent replications: the run's measured requests
 * are shared out among REPLICATIONS runs of the same design, each with its
 * own random streams and its own warm-up (not measured), which a host may run
 * side by side (one a thread) or one after another with the same figures.
 * simulate.ts merges what they measured.
 */
import type { Diagram } from '../model/schema';
import { Simulation } from './engine';
import { compileNetwork, type SimNetwork } from './network';
import { BATCHES_PER_REPLICATION, replicationRequests, replicationStreams, type ReplicationPart } from './replicationParts';
import { batchFigures, sortedMean, sortedQuantile, type Figure } from './stats';

/** The figures read off each batch and off the whole run: mean, p50, p99, p999. */
export const FIGURES: readonly Figure[] = [sortedMean, (s) => sortedQuantile(s, 0.5), (s) => sortedQuantile(s, 0.99), (s) => sortedQuantile(s, 0.999)];

/** A replication advanced in slices (for progress and cancelling). */
export interface ReplicationRun {
  /** Runs up to `events` more events; true when done. */
  advance(events: number): boolean;
  /** Share of its requests issued so far, 0 to 1. */
  readonly progress: number;
  /** What it measured (call when `advance` returned true). */
  part(): ReplicationPart;
}

/** Sets up replication `replication` of a run of `requests` measured requests (over all replications) with this seed. */
export function startReplication(network: SimNetwork, requests: number, seed: number, replication: number): ReplicationRun {
  const own = replicationRequests(requests, replication);
  const warmUp = Math.ceil(own / 10);
  const simulation = new Simulation(network, own, warmUp, replicationStreams(seed, replication));
  return {
    advance: (events) => simulation.advance(events),
    get progress() {
      return simulation.progress;
    },
    part() {
      const obs = simulation.observations();
      const samples = network.entries.map((entry, i) => (entry.unbounded ? new Float64Array(0) : obs.samples[i]!.subarray(0, obs.counts[i]!)));
      return {
        replication,
        requests: own,
        warmUpRequests: warmUp,
        windowMs: obs.windowMs,
        batches: samples.map((values) => batchFigures(values, BATCHES_PER_REPLICATION, FIGURES)),
        sorted: samples.map((values) => Float64Array.from(values).sort()),
        visits: obs.visits,
        busyMs: obs.busyMs,
        answers: obs.answers,
        latencySumMs: obs.latencySumMs,
      };
    },
  };
}

/** Runs one replication of a structurally valid diagram to the end (what a second thread does). */
export function runReplication(diagram: Pick<Diagram, 'nodes' | 'edges'> | SimNetwork, requests: number, seed: number, replication: number): ReplicationPart {
  const network = 'entries' in diagram ? diagram : compileNetwork(diagram);
  const run = startReplication(network, requests, seed, replication);
  while (!run.advance(1 << 20));
  return run.part();
}
