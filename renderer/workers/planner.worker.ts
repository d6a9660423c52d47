/// <reference lib="webworker" />
import { runPlan, type PlanMessage, type PlanRequest } from './planRun';

// Sweeps and sensitivity runs estimate a design hundreds of times: off the main thread, so the canvas never waits.
self.onmessage = (event: MessageEvent<PlanRequest>) => {
  const post = (message: PlanMessage) => (self as unknown as Worker).postMessage(message);
  let last = 0;
  try {
    const result = runPlan(event.data, (done, total) => {
      const now = performance.now();
      if (now - last < 50 && done < total) return;
      last = now;
      post({ type: 'progress', done, total });
    });
    post({ type: 'result', result });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
