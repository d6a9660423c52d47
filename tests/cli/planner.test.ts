import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers';
import { mlsd } from './run';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-planner-'));
const FIXTURE = fixturePath('small-search.mlsd.json');

// One pool of 4 fixed replicas, a constant 10 ms: it saturates at 400 QPS, 4x the 100 QPS entering.
const ranker = join(dir, 'ranker.mlsd.json');
writeFileSync(ranker, JSON.stringify({
  format: 'mlsd-studio/diagram', version: 1, title: 'One ranker', budgets: { p99Ms: 50, monthlyCostUsd: 1000 },
  nodes: [
    { id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 100 } },
    { id: 'ranker', kind: 'service', label: 'Ranker', latency: { p50Ms: 10, p99Ms: 10 }, capacity: { replicas: 4 }, cost: { hourlyUsd: 0.1 } },
    { id: 'cache', kind: 'cache', label: 'Cache', latency: { p50Ms: 0.5, p99Ms: 1 }, capacity: { concurrency: 8 }, cache: { hitRate: 0.5 } },
  ],
  edges: [{ id: 'e0', source: 'users', target: 'cache' }, { id: 'e1', source: 'cache', target: 'ranker' }],
}));

describe('mlsd sweep', () => {
  it('prints the points and where the design breaks', async () => {
    const result = await mlsd('sweep', ranker, '--points', '10');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('One ranker: load sweep');
    // The cache halves the load: 4 replicas x 100 QPS saturate at 8x.
    expect(result.stdout).toContain('breaks at 8x: Ranker saturates');
    expect(result.stdout.trim().split('\n').filter((l) => /^\d/.test(l))).toHaveLength(10);
  });

  it('gives JSON and CSV with one row per point', async () => {
    const json = JSON.parse((await mlsd('sweep', ranker, '--points', '5', '--json')).stdout);
    expect(json).toMatchObject({ format: 'mlsd-studio/sweep', version: 1, saturation: { node: 'ranker' } });
    expect(json.points).toHaveLength(5);
    expect(json.saturation.multiplier).toBeCloseTo(8, 2);
    const csv = (await mlsd('sweep', ranker, '--from', '1', '--to', '10', '--points', '3', '--csv')).stdout.trim().split('\n');
    expect(csv[0]).toBe('multiplier,p99_ms_users,worst_p99_ms,cost_usd_per_month,saturated');
    expect(csv).toHaveLength(4);
    expect(csv[3]).toMatch(/^10,,,[\d.]+,ranker$/);
  });

  it('refuses bad ranges with the flag named', async () => {
    expect(await mlsd('sweep', ranker, '--from', '10', '--to', '1')).toMatchObject({ code: 2, stderr: 'mlsd sweep: --from must be below --to\n' });
    expect((await mlsd('sweep', ranker, '--points', 'many')).stderr).toBe('mlsd sweep: --points must be a whole number from 2 to 1000, not "many"\n');
  });
});

describe('mlsd sensitivity', () => {
  it('ranks the inputs by their effect on p99 and on cost', async () => {
    const result = await mlsd('sensitivity', ranker);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('What moves p99 most');
    const json = JSON.parse((await mlsd('sensitivity', ranker, '--json', '--range', '0.2')).stdout);
    expect(json).toMatchObject({ format: 'mlsd-studio/sensitivity', range: 0.2 });
    expect(json.byP99[0].label).toBe('Ranker: latency');
    expect(json.byCost[0].label).toBe('Ranker: replicas');
  });

  it('refuses a range outside (0, 1)', async () => {
    expect((await mlsd('sensitivity', ranker, '--range', '2')).code).toBe(2);
  });
});

describe('mlsd failures', () => {
  it('lists each failure beside the normal figures, and the one-replica check', async () => {
    const result = await mlsd('failures', ranker);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Cache cold \(hit rate 0\)\s+[\d.]+ ms, \$[\d.]+\/mo\s+[\d.]+ ms/);
    expect(result.stdout).toContain('calls from Cache to Ranker fail: 50 QPS at peak');
    expect(result.stdout).toContain('Survives the loss of any one replica?');
    const json = JSON.parse((await mlsd('failures', FIXTURE, '--json')).stdout);
    expect(json.format).toBe('mlsd-studio/failures');
    expect(json.replicaLoss.length).toBeGreaterThan(0);
  });
});
