import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAILED, MADE, PENDING, TAKEN } from '../../cli/poolProtocol';
import { POOL_THREAD_MIN_BYTES, poolRunnerFor, startPoolRunner, type PoolRunnerCounts } from '../../cli/poolRunner';
import { estimate } from '../../shared/estimator/estimate';
import { runPoolJob, type PoolJob, type PoolRuns } from '../../shared/estimator/poolJobs';
import type { PoolRun } from '../../shared/estimator/poolRun';
import { clearMemos } from '../../shared/memo';
import { bytesOf, poolsDesign } from '../estimator/pools';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'mlsd-pools-'));
const workerFile = join(dir, 'poolWorker.cjs');
const runnerScript = join(dir, 'poolRunner.cjs');
/** The worker, telling the test (on its parent port) when it is through a batch. */
const telling = join(dir, 'telling.cjs');
/** A worker that takes every job and fails each one. */
const failing = join(dir, 'failing.cjs');
/** A worker that takes every job and never answers. */
const silent = join(dir, 'silent.cjs');
/** A worker that answers every job with a run of another batch. */
const astray = join(dir, 'astray.cjs');
/** A worker that takes the last job only, tells the test, and never answers. */
const holding = join(dir, 'holding.cjs');
/** A worker that throws as it starts. */
const broken = join(dir, 'broken.cjs');

beforeAll(async () => {
  // The worker as scripts/build-cli.mjs bundles it, and the runner on its own for a process of its own.
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' } as const;
  await build({ ...common, entryPoints: [join(ROOT, 'cli/poolWorker.ts')], outfile: workerFile });
  await build({ ...common, entryPoints: [join(ROOT, 'cli/poolRunner.ts')], outfile: runnerScript });
  const port = `const { parentPort, workerData } = require('node:worker_threads');\n`;
  const done = `parentPort.postMessage('through the batch');`;
  writeFileSync(telling, `${port}require(${JSON.stringify(workerFile)});\nworkerData.port.on('message', () => { ${done} });`);
  const takeAll = (each: string) =>
    `${port}workerData.port.on('message', ({ jobs, control }) => {
  const states = new Int32Array(control);
  for (let i = jobs.length - 1; i >= 0; i--) if (Atomics.compareExchange(states, i, ${PENDING}, ${TAKEN}) === ${PENDING}) { ${each} }
  ${done}
});`;
  writeFileSync(failing, takeAll(`Atomics.store(states, i, ${FAILED}); Atomics.notify(states, i);`));
  writeFileSync(silent, takeAll(''));
  const parts = { zero: 1, lo: 0, masses: [], batches: [], turns: [] };
  writeFileSync(astray, takeAll(`workerData.port.postMessage({ batch: 99, index: i, parts: ${JSON.stringify(parts)} }); Atomics.store(states, i, ${MADE}); Atomics.notify(states, i);`));
  writeFileSync(broken, `throw new Error('cannot start');`);
  writeFileSync(
    holding,
    `${port}workerData.port.on('message', ({ jobs, control }) => {
  if (Atomics.compareExchange(new Int32Array(control), jobs.length - 1, ${PENDING}, ${TAKEN}) === ${PENDING}) parentPort.postMessage('took the last job');
});`,
  );
}, 60_000);

beforeEach(() => clearMemos());

/** The jobs' runs made on this thread, once. */
let expected: PoolRun[] | undefined;

/** Two pools of 8 servers with 4 and 8 copies together. */
const JOBS: PoolJob[] = [4, 8].map((c) => ({ servers: 8, service: { p50Ms: 20 / c, sigma: 0.6, meanMs: 0, cs2: 0 }, streams: [{ qps: 100, copies: c }], gridStep: 1 }));

/** Expects two runs to hold the same numbers, bit for bit. */
function expectSameRun(actual: PoolRun, expected: PoolRun): void {
  expect([actual.own.zero, actual.own.lo]).toEqual([expected.own.zero, expected.own.lo]);
  expect(actual.own.masses).toEqual(expected.own.masses);
  expect(bytesOf(actual.batches)).toEqual(bytesOf(expected.batches));
  expect(bytesOf(actual.turns)).toEqual(bytesOf(expected.turns));
}

/** Job i's run, asking for one more run until it is ready (as composition does). */
function takeRun(runs: PoolRuns, index: number): PoolRun {
  for (;;) {
    const run = runs.ready(index);
    if (run) return run;
    runs.next();
  }
}

/** Starts a runner on `file`, hands it the jobs, waits for the worker's sign (its message, or its error), then takes every run. */
async function takeAfter(file: string, sign: 'message' | 'error', patienceMs = 2000): Promise<PoolRunnerCounts> {
  const counts: PoolRunnerCounts = { madeHere: 0, fromWorker: 0, waited: 0 };
  const runner = startPoolRunner(file, { counts, patienceMs });
  const signed = once(runner.worker, sign);
  const runs = runner.start(JOBS);
  await signed;
  const taken = JOBS.map((_, i) => takeRun(runs, i));
  clearMemos();
  expected ??= JOBS.map(runPoolJob);
  taken.forEach((run, i) => expectSameRun(run, expected![i]!));
  return counts;
}

