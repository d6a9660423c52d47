/**
 * How the command line starts its worker threads (the sampled pools' runs of
 * an estimate, a simulation's replications): a CommonJS script that
 * scripts/build-cli.mjs writes next to the reading commands' bundle, started
 * with a port to talk on; the process never waits for it to end.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';

/** The worker script `script` in `folder` (the build's dist/cli/reading); undefined where it is not there (running from the sources). */
export function bundledWorker(folder: string | undefined, script: string): string | undefined {
  const file = folder === undefined ? undefined : join(folder, script);
  return file && existsSync(file) ? file : undefined;
}

/** Starts the worker from `workerFile`, with a port to it (the worker's end is `workerData.port`). */
export function startWorker(workerFile: string): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(workerFile, { workerData: { port: port2 }, transferList: [port2] });
  // Whatever the worker does, the process ends when the command is done.
  worker.unref();
  return { worker, port: port1 };
}
