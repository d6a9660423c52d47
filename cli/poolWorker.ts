/**
 * The command line's second thread (poolRunner.ts starts it): takes the
 * sampled pools' jobs of each batch, one after another as the main thread
 * does, and posts each run back with its lists of times moved, not copied.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { poolRunParts, runPoolJob } from '../shared/estimator/poolJobs';
import { clearMemos } from '../shared/memo';
import { FAILED, MADE, NEXT, stateAt, type JobsMessage, type RunMessage } from './poolProtocol';

const port = (workerData as { port: MessagePort }).port;

port.on('message', ({ batch, jobs, control }: JobsMessage) => {
  const states = new Int32Array(control);
  for (let index = Atomics.add(states, NEXT, 1); index < jobs.length; index = Atomics.add(states, NEXT, 1)) {
    let state = FAILED;
    try {
      const { parts, transfer } = poolRunParts(runPoolJob(jobs[index]!));
      port.postMessage({ batch, index, parts } satisfies RunMessage, transfer);
      state = MADE;
    } catch {
      // The main thread makes this run itself.
    }
    // The run's lists have moved to the main thread: a later job with the same inputs makes them again, not from the cache.
    clearMemos();
    Atomics.store(states, stateAt(index), state);
    Atomics.notify(states, stateAt(index));
  }
});
