import type { Diagram } from '../../shared/model/schema';
import type { SimulationCheck } from '../../shared/sim/check';

export interface SimulateRequest {
  doc: Diagram;
  requests: number;
}
export type SimulateResponse = { kind: 'progress'; share: number } | { kind: 'done'; outcome: SimulationCheck };

/** A running check: its outcome, and a way to stop it (the outcome then never arrives). */
export interface RunningCheck {
  outcome: Promise<SimulationCheck>;
  cancel(): void;
}

/** Runs the check here in slices, yielding to the page between them (hosts without workers, tests). */
function runHere(request: SimulateRequest, onProgress: (share: number) => void): RunningCheck {
  let cancelled = false;
  const outcome = import('../../shared/sim/check').then(
    ({ startCheck }) =>
      new Promise<SimulationCheck>((resolve) => {
        const check = startCheck(request.doc, request.requests);
        const slice = () => {
          if (cancelled) return;
          const done = check.step();
          if (done) return resolve(done);
          onProgress(check.progress());
          setTimeout(slice, 0);
        };
        slice();
      }),
  );
  return { outcome, cancel: () => void (cancelled = true) };
}

/** Simulates a document in a worker where the platform has them, reporting progress; cancelling ends the worker. */
export function runSimulationCheck(doc: Diagram, requests: number, onProgress: (share: number) => void): RunningCheck {
  if (typeof Worker === 'undefined') return runHere({ doc, requests }, onProgress);
  let worker: Worker;
  try {
    worker = new Worker(new URL('../workers/simulate.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return runHere({ doc, requests }, onProgress);
  }
  const outcome = new Promise<SimulationCheck>((resolve) => {
    worker.onmessage = (event: MessageEvent<SimulateResponse>) => {
      if (event.data.kind === 'progress') onProgress(event.data.share);
      else {
        resolve(event.data.outcome);
        worker.terminate();
      }
    };
    worker.onerror = (event) => {
      resolve({ ok: false, message: `the simulation stopped: ${event.message || 'the worker failed'}` });
      worker.terminate();
    };
  });
  worker.postMessage({ doc, requests } satisfies SimulateRequest);
  return { outcome, cancel: () => worker.terminate() };
}
