/**
 * The command line's second thread (poolRunner.ts starts it): takes the
 * sampled pools' jobs of each batch from the last one down, as long as the
 * main thread has not, and posts each run back with its lists of times moved,
 * not copied.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { freshPoolJobRun, poolRunParts, warmUpPoolRuns } from '../shared/estimator/poolJobs';
import { FAILED, MADE, PENDING, TAKEN, type JobsMessage, type RunMessage } from './poolProtocol';

const port = (workerData as { port: MessagePort }).port;

port.on('message', ({ batch, jobs, control }: JobsMessage) => {
  const states = new Int32Array(control);
  // The main thread takes jobs from the first in turn: once it has this one, it has those before it too.
  for (let index = jobs.length - 1; index >= 0 && Atomics.compareExchange(states, index, PENDING, TAKEN) === PENDING; index--) {
    let state = FAILED;
    try {
      // Made afresh, not kept: its lists of times move to the main thread.
      const { parts, transfer } = poolRunParts(freshPoolJobRun(jobs[index]!));
      port.postMessage({ batch, index, parts } satisfies RunMessage, transfer);
      state = MADE;
    } catch {
      // The main thread makes this run itself.
    }
    Atomics.store(states, index, state);
    Atomics.notify(states, index);
  }
});

// The main thread is still reading the design: the time its jobs come in would otherwise go unused.
warmUpPoolRuns();
