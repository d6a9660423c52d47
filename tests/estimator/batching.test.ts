import { describe, expect, it } from 'vitest';
import { batchingAt, batchingRun, batchLatencyMs } from '../../shared/estimator/batching';
import { estimate } from '../../shared/estimator/estimate';
import { capacityInput } from '../../shared/estimator/queueing';
import { loadDiagram } from '../../shared/model/load';
import type { Batching } from '../../shared/model/serving';
import { simulateBatching } from '../../shared/sim/batching';
import { DEFAULT_CATALOG } from '../../shared/catalog';
import { diagramOf, near, users } from './build';

function quantile(samples: Float64Array, p: number): number {
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.floor(p * sorted.length)]!;
}

function mean(samples: Float64Array): number {
  return samples.reduce((a, b) => a + b, 0) / samples.length;
}

describe('batch latency', () => {
  it('is fixed plus per item, or read linearly between table rows and along the last row past it', () => {
    expect(batchLatencyMs({ maxBatchSize: 64, maxQueueDelayMs: 0, fixedMs: 4, perItemMs: 0.5 }, 8)).toBe(8);
    const table: Batching = { maxBatchSize: 256, maxQueueDelayMs: 0, table: [{ size: 1, ms: 2 }, { size: 32, ms: 6 }, { size: 128, ms: 18 }] };
    expect(batchLatencyMs(table, 1)).toBe(2);
    expect(batchLatencyMs(table, 80)).toBeCloseTo(12, 9);
    expect(batchLatencyMs(table, 256)).toBeCloseTo(34, 9);
  });
});

describe('dynamic batching against the closed form for evenly spaced requests', () => {
  // One executor, a request every a = 1 ms.
  it('grows batches until the GPU keeps up: C = f / (1 - p / a), b = C / a, a request takes S(b) plus a uniform share of (b - 1) a', () => {
    const spec: Batching = { maxBatchSize: 32, maxQueueDelayMs: 0, fixedMs: 4, perItemMs: 0.5 };
    const run = batchingAt(1000, spec, 1, 1, 'periodic');
    const cycleMs = 4 / (1 - 0.5);
    near(run.batchSize, cycleMs, 1e-6);
    expect(run.regime).toBe('busy');
    expect(run.utilization).toBeCloseTo(1, 6);
    near(run.own!.mean(), cycleMs + (cycleMs - 1) / 2, 0.005);
    near(run.own!.quantile(0.99), cycleMs + 0.99 * (cycleMs - 1), 0.02);
  });

  it('closes batches on the queue delay: b = 1 + floor(D / a), the first request waits D, the last D - (b - 1) a', () => {
    const spec: Batching = { maxBatchSize: 32, maxQueueDelayMs: 5.5, fixedMs: 1, perItemMs: 0.1 };
    const run = batchingAt(1000, spec, 1, 1, 'periodic');
    expect(run.batchSize).toBe(6);
    expect(run.regime).toBe('delay');
    const serviceMs = 1 + 0.1 * 6;
    near(run.utilization, serviceMs / 6, 1e-9);
    near(run.own!.mean(), serviceMs + 5.5 - 5 / 2, 0.005);
    near(run.own!.quantile(0.01), serviceMs + 0.5 + 0.01 * 5, 0.02);
  });

  it('sends at once when the largest preferred size is reached', () => {
    const spec: Batching = { maxBatchSize: 64, maxQueueDelayMs: 20, preferredBatchSizes: [4, 8], fixedMs: 1, perItemMs: 0.1 };
    const run = batchingAt(1000, spec, 1, 1, 'periodic');
    expect(run.batchSize).toBe(8);
    near(run.own!.mean(), 1.8 + 3.5, 0.005);
  });

  it('agrees with the simulated batcher on evenly spaced requests', () => {
    const spec: Batching = { maxBatchSize: 64, maxQueueDelayMs: 5, fixedMs: 5, perItemMs: 0.1 };
    const run = batchingAt(5000, spec, 2, 1, 'periodic');
    const sim = simulateBatching(5000, spec, 2, 'periodic', 50_000);
    near(run.batchSize, sim.meanBatchSize, 0.005);
    near(run.own!.mean(), mean(sim.latenciesMs), 0.01);
    near(run.own!.quantile(0.99), quantile(sim.latenciesMs, 0.99), 0.03);
  });
});

