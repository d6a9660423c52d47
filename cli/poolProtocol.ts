/**
 * How the command line's two threads share an estimate's pool jobs
 * (poolJobs.ts): a shared array with each job's state. A thread takes a job
 * by changing its state from PENDING at once (compare and exchange), so no
 * job is made twice: the main thread takes them from the first, as
 * composition needs them, the worker from the last, so that the runs it makes
 * are the ones needed latest. The worker sets a job's state once it has
 * posted its run (or failed to make it); the main thread waits on that.
 */
import type { PoolJob, PoolRunParts } from '../shared/estimator/poolJobs';

/** A job's state: no thread has taken it. */
export const PENDING = 0;
/** The main thread makes it. */
export const HERE = 1;
/** The worker makes it. */
export const TAKEN = 2;
/** The worker has posted its run. */
export const MADE = 3;
/** The worker could not make or post its run. */
export const FAILED = 4;

/** A batch of jobs, main thread to worker; `control` holds one state per job. */
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
