import { beforeEach, describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { Dist } from '../../shared/estimator/grid';
import { composeAsRunsArrive } from '../../shared/estimator/aheadOrder';
import { needsRuns } from '../../shared/estimator/latency';
import { GRID_STEP } from '../../shared/estimator/gridPoints';
import { poolRunOf, poolRunParts, runPoolJob, warmUpPoolRuns, type PoolJob, type PoolRunner } from '../../shared/estimator/poolJobs';
import { clearMemos } from '../../shared/memo';
import { call, diagramOf, svc, users } from './build';
import { bytesOf, poolsDesign } from './pools';

/**
 * A runner on this thread that makes each run the way a second thread would hand it back: as parts, rebuilt. With
 * `late`, no run is ready before composition asks for one more (`next`), and each `next` readies the last job not
 * ready (the second thread's order); `asked` records what composition asked for (job indices, and "next").
 */
function recordingRunner(batches: PoolJob[][], asked: (number | 'next')[] = [], late = false): PoolRunner {
  return {
    start(jobs) {
      batches.push([...jobs]);
      const runs = jobs.map((job) => poolRunOf(poolRunParts(runPoolJob(job)).parts));
      // As on a thread of its own, whose caches this thread never sees (cli/poolWorker.ts keeps none).
      clearMemos();
      let readied = late ? 0 : jobs.length;
      return {
        ready(index) {
          asked.push(index);
          return index >= jobs.length - readied ? runs[index] : undefined;
        },
        next() {
          asked.push('next');
          readied++;
        },
      };
    },
  };
}

describe('sampled pools made by a runner', () => {
  beforeEach(() => clearMemos());

  it('hands over the pools whose copies arrive together, in the order composition needs them, and gives the same figures', () => {
    const alone = estimate(poolsDesign());
    expect(alone.diagnostics.filter((d) => d.code === 'batch-arrivals').map((d) => d.node).sort()).toEqual(['pool4', 'pool6', 'pool8', 'turns']);
    expect(alone.diagnostics.map((d) => `${d.code}:${d.node}`)).toContain('sequential-waits:turns');
    clearMemos();
    const batches: PoolJob[][] = [];
    const asked: (number | 'next')[] = [];
    const withRunner = estimate(poolsDesign(), { poolRunner: recordingRunner(batches, asked) });
    expect(JSON.stringify(withRunner)).toBe(JSON.stringify(alone));
    // One batch of three pools: the pool with copies in turn (and 2 together) waits for what it calls, so it is made where composition reaches it.
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((job) => job.streams.map((s) => s.copies)).sort()).toEqual([[4], [6], [8]]);
    // Every run ready at once: each one taken once, in the order composition reaches the pools, and none asked for.
    expect(asked).toEqual([0, 1, 2]);
    expect(batches[0]!.every((job) => job.servers === 8 && job.gridStep === 1)).toBe(true);
  });

  it('gives the same figures when the runs come one by one, last first, composing what each one lets it before asking for the next', () => {
    const alone = JSON.stringify(estimate(poolsDesign()));
    clearMemos();
    const asked: (number | 'next')[] = [];
    expect(JSON.stringify(estimate(poolsDesign(), { poolRunner: recordingRunner([], asked, true) }))).toBe(alone);
    // Three pools, none ready: the pools still waiting looked at again after each one more asked for, and after composing
    // what that one let it (the runs may have come meanwhile), until each one is ready.
    expect(asked).toEqual([0, 1, 2, 'next', 0, 1, 2, 0, 1, 'next', 0, 1, 0, 'next', 0]);
  });

  it('gives the same figures after a warm-up run, which leaves the grid in use and the store of runs as they were', () => {
    const alone = JSON.stringify(estimate(poolsDesign()));
    clearMemos();
    warmUpPoolRuns();
    expect(GRID_STEP).toBe(1);
    const batches: PoolJob[][] = [];
    expect(JSON.stringify(estimate(poolsDesign(), { poolRunner: recordingRunner(batches) }))).toBe(alone);
    expect(batches.map((b) => b.length)).toEqual([3]);
  });

  it('composes with the runs the runner hands over, not runs of its own', () => {
    const alone = estimate(poolsDesign());
    clearMemos();
    // A runner that hands back, for every job, the run of the job with the fewest copies: the other pools' figures move.
    const swapped: PoolRunner = {
      start(jobs) {
        const fewest = jobs.reduce((a, b) => (a.streams[0]!.copies <= b.streams[0]!.copies ? a : b));
        const run = poolRunOf(poolRunParts(runPoolJob(fewest)).parts);
        clearMemos();
        return { ready: () => run, next: () => undefined };
      },
    };
    const withSwapped = estimate(poolsDesign(), { poolRunner: swapped });
    const p99 = (e: typeof alone, id: string) => e.nodes.find((n) => n.id === id)!.latencyMs!.p99;
    expect(p99(withSwapped, 'pool4')).toBe(p99(alone, 'pool4'));
    expect(p99(withSwapped, 'pool8')).not.toBe(p99(alone, 'pool8'));
  });

  it('hands over one job for pools of the same inputs', () => {
    const pool = (id: string) => svc(id, 5, 20, { capacity: { replicas: 8, concurrency: 1 } });
    const twins = () => diagramOf([users(100), svc('api', 1, 2), pool('a'), pool('b')], [call('users', 'api'), call('api', 'a', { calls: 4 }), call('api', 'b', { calls: 4 })]);
    const first = estimate(twins());
    expect(first.diagnostics.filter((d) => d.code === 'batch-arrivals').map((d) => d.node).sort()).toEqual(['a', 'b']);
    const alone = JSON.stringify(first);
    clearMemos();
    const batches: PoolJob[][] = [];
    expect(JSON.stringify(estimate(twins(), { poolRunner: recordingRunner(batches) }))).toBe(alone);
    expect(batches.map((b) => b.length)).toEqual([1]);
  });

  it('takes runs it was handed before from its store: a second estimate of the same pools hands over none', () => {
    const batches: PoolJob[][] = [];
    const first = estimate(poolsDesign(), { poolRunner: recordingRunner(batches) });
    const second = estimate(poolsDesign(), { poolRunner: recordingRunner(batches) });
    expect(batches.map((b) => b.length)).toEqual([3]);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('rebuilds a run from its parts bit for bit, the lists of times moved out of the run', () => {
    const job: PoolJob = { servers: 2, service: { p50Ms: 5, sigma: 0.4, meanMs: 0, cs2: 0 }, streams: [{ qps: 50, copies: 3 }, { qps: 100, copies: 1 }], gridStep: 1 };
    const made = runPoolJob(job);
    const { own, batches } = made;
    const listed = bytesOf(batches);
    const ownMasses = own.masses.slice();
    const { parts, transfer } = poolRunParts(made);
    // The lists of times go as they are (their buffers are moved); the own masses as a copy, the run's own left whole.
    expect(transfer).toHaveLength(3);
    expect(parts.batches.map(([k, v]) => [k, v === batches.get(k)])).toEqual([[3, true], [1, true]]);
    expect(parts.masses).not.toBe(own.masses);
    const back = poolRunOf(structuredClone(parts, { transfer }));
    expect(own.masses).toEqual(ownMasses);
    expect([back.own.zero, back.own.lo, back.own.hi]).toEqual([own.zero, own.lo, own.hi]);
    expect(back.own.masses).toEqual(ownMasses);
    expect(back.own.quantile(0.99)).toBe(own.quantile(0.99));
    expect(bytesOf(back.batches)).toEqual(listed);
    expect([...back.batches.keys()]).toEqual([3, 1]);
    expect(back.turns.size).toBe(0);
  });

  it('copies a list of times that is a view of a longer buffer rather than move that buffer, and rebuilds a run of no time', () => {
    const buffer = Float64Array.from({ length: 10 }, (_, i) => i);
    const run = { own: Dist.ZERO, batches: new Map([[2, buffer.subarray(0, 4)], [3, buffer.subarray(4, 10)]]), turns: new Map([[5, new Float64Array([7, 8])]]) };
    const { parts, transfer } = poolRunParts(run);
    expect(transfer).not.toContain(buffer.buffer);
    expect(parts.batches.map(([k, v]) => [k, [...v]])).toEqual([[2, [0, 1, 2, 3]], [3, [4, 5, 6, 7, 8, 9]]]);
    expect(parts.batches.every(([, v]) => transfer.includes(v.buffer as ArrayBuffer))).toBe(true);
    expect(parts.turns[0]![1]).toBe(run.turns.get(5));
    const back = poolRunOf(structuredClone(parts, { transfer }));
    expect([...buffer]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([back.own.isZero, back.own.zero, back.own.mean()]).toEqual([true, 1, 0]);
    expect([...back.turns.get(5)!]).toEqual([7, 8]);
  });
});

/** A run that stands for any (the order of composition never reads one). */
const RUN = { own: Dist.ZERO, batches: new Map(), turns: new Map() };

describe('the nodes composed after the runs made ahead', () => {
  it('are the pools made ahead and every node that reaches one through sync calls; the rest go first', () => {
    // Nodes 0..4, composed from the order's end: 4 calls nothing, 3 is a pool made ahead, 2 calls 3, 1 calls 2 and 4, 0 calls 4.
    const order = ['n0', 'n1', 'n2', 'n3', 'n4'];
    const steps = Int32Array.of(0, 1, 2, 3, 4);
    // Edges by number: 0: n2 -> n3, 1: n1 -> n2, 2: n1 -> n4, 3: n0 -> n4.
    const target = Int32Array.of(3, 2, 4, 4);
    const syncOut = [[3], [1, 2], [0], undefined, undefined];
    expect([...needsRuns(order, steps, syncOut, target, new Set(['n3']))]).toEqual([0, 1, 1, 1, 0]);
    expect([...needsRuns(order, steps, syncOut, target, new Set(['n4']))]).toEqual([1, 1, 0, 0, 1]);
    expect([...needsRuns(order, steps, syncOut, target, new Set())]).toEqual([0, 0, 0, 0, 0]);
  });

  it('are composed callees first, each as soon as its runs are ready, and one more run is asked for only when none is', () => {
    // n0 calls n1 and n2, n1 calls the pool p1, n2 the pool p2; n3 calls nothing and goes first.
    const order = ['n0', 'n1', 'n2', 'p1', 'p2', 'n3'];
    const steps = Int32Array.of(0, 1, 2, 3, 4, 5);
    // Edges by number: 0: n0 -> n1, 1: n0 -> n2, 2: n1 -> p1, 3: n2 -> p2.
    const target = Int32Array.of(1, 2, 3, 4);
    const syncOut = [[0, 1], [2], [3], undefined, undefined, undefined];
    const waits = needsRuns(order, steps, syncOut, target, new Set(['p1', 'p2']));
    expect([...waits]).toEqual([1, 1, 1, 1, 1, 0]);
    /** Composes with runs that come one per `next`, in `coming` order (those in `readyFirst` before any), logging both. */
    const composed = (coming: string[], readyFirst: string[] = []) => {
      const log: string[] = [];
      const ready = new Set(readyFirst);
      const ahead = {
        ids: new Set(['p1', 'p2']),
        ready: (id: string) => (ready.has(id) ? RUN : undefined),
        next: () => {
          log.push('next');
          ready.add(coming.shift()!);
        },
        take: () => undefined,
      };
      composeAsRunsArrive(order, steps, syncOut, target, waits, ahead, (step) => log.push(order[step]!));
      return log;
    };
    expect(composed(['p2', 'p1'])).toEqual(['next', 'p2', 'n2', 'next', 'p1', 'n1', 'n0']);
    expect(composed(['p1', 'p2'])).toEqual(['next', 'p1', 'n1', 'next', 'p2', 'n2', 'n0']);
    expect(composed([], ['p1', 'p2'])).toEqual(['p1', 'n1', 'p2', 'n2', 'n0']);
    expect(composed(['p1'], ['p2'])).toEqual(['p2', 'n2', 'next', 'p1', 'n1', 'n0']);
  });

  it('composes a pool made ahead that calls a node waiting on another pool only once that node is composed', () => {
    // n0 calls the pool p1, p1 calls n2, n2 calls the pool p2.
    const order = ['n0', 'p1', 'n2', 'p2'];
    const steps = Int32Array.of(0, 1, 2, 3);
    const target = Int32Array.of(1, 2, 3);
    const syncOut = [[0], [1], [2], undefined];
    const waits = needsRuns(order, steps, syncOut, target, new Set(['p1', 'p2']));
    const log: string[] = [];
    const ready = new Set(['p1']);
    const ahead = { ids: new Set(['p1', 'p2']), ready: (id: string) => (ready.has(id) ? RUN : undefined), next: () => log.push('next') && ready.add('p2'), take: () => undefined };
    composeAsRunsArrive(order, steps, syncOut, target, waits, ahead, (step) => log.push(order[step]!));
    expect(log).toEqual(['next', 'p2', 'n2', 'p1', 'n0']);
  });

  it('composes a node the order lists twice once, at its last place, and ends', () => {
    // p1 twice in the order (ids are unique in an estimate; elsewhere an id's last node answers for it), n1 calling it.
    const order = ['n1', 'p1', 'p1'];
    const steps = Int32Array.of(0, 1, 1);
    const log: (string | number)[] = [];
    const ahead = { ids: new Set(['p1']), ready: () => RUN, next: () => log.push('next'), take: () => undefined };
    composeAsRunsArrive(order, steps, [[0], undefined], Int32Array.of(1), Uint8Array.of(1, 1), ahead, (step) => log.push(step));
    expect(log).toEqual([2, 0]);
  });
});

