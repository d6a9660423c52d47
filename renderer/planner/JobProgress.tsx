import type { JobState } from './useJob';
import type { PlanResults } from '../workers/planRun';

/** The progress bar and Cancel button of a planning job that runs longer than a moment; its error, if it failed. */
export function JobProgress<K extends keyof PlanResults>({ job, what }: { job: JobState<K>; what: string }) {
  if (job.error) return <p className="diagnostic-error" role="alert">{what} failed: {job.error}</p>;
  if (!job.running || job.progress === null) return null;
  return (
    <div className="job-progress" role="status">
      <progress max={1} value={job.progress} aria-label={`${what} progress`} />
      <span>{Math.round(job.progress * 100)}%</span>
      <button type="button" onClick={job.cancel}>Cancel</button>
    </div>
  );
}
