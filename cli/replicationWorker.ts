/**
 * The command line's thread for a simulation's replications (replicationRunner.ts
 * starts it): runs each replication it is sent and posts back what it
 * measured, its lists moved, not copied; a failure posts no part, and the
 * main thread runs that replication itself.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { partBuffers } from '../shared/sim/replicationParts';
import { runReplication } from '../shared/sim/replications';
import type { ReplicationRequest } from '../shared/sim/simulate';

const port = (workerData as { port: MessagePort }).port;

port.on('message', ({ diagram, requests, seed, replication }: ReplicationRequest) => {
  try {
    const part = runReplication(diagram, requests, seed, replication);
    port.postMessage({ part }, partBuffers(part));
  } catch {
    port.postMessage({ part: undefined });
  }
});