describe('dynamic batching against the simulated batcher under random (Poisson) arrivals', () => {
  const cases: { name: string; qps: number; executors: number; spec: Batching }[] = [
    { name: 'GPU kept busy, one executor', qps: 1000, executors: 1, spec: { maxBatchSize: 32, maxQueueDelayMs: 0, fixedMs: 4, perItemMs: 0.5 } },
    { name: 'closing on the delay, one executor', qps: 1000, executors: 1, spec: { maxBatchSize: 32, maxQueueDelayMs: 5, fixedMs: 1, perItemMs: 0.1 } },
    { name: 'four executors, short delay', qps: 2000, executors: 4, spec: { maxBatchSize: 64, maxQueueDelayMs: 2, fixedMs: 8, perItemMs: 0.2 } },
    { name: 'preferred sizes, eight executors', qps: 20_000, executors: 8, spec: { maxBatchSize: 128, maxQueueDelayMs: 3, fixedMs: 6, perItemMs: 0.05, preferredBatchSizes: [32, 64] } },
  ];
  for (const c of cases) {
    it(`${c.name}: batch size, GPU utilization, mean and p99`, () => {
      const run = batchingAt(c.qps, c.spec, c.executors, 1);
      const sim = simulateBatching(c.qps, c.spec, c.executors, 'poisson', 100_000);
      near(run.batchSize, sim.meanBatchSize, 0.04);
      near(run.utilization, sim.utilization, 0.03);
      near(run.own!.mean(), mean(sim.latenciesMs), 0.08);
      near(run.own!.quantile(0.99), quantile(sim.latenciesMs, 0.99), 0.1);
    });
  }
});

describe('a model node with batching in the estimate', () => {
  const ranker = (batching: Partial<Batching> = {}, capacity: object = { replicas: 'auto', targetUtilization: 0.7 }) =>
    ({
      id: 'ranker', kind: 'model', label: 'Ranker', capacity,
      batching: { maxBatchSize: 64, maxQueueDelayMs: 4, fixedMs: 6, perItemMs: 0.2, gpu: 'g5.xlarge', ...batching },
    }) as never;

  it('sizes GPUs from the load, prices them from the catalog and reports the batch, utilization and cost per 1,000 requests', () => {
    const result = estimate(diagramOf([users(20_000), ranker({ maxQueueDelayMs: 3 })], [{ source: 'users', target: 'ranker' }]));
    const node = result.nodes.find((n) => n.id === 'ranker')!;
    const b = node.batching!;
    // 20 requests per ms over a 3 ms delay: 1 + 60 per batch.
    near(b.batchSize, 61, 1e-6);
    expect(b.gpuUtilization).toBeLessThanOrEqual(0.7);
    near(b.gpuUtilization, (20 * (6 + 0.2 * 61)) / (61 * node.replicas!), 1e-5);
    near(node.costUsdPerMonth.compute, node.replicas! * 1.006 * 730, 1e-9);
    near(b.costPer1kRequestsUsd!, (node.replicas! * 1.006 * 1000) / (20_000 * 3600), 1e-5);
    expect(b.regime).toBe('delay');
  });

  it('prices a replica of several GPUs at the catalog price per GPU', () => {
    const result = estimate(diagramOf([users(20_000), ranker({ gpu: 'p4d.24xlarge', gpusPerReplica: 2 })], [{ source: 'users', target: 'ranker' }]));
    const node = result.nodes.find((n) => n.id === 'ranker')!;
    near(node.costUsdPerMonth.compute, node.replicas! * 2 * (32.7726 / 8) * 730, 1e-9);
    expect(node.batching!.gpus).toBe(node.replicas! * 2);
  });

  it('trades queue delay for cost: longer delays give larger batches, fewer GPUs and a longer p99', () => {
    const node = estimate(diagramOf([users(5000), ranker()], [{ source: 'users', target: 'ranker' }])).nodes.find((n) => n.id === 'ranker')!;
    const points = node.batching!.queueDelayWhatIf;
    expect(points.map((p) => p.maxQueueDelayMs)).toEqual([0, 1, 2, 4, 8, 16]);
    for (let i = 1; i < points.length; i++) {
      expect(points[i]!.batchSize).toBeGreaterThan(points[i - 1]!.batchSize);
      expect(points[i]!.costPer1kRequestsUsd!).toBeLessThanOrEqual(points[i - 1]!.costPer1kRequestsUsd!);
    }
    expect(points[5]!.p99Ms!).toBeGreaterThan(points[2]!.p99Ms!);
    expect(points[0]!.costPer1kRequestsUsd!).toBeGreaterThan(points[5]!.costPer1kRequestsUsd!);
  });

  it('calls a pool saturated when full batches cannot keep up, and its callers unbounded', () => {
    const result = estimate(diagramOf([users(20_000), ranker({}, { replicas: 2 })], [{ source: 'users', target: 'ranker' }]));
    const saturated = result.diagnostics.find((d) => d.code === 'saturated' && d.node === 'ranker');
    expect(saturated?.message).toMatch(/full batches of 64/);
    expect(result.entries[0]!.latencyMs).toBeNull();
  });

  it('says when batches grow with the load, and shows the pool busy but not saturated', () => {
    const result = estimate(diagramOf([users(20_000), ranker({ maxQueueDelayMs: 0 }, { replicas: 8 })], [{ source: 'users', target: 'ranker' }]));
    expect(result.diagnostics.some((d) => d.code === 'batching-busy' && d.node === 'ranker')).toBe(true);
    const node = result.nodes.find((n) => n.id === 'ranker')!;
    expect(node.utilization).toBeLessThan(1);
    expect(node.batching!.gpuUtilization).toBeCloseTo(1, 6);
  });

  it('auto sizing holds GPU utilization at or under the target for any load', () => {
    for (const qps of [10, 300, 5000, 80_000]) {
      const run = batchingRun(qps, { maxBatchSize: 32, maxQueueDelayMs: 2, fixedMs: 5, perItemMs: 0.3 }, capacityInput({ targetUtilization: 0.6, minReplicas: 1 }));
      expect(run.utilization).toBeLessThanOrEqual(0.6 + 1e-9);
      const fewer = batchingAt(qps, { maxBatchSize: 32, maxQueueDelayMs: 2, fixedMs: 5, perItemMs: 0.3 }, run.replicas - 1, 1);
      if (run.replicas > 1) expect(fewer.saturated || fewer.utilization > 0.6).toBe(true);
    }
  });
});

