/// <reference lib="webworker" />
import { SLICE_EVENTS, startCheck, type CheckJob } from '../../shared/sim/check';
import { compileNetwork } from '../../shared/sim/network';
import { partBuffers, REPLICATIONS } from '../../shared/sim/replicationParts';
import { startReplication } from '../../shared/sim/replications';
import { runSize } from '../../shared/sim/simulate';
import type { SimulateRequest, SimulateResponse } from '../simulate/simulationClient';

// Simulates off the main thread, reporting progress between slices; the page stops it by ending the worker.
// A worker either checks the diagram (runs its replications, takes the others' parts, compares with the
// estimate) or runs one replication for the worker that checks.
const post = (message: SimulateResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);
let check: CheckJob | undefined;

/** Runs the check's slices until it is done or waits for parts from elsewhere. */
function work(job: CheckJob): void {
  for (;;) {
    const outcome = job.step();
    if (outcome) return post({ kind: 'done', outcome });
    if (job.waiting) return;
    post({ kind: 'progress', shares: job.progress() });
  }
}

self.onmessage = (event: MessageEvent<SimulateRequest>) => {
  const request = event.data;
  try {
    if (request.kind === 'check') {
      check = startCheck(request.doc, request.requests, request.seed, request.here);
      work(check);
    } else if (request.kind === 'replication') {
      const { requests, seed } = runSize(request);
      const run = startReplication(compileNetwork(request.doc), requests, seed, request.replication);
      const shares = Array<number>(REPLICATIONS).fill(0);
      while (!run.advance(SLICE_EVENTS)) {
        shares[request.replication] = run.progress;
        post({ kind: 'progress', shares });
      }
      const part = run.part();
      post({ kind: 'part', part }, partBuffers(part));
    } else if (check && request.kind === 'part') {
      check.receive(request.part);
      work(check);
    } else if (check && request.kind === 'run') {
      check.adopt(request.replication);
      work(check);
    }
  } catch (error) {
    post({ kind: 'done', outcome: { ok: false, message: error instanceof Error ? error.message : String(error) } });
  }
};
