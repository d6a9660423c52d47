import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startCheck } from '../../shared/sim/check';
import { mlsd } from '../cli/run';
import { fixturePath } from '../helpers';

describe('mlsd simulate', () => {
  it('prints each entry’s simulated p50/p99/p999 with intervals beside the estimate', async () => {
    const { code, stdout } = await mlsd('simulate', fixturePath('small-search.mlsd.json'), '--requests', '5000', '--seed', '2');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Simulated 5,000 requests \(seed 2,/);
    expect(stdout).toMatch(/p99\s+[\d.]+ ms ± [\d.]+ ms\s+[\d.]+ ms\s+[+-][\d.]+%/);
  });

  it('prints JSON with the same seed giving the same figures', async () => {
    const run = () => mlsd('simulate', fixturePath('small-search.mlsd.json'), '--requests', '3000', '--json');
    const first = JSON.parse((await run()).stdout);
    expect(first.format).toBe('mlsd-studio/simulation');
    expect(first.comparison[0].figures.map((f: { figure: string }) => f.figure)).toEqual(['p50', 'p99', 'p999']);
    expect(JSON.parse((await run()).stdout)).toEqual(first);
  });

  it('gives the figures of the app’s Check by simulation for the same requests (seed 1, the app’s)', async () => {
    const file = fixturePath('small-search.mlsd.json');
    const printed = JSON.parse((await mlsd('simulate', file, '--requests', '4000', '--json')).stdout);
    const check = startCheck(JSON.parse(readFileSync(file, 'utf8')), 4000);
    let outcome = check.step();
    while (!outcome) outcome = check.step();
    expect(outcome.ok).toBe(true);
    const { comparison, ...simulation } = printed;
    expect(outcome.ok && JSON.parse(JSON.stringify(outcome.simulation))).toEqual(simulation);
    expect(outcome.ok && outcome.comparison).toEqual(comparison);
    expect(simulation.replications).toBe(2);
  });

  it('rejects a bad --requests with exit 2 and an unreadable file with exit 1', async () => {
    const bad = await mlsd('simulate', fixturePath('small-search.mlsd.json'), '--requests', 'many');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--requests must be a whole number of at least 1, not "many"');
    const missing = await mlsd('simulate', fixturePath('nothing-here.mlsd.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read/);
  });
});
