import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { loadDiagram } from '../../shared/model/load';
import { addScenario, scenarioDiagram } from '../../shared/scenarios';
import { fixturePath } from '../helpers';
import { mlsd } from './run';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-diff-'));
const FIXTURE = fixturePath('small-search.mlsd.json');
const base = () => {
  const loaded = loadDiagram(readFileSync(FIXTURE, 'utf8'));
  if (!loaded.ok) throw new Error('fixture');
  return loaded.diagram;
};

/** The fixture with a scenario "faster encoder" (half the latency) shown, and "baseline" kept. */
function scenarioFile(): string {
  const d = addScenario(base(), 'faster encoder');
  d.nodes = d.nodes.map((n) => (n.id === 'encoder' ? { ...n, latency: { p50Ms: n.latency!.p50Ms / 2, p99Ms: n.latency!.p99Ms / 2 } } : n));
  const path = join(dir, 'scenarios.mlsd.json');
  writeFileSync(path, JSON.stringify(d));
  return path;
}

describe('mlsd diff', () => {
  it('two scenarios of one file: the changes, and deltas equal to the difference of the two estimates', async () => {
    const path = scenarioFile();
    const result = await mlsd('diff', path, '--scenario', 'baseline', '--scenario', 'faster encoder', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ format: 'mlsd-studio/diff', version: 1, before: 'baseline', after: 'faster encoder' });
    expect(json.nodes.changed).toEqual([{ id: 'encoder', label: 'Image encoder', changes: expect.arrayContaining([expect.objectContaining({ path: 'latency.p99Ms' })]) }]);
    const file = loadDiagram(readFileSync(path, 'utf8'));
    if (!file.ok) throw new Error('file');
    const a = estimate(scenarioDiagram(file.diagram, 'baseline')!);
    const b = estimate(scenarioDiagram(file.diagram, 'faster encoder')!);
    const p99 = json.figures.find((f: { figure: string }) => f.figure === 'p99Ms');
    expect(p99.delta).toBe(b.entries[0]!.latencyMs!.p99 - a.entries[0]!.latencyMs!.p99);
    expect(p99.delta).toBeLessThan(0);
  });

  it('one --scenario compares it with the one shown; text says the deltas', async () => {
    const result = await mlsd('diff', scenarioFile(), '--scenario', 'baseline');
    expect(result.stdout).toMatch(/^faster encoder → baseline: p99 \+[\d.]+ ms/);
    expect(result.stdout).toContain('Node changed: “Image encoder”: latency.p50Ms');
  });

  it('two files', async () => {
    const other = base();
    other.nodes = other.nodes.filter((n) => n.id !== 'monitor');
    other.edges = other.edges.filter((e) => e.source !== 'monitor' && e.target !== 'monitor');
    const path = join(dir, 'other.mlsd.json');
    writeFileSync(path, JSON.stringify(other));
    const result = await mlsd('diff', FIXTURE, path);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nodes removed: “Drift monitor (PSI)”');
  });

  it('an unknown scenario names those the file has; wrong arguments are usage errors', async () => {
    const unknown = await mlsd('diff', scenarioFile(), '--scenario', 'gpu');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('has no scenario "gpu" (it has: "baseline", "faster encoder")');
    expect((await mlsd('diff', FIXTURE)).code).toBe(2);
    expect((await mlsd('diff', FIXTURE, FIXTURE, '--scenario', 'a')).code).toBe(2);
  });

  it('estimate and explain take --scenario too', async () => {
    const path = scenarioFile();
    const shown = await mlsd('explain', path, 'encoder', '--scenario', 'baseline');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/ln\(\d+ ms p99 \/ \d+ ms p50\)/);
    expect((await mlsd('estimate', path, '--scenario', 'nope')).code).toBe(2);
  });
});
