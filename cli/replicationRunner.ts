/**
 * The command line's host for a simulation's replications (simulate.ts,
 * `simulateAcross`): each replication handed over runs on a worker thread of
 * its own while the main thread runs the first. Whatever goes wrong on the
 * worker's side (it does not start, fails or ends), the main thread runs that
 * replication itself: the figures never depend on the worker.
 */
import type { ReplicationPart } from '../shared/sim/replicationParts';
import type { ReplicationHost } from '../shared/sim/simulate';
import { startWorker } from './workerThread';

/** The host for a machine of `cores` cores with the worker script `workerFile`; undefined (all replications on the main thread) with one core or no script. */
export function replicationHostFor(workerFile: string | undefined, cores: number): ReplicationHost | undefined {
  if (workerFile === undefined || cores < 2) return undefined;
  return (request) =>
    new Promise<ReplicationPart | undefined>((resolve) => {
      const { worker, port } = startWorker(workerFile);
      const settle = (part: ReplicationPart | undefined) => {
        port.close();
        resolve(part);
      };
      worker.on('error', () => settle(undefined));
      worker.on('exit', () => settle(undefined));
      port.once('message', ({ part }: { part: ReplicationPart | undefined }) => settle(part));
      port.postMessage(request);
    });
}
