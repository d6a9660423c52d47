import { describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import type { DiagramNode } from '../../shared/model/schema';
import { simulateBatching } from '../../shared/sim/batching';
import { compareWithEstimate } from '../../shared/sim/compare';
import { simulate } from '../../shared/sim/simulate';
import { call, diagramOf, users } from '../estimator/build';

const spec = { maxBatchSize: 16, maxQueueDelayMs: 4, preferredBatchSizes: [8, 16], fixedMs: 6, perItemMs: 1 };

/** A model pool with a dynamic batcher behind an entry. */
function batchingDesign(qps: number, replicas: number) {
  const model: DiagramNode = { id: 'model', kind: 'model', label: 'Model', capacity: { replicas, concurrency: 1 }, batching: spec };
  return diagramOf([users(qps), model], [call('users', 'model')]);
}

describe('a model pool with a dynamic batcher in the network simulation', () => {
  it('holds a lone request for the queue delay, then runs it alone: 4 ms + 6 ms + 1 ms = 11 ms', () => {
    const run = simulate(batchingDesign(1, 1), { requests: 2_000, seed: 5 });
    const latency = run.entries[0]!.latencyMs!;
    expect(latency.p50.value).toBeCloseTo(11, 6);
    expect(run.nodes.find((n) => n.id === 'model')!.meanLatencyMs).toBeCloseTo(11, 1);
  });

  it('agrees with the one-pool simulation of the batcher, written on its own, in mean latency and busy share', () => {
    const qps = 2_000;
    const replicas = 4;
    const network = simulate(batchingDesign(qps, replicas), { requests: 100_000, seed: 11 });
    const alone = simulateBatching(qps, spec, replicas, 'poisson', 100_000, 3);
    const meanAlone = alone.latenciesMs.reduce((a, b) => a + b, 0) / alone.latenciesMs.length;
    const model = network.nodes.find((n) => n.id === 'model')!;
    expect(Math.abs(model.meanLatencyMs! / meanAlone - 1)).toBeLessThan(0.02);
    expect(Math.abs(model.utilization! - alone.utilization)).toBeLessThan(0.01);
  });

  it('leaves no request behind: every request of a pool that runs full batches answers', () => {
    // 10,000 QPS into 16 executors of 16-request batches (6 + 16 x 1 = 22 ms, 11,636 QPS at most): 86% busy, nearly every batch full.
    const run = simulate(batchingDesign(10_000, 16), { requests: 50_000, seed: 2 });
    expect(run.entries[0]!.latencyMs).not.toBeNull();
    expect(run.nodes.find((n) => n.id === 'model')!.utilization).toBeGreaterThan(0.8);
    expect(run.entries[0]!.requests).toBeGreaterThan(49_000);
    expect(run.nodes.find((n) => n.id === 'model')!.qps).toBeCloseTo(run.nodes.find((n) => n.id === 'users')!.qps, -1);
  });

  it('agrees with the estimate of video recommendation, whose scoring model batches: p50 about 63 ms, not the 18 ms of a ranker taking no time', () => {
    const doc = blueprint('video-recommendation')!;
    const [entry] = compareWithEstimate(estimate(doc), simulate(doc, { requests: 100_000, seed: 1 }));
    for (const f of entry!.figures) expect(f.disagrees, `${f.figure}: estimate ${f.estimatedMs} ms, simulated ${f.simulatedMs} ms`).toBe(false);
    expect(entry!.figures.find((f) => f.figure === 'p50')!.simulatedMs).toBeGreaterThan(55);
  }, 60_000);
});
