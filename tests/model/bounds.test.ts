import { describe, expect, it } from 'vitest';
import { loadDiagramValue } from '../../shared/model/load';

/** A valid diagram with every bounded field present, for one field at a time to be pushed past its bound. */
function base(): Record<string, any> {
  return {
    format: 'mlsd-studio/diagram',
    version: 1,
    title: 'Bounds',
    budgets: { p99Ms: 100, monthlyCostUsd: 1_000 },
    nodes: [
      { id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 10, peakToAverage: 2 } },
      { id: 'api', kind: 'service', label: 'API', latency: { p50Ms: 5, p99Ms: 20 }, capacity: { replicas: 2, concurrency: 4, targetUtilization: 0.6, minReplicas: 1 } },
      { id: 'cache', kind: 'cache', label: 'Cache', cache: { hitRate: 0.5 } },
      { id: 'lake', kind: 'dataLake', label: 'Lake', storage: { items: 10, bytesPerItem: 100, growthItemsPerDay: 5, retentionDays: 30, replication: 3, compression: 2 } },
    ],
    edges: [
      { id: 'e1', source: 'users', target: 'api', calls: 1, stage: 0, payloadBytes: 10 },
      { id: 'e2', source: 'api', target: 'cache' },
      { id: 'e3', source: 'api', target: 'lake', mode: 'async' },
    ],
    viewport: { x: 0, y: 0, zoom: 1 },
  };
}

type Case = [path: string, value: unknown];

/** Sets a value at a path like `nodes[1].capacity.replicas` in a fresh base diagram and loads it. */
function loadWith(path: string, value: unknown) {
  const doc = base();
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let target = doc;
  for (const key of keys.slice(0, -1)) target = target[key];
  target[keys.at(-1)!] = value;
  return loadDiagramValue(doc);
}

const problemsOf = (path: string, value: unknown) => {
  const result = loadWith(path, value);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('numeric bounds of the file format (docs/format.md)', () => {
  it('the base diagram is valid', () => {
    expect(loadDiagramValue(base()).ok).toBe(true);
  });

  const accepted: Case[] = [
    ['nodes[0].traffic.qps', 0],
    ['nodes[0].traffic.peakToAverage', 1],
    ['nodes[1].capacity.replicas', 1],
    ['nodes[1].capacity.replicas', 'auto'],
    ['nodes[1].capacity.concurrency', 1],
    ['nodes[1].capacity.targetUtilization', 1],
    ['nodes[1].capacity.minReplicas', 0],
    ['nodes[2].cache.hitRate', 0],
    ['nodes[2].cache.hitRate', 1],
    ['nodes[3].storage.items', 0],
    ['nodes[3].storage.bytesPerItem', 0],
    ['nodes[3].storage.growthItemsPerDay', 0],
    ['nodes[3].storage.growthItemsPerDay', 'traffic'],
    ['nodes[3].storage.retentionDays', 0],
    ['nodes[3].storage.replication', 1],
    ['nodes[3].storage.compression', 0.5],
    ['edges[0].calls', 0.01],
    ['edges[0].stage', -1],
    ['edges[0].payloadBytes', 0],
    ['budgets.monthlyCostUsd', 0],
    ['nodes[1].label', 'x'.repeat(120)],
    ['title', 'x'.repeat(200)],
  ];
  it.each(accepted)('accepts %s = %j', (path, value) => {
    expect(problemsOf(path, value)).toEqual([]);
  });

  const rejected: [path: string, value: unknown, message: string][] = [
    ['nodes[0].traffic.qps', -1, 'must be >= 0, not -1'],
    ['nodes[0].traffic.peakToAverage', 0.9, 'must be >= 1, not 0.9'],
    ['nodes[1].latency.p50Ms', 0, 'must be >= 0.000001, not 0'],
    ['nodes[1].capacity.replicas', 0, 'must be'],
    ['nodes[1].capacity.replicas', 1.5, 'must be'],
    ['nodes[1].capacity.concurrency', 0, 'must be >= 1, not 0'],
    ['nodes[1].capacity.concurrency', 2.5, 'must be a whole number'],
    ['nodes[1].capacity.targetUtilization', 0, 'must be > 0, not 0'],
    ['nodes[1].capacity.targetUtilization', 1.01, 'must be <= 1, not 1.01'],
    ['nodes[1].capacity.minReplicas', -1, 'must be >= 0, not -1'],
    ['nodes[2].cache.hitRate', -0.1, 'must be >= 0, not -0.1'],
    ['nodes[2].cache.hitRate', 1.1, 'must be <= 1, not 1.1'],
    ['nodes[3].storage.items', -1, 'must be >= 0, not -1'],
    ['nodes[3].storage.bytesPerItem', -1, 'must be >= 0, not -1'],
    ['nodes[3].storage.retentionDays', -1, 'must be >= 0, not -1'],
    ['nodes[3].storage.replication', 0.5, 'must be >= 1, not 0.5'],
    ['nodes[3].storage.compression', 0, 'must be >= 0.01, not 0'],
    ['nodes[3].storage.compression', -2, 'must be >= 0.01, not -2'],
    ['edges[0].calls', 0, 'must be > 0, not 0'],
    ['edges[0].stage', 0.5, 'must be a whole number'],
    ['edges[0].payloadBytes', -1, 'must be >= 0, not -1'],
    ['budgets.p99Ms', 0, 'must be >= 0.000001, not 0'],
    ['budgets.monthlyCostUsd', -1, 'must be >= 0, not -1'],
    ['viewport.zoom', 0, 'must be >= 0.01, not 0'],
    ['nodes[1].label', '', 'must not be empty'],
    ['nodes[1].label', 'x'.repeat(121), 'must be at most 120 characters'],
    ['title', 'x'.repeat(201), 'must be at most 200 characters'],
    ['nodes[1].id', '1api', 'must start with a letter'],
  ];
  it.each(rejected)('rejects %s = %j at the field', (path, value, message) => {
    const problems = problemsOf(path, value);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.startsWith(`${path}: ${message}`)).toBe(true);
  });

  it('a compression of 0 never reaches the estimator as infinite storage', () => {
    const result = loadWith('nodes[3].storage.compression', 0);
    expect(result).toEqual({ ok: false, problems: [{ path: 'nodes[3].storage.compression', message: 'must be >= 0.01, not 0' }] });
  });
});
