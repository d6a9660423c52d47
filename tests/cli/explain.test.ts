import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers';
import { mlsd } from './run';

const FIXTURE = fixturePath('small-search.mlsd.json');

describe('mlsd explain', () => {
  it('derives a node\'s figures with its inputs, found by id or by label', async () => {
    const byId = await mlsd('explain', FIXTURE, 'users');
    expect(byId.code).toBe(0);
    expect(byId.stdout).toContain('Peak rate: 116 QPS = 1M DAU x 5 req/user/day / 86,400 s/day x 2 peak:avg');
    const byLabel = await mlsd('explain', FIXTURE, 'ann shard');
    expect(byLabel.stdout).toMatch(/Replicas: \d+ replicas? = max\(\d+ min, ceil\([\d.]+ busy servers \/ \(\d+ concurrency x 60% target\)\)\)/);
    expect(byLabel.stdout).toMatch(/Data held: 30\.7 GB = /);
  });

  it('--json gives structured steps whose numbers recompute the figure', async () => {
    const result = await mlsd('explain', FIXTURE, 'ann', '--json');
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ format: 'mlsd-studio/explain', version: 1, node: 'ann' });
    const storage = json.derivations.find((d: { figure: { figure: string } }) => d.figure.figure === 'storage');
    const values = storage.steps[0].expr.terms.map((t: { value: number }) => t.value);
    expect(values.reduce((a: number, b: number) => a * b, 1)).toBeCloseTo(storage.value, 0);
    expect(storage.steps[0].text).toMatch(/^Data held: 30\.7 GB = /);
  });

  it('--traffic scales the entry load in the derivation', async () => {
    const result = await mlsd('explain', FIXTURE, 'users', '--traffic', '3');
    expect(result.stdout).toContain('1M DAU x 3 what-if x 5 req/user/day');
  });

  it('without NODE: the headline figures, then every node', async () => {
    const result = await mlsd('explain', FIXTURE);
    expect(result.stdout).toMatch(/Monthly cost: \$[\d.]+k = /);
    expect(result.stdout).toContain('ANN shard (ann)');
  });

  it('an unknown node is a usage error with a suggestion', async () => {
    const result = await mlsd('explain', FIXTURE, 'anm');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no node "anm"');
    expect(result.stderr).toContain('did you mean "ann"?');
  });
});
