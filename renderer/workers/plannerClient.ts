import type { PlanMessage, PlanRequest, PlanResults } from './planRun';

/** A planning job under way: its result, and a way to stop it. */
export interface PlanJob<K extends keyof PlanResults> {
  result: Promise<PlanResults[K]>;
  /** Stops the job; its result then never arrives. */
  cancel(): void;
}

/**
 * Starts a planning job in a worker of its own (cancelling terminates it);
 * where workers cannot start (jsdom, some hosts) it runs on this thread.
 */
export function startPlan<K extends keyof PlanResults>(
  request: Extract<PlanRequest, { kind: K }>,
  onProgress: (done: number, total: number) => void,
): PlanJob<K> {
  let worker: Worker | null = null;
  try {
    if (typeof Worker !== 'undefined') worker = new Worker(new URL('./planner.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  if (!worker) {
    let cancelled = false;
    const result = import('./planRun').then(({ runPlan }) => {
      const value = runPlan(request, onProgress) as PlanResults[K];
      return cancelled ? new Promise<PlanResults[K]>(() => {}) : value;
    });
    return { result, cancel: () => void (cancelled = true) };
  }
  const running = worker;
  const result = new Promise<PlanResults[K]>((resolve, reject) => {
    running.onmessage = (event: MessageEvent<PlanMessage>) => {
      const message = event.data;
      if (message.type === 'progress') return onProgress(message.done, message.total);
      running.terminate();
      if (message.type === 'result') resolve(message.result as PlanResults[K]);
      else reject(new Error(message.message));
    };
    running.onerror = (event) => {
      running.terminate();
      reject(new Error(event.message || 'the planning worker stopped'));
    };
  });
  running.postMessage(request);
  return { result, cancel: () => running.terminate() };
}
