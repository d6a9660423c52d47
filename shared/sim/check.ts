/**
 * "Check by simulation" as one job: validate the structure, simulate in
 * slices (reporting progress, so a host can show it and stop between
 * slices), and compare with the estimate of the same diagram. The run's
 * replications (replications.ts) may be shared among several such jobs on
 * several threads: each runs those it is given, and the one that is to finish
 * the check takes the others' parts as they arrive.
 */
import { estimate } from '../estimator/estimate';
import { DEFAULT_CATALOG } from '../catalog';
import { checkStructure } from '../model/structure';
import type { Diagram } from '../model/schema';
import { compareWithEstimate, type EntryComparison } from './compare';
import { compileNetwork } from './network';
import { REPLICATIONS, type ReplicationPart } from './replicationParts';
import { startReplication, type ReplicationRun } from './replications';
import { mergeReplications, runSize, type SimulationResult } from './simulate';

/** Events per slice: a few milliseconds of work between progress reports. */
export const SLICE_EVENTS = 50_000;

export type SimulationCheck =
  | { ok: true; simulation: SimulationResult; comparison: EntryComparison[] }
  | { ok: false; message: string };

/** A check under way on one thread. */
export interface CheckJob {
  /** Per replication, the share of its requests issued that this job knows of (0 for one run elsewhere and not yet received). */
  progress(): number[];
  /** Runs one slice; returns the outcome once every replication's part is here, else null (`waiting` says whether there is work left here). */
  step(): SimulationCheck | null;
  /** Whether this job has run all it was given and waits for parts from elsewhere. */
  readonly waiting: boolean;
  /** A replication's part, run elsewhere. */
  receive(part: ReplicationPart): void;
  /** Runs a replication here after all (the thread that was to run it could not). */
  adopt(replication: number): void;
}

/**
 * Prepares the check of a diagram with `requests` measured requests: this job
 * runs the replications `here` (all of them unless said), one after another,
 * and takes the rest by `receive`.
 */
export function startCheck(doc: Diagram, requests: number, seed = 1, here: readonly number[] = Array.from({ length: REPLICATIONS }, (_, r) => r)): CheckJob {
  const problems = checkStructure(doc, DEFAULT_CATALOG);
  if (problems.length > 0) {
    const message = `the diagram cannot be simulated: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
    return { progress: () => Array<number>(REPLICATIONS).fill(1), step: () => ({ ok: false, message }), waiting: false, receive() {}, adopt() {} };
  }
  const size = runSize({ requests, seed });
  const network = compileNetwork(doc);
  const parts: (ReplicationPart | undefined)[] = Array<ReplicationPart | undefined>(REPLICATIONS).fill(undefined);
  const queue = [...here];
  let current: { replication: number; run: ReplicationRun } | undefined;
  return {
    progress: () => parts.map((part, r) => (part ? 1 : current?.replication === r ? current.run.progress : 0)),
    get waiting() {
      return current === undefined && queue.length === 0 && parts.some((part) => !part);
    },
    receive(part) {
      parts[part.replication] = part;
    },
    adopt(replication) {
      if (!parts[replication] && !queue.includes(replication)) queue.push(replication);
    },
    step() {
      if (!current && queue.length > 0) {
        const replication = queue.shift()!;
        current = { replication, run: startReplication(network, size.requests, size.seed, replication) };
      }
      if (current && current.run.advance(SLICE_EVENTS)) {
        parts[current.replication] = current.run.part();
        current = undefined;
      }
      if (current || parts.some((part) => !part)) return null;
      const simulation = mergeReplications(network, parts as ReplicationPart[], size.seed);
      return { ok: true, simulation, comparison: compareWithEstimate(estimate(doc), simulation) };
    },
  };
}
