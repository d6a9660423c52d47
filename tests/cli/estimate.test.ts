import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../shared/catalog';
import { fixtureJson, fixturePath } from '../helpers';
import { mlsd } from './run';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-estimate-'));
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const FIXTURE = fixturePath('small-search.mlsd.json');

describe('mlsd estimate', () => {
  it('prints a readable table with scaled units', async () => {
    const result = await mlsd('estimate', FIXTURE);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Small image search');
    expect(result.stdout).toMatch(/Users\s+116\s+57\.9\s+[\d.]+ ms/);
    expect(result.stdout).toMatch(/ANN shard\s+Vector index\s+648\s+/);
    expect(result.stdout).toMatch(/Totals: storage [\d.]+ TB, cost \$[\d.]+k\/mo/);
    expect(result.stdout).toMatch(/Budget p99: [\d.]+ ms of 150 ms ok/);
    expect(result.stdout).toContain('p99 comes from (Users):');
    // Off every request path there is no latency to show: a dash, not "0 ms".
    expect(result.stdout).toMatch(/Indexing job\s+Batch job\s+0\s+4(\s+—){4}\s+\$/);
    expect(result.stdout).not.toMatch(/\s0 ms/);
  });

  it('prints the JSON of docs/estimator.md section 6 with --json', async () => {
    const result = await mlsd('estimate', FIXTURE, '--json');
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ format: 'mlsd-studio/estimate', version: 1 });
    expect(Object.keys(json)).toEqual(['format', 'version', 'entries', 'nodes', 'totals', 'budgets', 'diagnostics']);
    expect(Object.keys(json.entries[0])).toEqual(['node', 'qps', 'latencyMs', 'p99Breakdown']);
    expect(Object.keys(json.entries[0].latencyMs)).toEqual(['mean', 'p50', 'p90', 'p99', 'p999']);
    expect(Object.keys(json.nodes[0])).toEqual(['id', 'qps', 'replicas', 'utilization', 'latencyMs', 'storageBytes', 'costUsdPerMonth']);
    const ann = json.nodes.find((n: { id: string }) => n.id === 'ann');
    // 8 shards called on the 70% of requests that miss the cache: 115.7 x 0.7 x 8
    expect(ann.qps.peak).toBeCloseTo(115.74 * 0.7 * 8, 1);
    expect(ann.storageBytes).toBe(1e8 * 256 * 1.2);
    expect(json.budgets.p99Ms.ok).toBe(true);
    expect((await mlsd('estimate', FIXTURE, '--json')).stdout).toBe(result.stdout);
  });

  it('exits 3 with --check when over budget, 0 when within', async () => {
    expect((await mlsd('estimate', FIXTURE, '--check')).code).toBe(0);
    const doc = fixtureJson('small-search.mlsd.json');
    doc.budgets.p99Ms = 5;
    const over = await mlsd('estimate', write('over.mlsd.json', doc), '--check');
    expect(over.code).toBe(3);
    expect(over.stdout).toContain('p99-over-budget');
    expect(over.stderr).toBe('mlsd estimate --check: 1 error, over budget\n');
    expect((await mlsd('estimate', write('over2.mlsd.json', doc))).code).toBe(0);
  });

  it('exits 3 with --check on an error diagnostic such as saturation', async () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.nodes[5].capacity = { replicas: 1, concurrency: 1 };
    doc.nodes[5].latency = { p50Ms: 20, p99Ms: 40 };
    const result = await mlsd('estimate', write('saturated.mlsd.json', doc), '--check');
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/error\s+saturated: "Re-ranker" is saturated/);
  });

  it('exits 1 on an invalid or structurally broken file, with PATH: message lines', async () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.edges.push({ id: 'loop', source: 'rerank', target: 'gateway' });
    const result = await mlsd('estimate', write('cycle.mlsd.json', doc));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('edges[10]: sync and async edges form a cycle: gateway -> cache -> rerank -> gateway');
    expect((await mlsd('estimate', write('bad.json', '{'))).code).toBe(1);
  });

  it('exits 2 on usage errors', async () => {
    expect((await mlsd('estimate')).code).toBe(2);
    expect((await mlsd('estimate', FIXTURE, '--traffic', 'lots')).code).toBe(2);
    expect((await mlsd('estimate', FIXTURE, '--json=yes')).code).toBe(2);
  });

  it('uses a price catalog given with --prices, and validates it', async () => {
    const cheap = structuredClone(DEFAULT_CATALOG);
    for (const instance of Object.values(cheap.instances)) instance.hourlyUsd = 0;
    for (const storage of Object.values(cheap.storageClasses)) storage.gbMonthUsd = 0;
    cheap.instances['m7i.xlarge']!.hourlyUsd = 1;
    const json = JSON.parse((await mlsd('estimate', FIXTURE, '--json', '--prices', write('prices.json', cheap))).stdout);
    const gateway = json.nodes.find((n: { id: string }) => n.id === 'gateway');
    expect(json.totals.costUsdPerMonth).toBe(gateway.costUsdPerMonth.total + 4 * 0.8 * 730 + 50_000 * 0.02);
    const broken = await mlsd('estimate', FIXTURE, '--prices', write('bad-prices.json', { ...cheap, currency: 'EUR' }));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('currency: must be "USD"');
  });

  it('re-estimates at a multiple of the traffic with --traffic', async () => {
    const base = JSON.parse((await mlsd('estimate', FIXTURE, '--json')).stdout);
    const tenfold = JSON.parse((await mlsd('estimate', FIXTURE, '--json', '--traffic', '10')).stdout);
    expect(tenfold.entries[0].qps.peak).toBeCloseTo(base.entries[0].qps.peak * 10, 6);
  });
});
