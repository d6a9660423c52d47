/**
 * How the command line's two threads share an estimate's pool jobs
 * (poolJobs.ts): a shared array of whole numbers per batch of jobs. Its first
 * holds the next job to take, which either thread takes by adding one to it;
 * after it, each job's state, which the worker sets once it has posted the
 * job's run (or failed to make it) and the main thread waits on.
 */
import type { PoolJob, PoolRunParts } from '../shared/estimator/poolJobs';

/** Index of the next job to take. */
export const NEXT = 0;
/** A job's state: not made yet (or not by the worker). */
export const PENDING = 0;
/** The worker has posted the job's run. */
export const MADE = 1;
/** The worker could not make or post the job's run. */
export const FAILED = 2;

/** Where job `index`'s state is. */
export const stateAt = (index: number): number => 1 + index;

/** A batch of jobs, main thread to worker. */
export interface JobsMessage {
  batch: number;
  jobs: readonly PoolJob[];
  control: SharedArrayBuffer;
}

/** One job's run, worker to main thread. */
export interface RunMessage {
  batch: number;
  index: number;
  parts: PoolRunParts;
}