describe('the batching block in a file', () => {
  const file = (batching: object) =>
    JSON.stringify({
      format: 'mlsd-studio/diagram', version: 1, title: 'T',
      nodes: [{ id: 'm', kind: 'model', label: 'M', batching }], edges: [],
    });
  const problems = (batching: object) => {
    const result = loadDiagram(file(batching));
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('takes a batch latency given one way only, rising tables, preferred sizes within the largest batch, and a GPU the catalog lists', () => {
    expect(problems({ maxBatchSize: 8, maxQueueDelayMs: 1, fixedMs: 1, perItemMs: 1 })).toEqual([]);
    expect(problems({ maxBatchSize: 8, maxQueueDelayMs: 1 })[0]).toMatch(/^nodes\[0\]\.batching: give the batch latency/);
    expect(problems({ maxBatchSize: 8, maxQueueDelayMs: 1, table: [{ size: 4, ms: 2 }, { size: 2, ms: 3 }] })[0]).toMatch(/^nodes\[0\]\.batching\.table\[1\]: sizes must rise/);
    expect(problems({ maxBatchSize: 8, maxQueueDelayMs: 1, fixedMs: 1, preferredBatchSizes: [4, 16] })[0]).toBe('nodes[0].batching.preferredBatchSizes[1]: must be <= maxBatchSize (8)');
    expect(problems({ maxBatchSize: 8, maxQueueDelayMs: 1, fixedMs: 1, gpu: 'g5.xlarg' })[0]).toMatch(/^nodes\[0\]\.batching\.gpu: no GPU instance type "g5.xlarg".*g5.xlarge/);
    expect(problems({ maxBatchSize: 8, maxQueueDelayMs: 1, fixedMs: 1, gpu: 'm7i.large' })[0]).toMatch(/no GPU instance type "m7i.large"/);
    expect(problems({ maxBatchSize: 0, maxQueueDelayMs: 1, fixedMs: 1 })[0]).toMatch(/^nodes\[0\]\.batching\.maxBatchSize/);
  });

  it('is refused on a kind that does not batch', () => {
    const result = loadDiagram(JSON.stringify({
      format: 'mlsd-studio/diagram', version: 1, title: 'T',
      nodes: [{ id: 'c', kind: 'cache', label: 'C', batching: { maxBatchSize: 8, maxQueueDelayMs: 1, fixedMs: 1 } }], edges: [],
    }));
    expect(result.ok).toBe(false);
    expect(DEFAULT_CATALOG.instances['g5.xlarge']!.gpus).toBe(1);
  });
});
