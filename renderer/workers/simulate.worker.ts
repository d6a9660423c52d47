/// <reference lib="webworker" />
import { startCheck } from '../../shared/sim/check';
import type { SimulateRequest, SimulateResponse } from '../simulate/simulationClient';

// Simulates off the main thread, reporting progress between slices; the page stops it by ending the worker.
self.onmessage = (event: MessageEvent<SimulateRequest>) => {
  const post = (message: SimulateResponse) => (self as unknown as Worker).postMessage(message);
  try {
    const check = startCheck(event.data.doc, event.data.requests);
    for (;;) {
      const outcome = check.step();
      if (outcome) return post({ kind: 'done', outcome });
      post({ kind: 'progress', share: check.progress() });
    }
  } catch (error) {
    post({ kind: 'done', outcome: { ok: false, message: error instanceof Error ? error.message : String(error) } });
  }
};
