import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlanRequest, PlanResults } from '../workers/planRun';
import { startPlan, type PlanJob } from '../workers/plannerClient';

/** A job shows its progress bar only when it runs longer than this, ms. */
export const PROGRESS_AFTER_MS = 300;

/** The state of a planning job as a panel shows it. */
export interface JobState<K extends keyof PlanResults> {
  result: PlanResults[K] | null;
  running: boolean;
  /** Share done, 0 to 1; null until the job has run PROGRESS_AFTER_MS. */
  progress: number | null;
  error: string | null;
  start: (request: Extract<PlanRequest, { kind: K }>) => void;
  cancel: () => void;
}

/** Runs planning jobs in a worker, one at a time per panel: a new start or unmounting cancels the one under way. */
export function useJob<K extends keyof PlanResults>(): JobState<K> {
  const [result, setResult] = useState<PlanResults[K] | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useRef<{ plan: PlanJob<K>; timer: ReturnType<typeof setTimeout> } | null>(null);
  const stop = useCallback(() => {
    if (!job.current) return;
    job.current.plan.cancel();
    clearTimeout(job.current.timer);
    job.current = null;
  }, []);
  const cancel = useCallback(() => {
    stop();
    setRunning(false);
    setProgress(null);
  }, [stop]);
  const start = useCallback((request: Extract<PlanRequest, { kind: K }>) => {
    stop();
    let share = 0;
    let shown = false;
    const plan = startPlan(request, (done, total) => {
      share = total > 0 ? done / total : 0;
      if (shown) setProgress(share);
    });
    const timer = setTimeout(() => {
      shown = true;
      setProgress(share);
    }, PROGRESS_AFTER_MS);
    const current = { plan, timer };
    job.current = current;
    setRunning(true);
    setError(null);
    plan.result.then(
      (value) => {
        if (job.current !== current) return;
        setResult(value);
        cancel();
      },
      (failure: unknown) => {
        if (job.current !== current) return;
        setError(failure instanceof Error ? failure.message : String(failure));
        cancel();
      },
    );
  }, [cancel, stop]);
  useEffect(() => stop, [stop]);
  return { result, running, progress, error, start, cancel };
}
