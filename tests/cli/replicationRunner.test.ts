import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { replicationHostFor } from '../../cli/replicationRunner';
import { runReplication } from '../../shared/sim/replications';
import { simulate, simulateAcross } from '../../shared/sim/simulate';
import { call, diagramOf, svc, users } from '../estimator/build';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'mlsd-replications-'));
const workerFile = join(dir, 'replicationWorker.cjs');
/** A worker that throws as it starts. */
const broken = join(dir, 'broken.cjs');

beforeAll(async () => {
  // The worker as scripts/build-cli.mjs bundles it.
  await build({ bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', entryPoints: [join(ROOT, 'cli/replicationWorker.ts')], outfile: workerFile });
  writeFileSync(broken, `throw new Error('cannot start');`);
}, 60_000);

const design = diagramOf([users(300), svc('api', 2, 8), svc('db', 4, 20, { capacity: { replicas: 4, concurrency: 1 } })], [call('users', 'api'), call('api', 'db')]);
const options = { requests: 20_000, seed: 3 };

describe('the simulation’s second thread', () => {
  it('runs the second replication on a worker thread, with the figures of a run on one thread', async () => {
    const host = replicationHostFor(workerFile, 2)!;
    const part = await host({ diagram: design, requests: options.requests, seed: options.seed, replication: 1 });
    expect(part).toEqual(runReplication(design, options.requests, options.seed, 1));
    expect(await simulateAcross(design, options, host)).toEqual(simulate(design, options));
  }, 60_000);

  it('keeps to one thread on one core or without the script, and runs the replication itself when the worker fails', async () => {
    expect(replicationHostFor(workerFile, 1)).toBeUndefined();
    expect(replicationHostFor(undefined, 2)).toBeUndefined();
    const host = replicationHostFor(broken, 2)!;
    expect(await host({ diagram: design, ...options, replication: 1 })).toBeUndefined();
    expect(await simulateAcross(design, options, host)).toEqual(simulate(design, options));
  }, 60_000);
});