describe('the pool runner of the command line', () => {
  it('takes the runs its worker made, bit for bit as this thread makes them', async () => {
    expect(await takeAfter(telling, 'message')).toEqual({ madeHere: 0, fromWorker: 2, waited: 0 });
  }, 60_000);

  it.each([
    ['fails every job', failing, 'message', 2000],
    ['takes every job and never answers', silent, 'message', 50],
    ['answers with runs of another batch', astray, 'message', 2000],
    ['cannot start', broken, 'error', 2000],
    ['has no script', join(dir, 'missing.cjs'), 'error', 2000],
  ] as const)('makes every run on the main thread when its worker %s', async (_, file, sign, patienceMs) => {
    const counts = await takeAfter(file, sign, patienceMs);
    expect([counts.madeHere, counts.fromWorker]).toEqual([2, 0]);
  }, 60_000);

  it('waits for the run the worker is on rather than make its first run when one job is left, and makes it from the second', async () => {
    const counts: PoolRunnerCounts = { madeHere: 0, fromWorker: 0, waited: 0 };
    const runner = startPoolRunner(holding, { counts, patienceMs: 200 });
    const took = once(runner.worker, 'message');
    const runs = runner.start(JOBS);
    await took;
    // Job 0 left, job 1 the worker's: waited for (and, as patience runs out, made here).
    runs.next();
    expect(counts).toEqual({ madeHere: 1, fromWorker: 0, waited: 1 });
    expect([runs.ready(0), runs.ready(1)].map(Boolean)).toEqual([false, true]);
    runs.next();
    expect(counts).toEqual({ madeHere: 2, fromWorker: 0, waited: 1 });
    expect(runs.ready(0)).toBeDefined();
  }, 60_000);

  it('makes its first run itself from two jobs left beside the one the worker is on, and each later one from one left', async () => {
    const counts: PoolRunnerCounts = { madeHere: 0, fromWorker: 0, waited: 0 };
    const runner = startPoolRunner(holding, { counts, patienceMs: 200 });
    const took = once(runner.worker, 'message');
    const runs = runner.start([...JOBS, JOBS[0]!]);
    await took;
    runs.next();
    expect(counts).toEqual({ madeHere: 1, fromWorker: 0, waited: 0 });
    expect([0, 1, 2].map((i) => Boolean(runs.ready(i)))).toEqual([true, false, false]);
    runs.next();
    expect(counts).toEqual({ madeHere: 2, fromWorker: 0, waited: 0 });
    expect([0, 1, 2].map((i) => Boolean(runs.ready(i)))).toEqual([true, true, false]);
    runs.next();
    expect(counts).toEqual({ madeHere: 3, fromWorker: 0, waited: 1 });
    runs.next();
    expect(counts).toEqual({ madeHere: 3, fromWorker: 0, waited: 1 });
  }, 60_000);

  it('gives an estimate the same figures with its worker as without, each run made by one of the two threads', () => {
    const alone = JSON.stringify(estimate(poolsDesign()));
    clearMemos();
    const counts: PoolRunnerCounts = { madeHere: 0, fromWorker: 0, waited: 0 };
    const withWorker = estimate(poolsDesign(), { poolRunner: startPoolRunner(workerFile, { counts }) });
    expect(JSON.stringify(withWorker)).toBe(alone);
    expect(counts.madeHere + counts.fromWorker).toBe(3);
  }, 60_000);

  it(`starts a worker only for a file of ${POOL_THREAD_MIN_BYTES} bytes or more, on two cores or more`, () => {
    const small = join(dir, 'small.mlsd.json');
    const large = join(dir, 'large.mlsd.json');
    writeFileSync(small, 'x'.repeat(POOL_THREAD_MIN_BYTES - 1));
    writeFileSync(large, 'x'.repeat(POOL_THREAD_MIN_BYTES));
    expect(poolRunnerFor(small, workerFile, 2)).toBeUndefined();
    expect(poolRunnerFor(large, workerFile, 1)).toBeUndefined();
    expect(poolRunnerFor(large, undefined, 2)).toBeUndefined();
    expect(poolRunnerFor(join(dir, 'missing.mlsd.json'), workerFile, 2)).toBeUndefined();
    expect(poolRunnerFor(large, workerFile, 2)).toBeDefined();
  });

  it.each([
    ['still waiting for jobs', workerFile],
    ['failed to start', broken],
  ])('lets the process end as usual once its work is done, the worker %s', (_, file) => {
    const script = `require(${JSON.stringify(runnerScript)}).startPoolRunner(${JSON.stringify(file)}); setTimeout(() => console.log('done'), 300)`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect([child.stdout.trim(), child.stderr, child.status, child.signal]).toEqual(['done', '', 0, null]);
  }, 60_000);
});
