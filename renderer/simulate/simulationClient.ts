import type { Diagram } from '../../shared/model/schema';
import type { SimulationCheck } from '../../shared/sim/check';
import { overallProgress, partBuffers, REPLICATIONS, type ReplicationPart } from '../../shared/sim/replicationParts';

/**
 * Page to worker: check a diagram (running the replications `here`, taking
 * the others as parts), run one replication for the checking worker, hand it
 * a part run elsewhere, or have it run a replication after all.
 */
export type SimulateRequest =
  | { kind: 'check'; doc: Diagram; requests: number; seed: number; here: number[] }
  | { kind: 'replication'; doc: Diagram; requests: number; seed: number; replication: number }
  | { kind: 'part'; part: ReplicationPart }
  | { kind: 'run'; replication: number };
/** Worker to page: progress (per replication, the share of its requests issued), a replication's part, or the outcome. */
export type SimulateResponse = { kind: 'progress'; shares: number[] } | { kind: 'part'; part: ReplicationPart } | { kind: 'done'; outcome: SimulationCheck };

/** A running check: its outcome, and a way to stop it (the outcome then never arrives). */
export interface RunningCheck {
  outcome: Promise<SimulationCheck>;
  cancel(): void;
}

/** The seed of the app's checks (as `mlsd simulate`'s default: the same figures for the same requests). */
const SEED = 1;

/** Runs the check here in slices, yielding to the page between them (hosts without workers, tests). */
function runHere(doc: Diagram, requests: number, onProgress: (share: number) => void): RunningCheck {
  let cancelled = false;
  const outcome = import('../../shared/sim/check').then(
    ({ startCheck }) =>
      new Promise<SimulationCheck>((resolve) => {
        const check = startCheck(doc, requests, SEED);
        const slice = () => {
          if (cancelled) return;
          const done = check.step();
          if (done) return resolve(done);
          onProgress(overallProgress(check.progress()));
          setTimeout(slice, 0);
        };
        slice();
      }),
  );
  return { outcome, cancel: () => void (cancelled = true) };
}

const startWorker = () => new Worker(new URL('../workers/simulate.worker.ts', import.meta.url), { type: 'module' });

/**
 * Simulates a document in workers where the platform has them, reporting the
 * replications' combined progress: on a machine of several cores, the
 * replications side by side, one worker each (the first finishes the check
 * with the others' parts); else all in one worker. Cancelling ends them all.
 */
export function runSimulationCheck(doc: Diagram, requests: number, onProgress: (share: number) => void, cores = navigator.hardwareConcurrency || 1): RunningCheck {
  if (typeof Worker === 'undefined') return runHere(doc, requests, onProgress);
  let lead: Worker;
  try {
    lead = startWorker();
  } catch {
    return runHere(doc, requests, onProgress);
  }
  const workers = [lead];
  const shares = Array<number>(REPLICATIONS).fill(0);
  const progress = (reported: number[]) => {
    reported.forEach((share, r) => (shares[r] = Math.max(shares[r]!, share)));
    onProgress(overallProgress(shares));
  };
  const end = () => workers.forEach((w) => w.terminate());
  const outcome = new Promise<SimulationCheck>((resolve) => {
    lead.onmessage = (event: MessageEvent<SimulateResponse>) => {
      if (event.data.kind === 'progress') progress(event.data.shares);
      else if (event.data.kind === 'done') {
        resolve(event.data.outcome);
        end();
      }
    };
    lead.onerror = (event) => {
      resolve({ ok: false, message: `the simulation stopped: ${event.message || 'the worker failed'}` });
      end();
    };
  });
  // The other replications on workers of their own, as far as there are cores; each part goes on to the lead, or the lead runs it if its worker fails.
  const here = [0];
  for (let r = 1; r < REPLICATIONS; r++) {
    if (r >= cores) {
      here.push(r);
      continue;
    }
    let helper: Worker;
    try {
      helper = startWorker();
    } catch {
      here.push(r);
      continue;
    }
    workers.push(helper);
    let delivered = false;
    const fallBack = () => {
      if (delivered) return;
      delivered = true;
      helper.terminate();
      lead.postMessage({ kind: 'run', replication: r } satisfies SimulateRequest);
    };
    helper.onmessage = (event: MessageEvent<SimulateResponse>) => {
      if (event.data.kind === 'progress') progress(event.data.shares);
      else if (event.data.kind === 'part' && !delivered) {
        delivered = true;
        lead.postMessage({ kind: 'part', part: event.data.part } satisfies SimulateRequest, partBuffers(event.data.part));
        helper.terminate();
      } else if (event.data.kind === 'done') fallBack();
    };
    helper.onerror = fallBack;
    helper.postMessage({ kind: 'replication', doc, requests, seed: SEED, replication: r } satisfies SimulateRequest);
  }
  lead.postMessage({ kind: 'check', doc, requests, seed: SEED, here } satisfies SimulateRequest);
  return { outcome, cancel: end };
}
