/**
 * The command line's pool runner (poolJobs.ts): a worker thread, started
 * before the design is read, makes sampled pools' runs while the main thread
 * composes the latencies. Composition takes each run once it is ready, and
 * only when it has nothing else left to compose does the main thread make a
 * run itself (from the first job; the worker takes them from the last,
 * poolProtocol.ts), or wait for the worker's and read it off the port,
 * synchronously. Whatever goes wrong on the worker's side (it does not
 * start, fails a job, or is too slow), the main thread makes the run itself:
 * the figures never depend on the worker.
 */
import { statSync } from 'node:fs';
import { receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { poolRunOf, runPoolJob, type PoolJob, type PoolRunner, type PoolRuns } from '../shared/estimator/poolJobs';
import type { PoolRun } from '../shared/estimator/poolRun';
import { FAILED, HERE, MADE, PENDING, TAKEN, type JobsMessage, type RunMessage } from './poolProtocol';
import { bundledWorker, startWorker } from './workerThread';

/**
 * Designs smaller than this (bytes of the file) estimate without a second
 * thread: a design of a few thousand nodes or less is estimated in about the
 * time the thread takes to start, which would only add its work.
 */
export const POOL_THREAD_MIN_BYTES = 500_000;

/** How long the main thread waits for one run from the worker before it makes the run itself (and waits no more). */
const PATIENCE_MS = 2000;

/** The worker's script, written next to the reading commands' bundle by scripts/build-cli.mjs; undefined elsewhere (from the sources). */
export function bundledPoolWorker(): string | undefined {
  return bundledWorker(typeof __dirname === 'string' ? __dirname : undefined, 'poolWorker.cjs');
}

/**
 * A runner for an estimate of the design at `path`, with its worker (from
 * `workerFile`) started now; undefined where a second thread would not help:
 * fewer than two `cores`, a small file (or none), or no worker script.
 */
export function poolRunnerFor(path: string, workerFile: string | undefined, cores: number): PoolRunner | undefined {
  if (workerFile === undefined || cores < 2) return undefined;
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch {
    return undefined;
  }
  return bytes >= POOL_THREAD_MIN_BYTES ? startPoolRunner(workerFile) : undefined;
}

/** What a started runner did, for tests and measurements: runs made here and taken from the worker, and waits for the worker's. */
export interface PoolRunnerCounts {
  madeHere: number;
  fromWorker: number;
  waited: number;
}

/**
 * Starts the worker from `workerFile` and returns the runner that shares jobs
 * with it; `counts` (if given) tells where the runs were made, and
 * `patienceMs` how long to wait for one run before making it here.
 */
export function startPoolRunner(workerFile: string, { counts = { madeHere: 0, fromWorker: 0, waited: 0 }, patienceMs = PATIENCE_MS }: { counts?: PoolRunnerCounts; patienceMs?: number } = {}): PoolRunner & { worker: Worker } {
  const { worker, port: port1 } = startWorker(workerFile);
  let lost = false;
  worker.on('error', () => (lost = true));
  let batches = 0;
  // Whether this thread has made a run: its first one costs about twice those after it (poolJobs.ts, warmUpPoolRuns).
  let warm = false;
  return {
    worker,
    start(jobs: readonly PoolJob[]): PoolRuns {
      const batch = ++batches;
      const control = new SharedArrayBuffer(4 * jobs.length);
      const states = new Int32Array(control);
      const runs: (PoolRun | undefined)[] = new Array(jobs.length);
      try {
        port1.postMessage({ batch, jobs, control } satisfies JobsMessage);
      } catch {
        lost = true;
      }
      const makeHere = (index: number): void => {
        counts.madeHere++;
        warm = true;
        runs[index] = runPoolJob(jobs[index]!);
      };
      /** Reads every run the worker has posted for this batch. */
      const receive = (): void => {
        for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) {
          const { batch: from, index, parts } = message.message as RunMessage;
          if (from !== batch || runs[index]) continue;
          runs[index] = poolRunOf(parts);
          counts.fromWorker++;
        }
      };
      /** One more run ready: posted by the worker, else made here, else the worker's next, waited for. */
      const next = (): void => {
        for (;;) {
          receive();
          let pending = 0;
          let first = -1;
          let working = -1;
          for (let index = 0; index < jobs.length; index++) {
            const state = Atomics.load(states, index);
            // Posted since the look above: read now.
            if (!runs[index] && state === MADE) receive();
            if (runs[index]) continue;
            if (state === PENDING) {
              pending++;
              if (first < 0) first = index;
            } else if (state === TAKEN && !lost) working = index;
            // Failed on the worker's side, posted as another batch's, or taken by a worker that is gone: made here after all.
            else return makeHere(index);
          }
          if (first < 0 && working < 0) return;
          // Made here when the worker has more to make after the run it is on than this thread's run would take: one run
          // more once this thread has made one, two before (poolJobs.ts: warmUpPoolRuns). The main thread takes jobs from
          // the first, the worker from the last (poolProtocol.ts).
          if (first >= 0 && (working < 0 || pending >= (warm ? 1 : 2))) {
            if (Atomics.compareExchange(states, first, PENDING, HERE) === PENDING) return makeHere(first);
            continue;
          }
          // Else the run the worker is on: waited for, as long as patience lasts.
          counts.waited++;
          if (Atomics.wait(states, working, TAKEN, patienceMs) === 'timed-out') lost = true;
        }
      };
      return {
        ready(index) {
          if (!runs[index] && Atomics.load(states, index) === MADE) receive();
          return runs[index];
        },
        next,
      };
    },
  };
}
