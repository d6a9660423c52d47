import type { Diagram } from '../../shared/model/schema';
import { failureFigures, survivesOneReplicaLoss, type Failure, type FailureResult, type ReplicaLossCheck } from '../../shared/planner/failures';
import { sensitivity, type Sensitivity } from '../../shared/planner/sensitivity';
import { sweep, type Sweep } from '../../shared/planner/sweep';

/** A planning job: a load sweep, a sensitivity run, a failure scenario or the one-replica-loss check. */
export type PlanRequest =
  | { kind: 'sweep'; doc: Diagram; fixedFleet: boolean }
  | { kind: 'sensitivity'; doc: Diagram; range: number; fixedFleet: boolean }
  | { kind: 'failure'; doc: Diagram; failure: Failure }
  | { kind: 'replica-loss'; doc: Diagram };

/** What each job answers, by kind. */
export interface PlanResults {
  sweep: Sweep;
  sensitivity: Sensitivity;
  failure: FailureResult;
  'replica-loss': ReplicaLossCheck[];
}

/** A message from the planning worker: progress as it goes, then the result or the error. */
export type PlanMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: PlanResults[keyof PlanResults] }
  | { type: 'error'; message: string };

/** Runs a planning job, reporting progress; the same code in the worker and, without workers, on this thread. */
export function runPlan(request: PlanRequest, onProgress: (done: number, total: number) => void): PlanResults[keyof PlanResults] {
  switch (request.kind) {
    case 'sweep': return sweep(request.doc, { fixedFleet: request.fixedFleet, onProgress });
    case 'sensitivity': return sensitivity(request.doc, { range: request.range, fixedFleet: request.fixedFleet, onProgress });
    case 'failure': return failureFigures(request.doc, request.failure);
    case 'replica-loss': return survivesOneReplicaLoss(request.doc);
  }
}
