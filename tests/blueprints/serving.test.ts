import { describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';

describe('blueprints that serve models on GPUs', () => {
  describe.each(['video-recommendation', 'ad-click-prediction', 'news-feed', 'harmful-content-detection'])('%s', (slug) => {
    const diagram = blueprint(slug)!;
    const figures = estimate(diagram);

    it('batches its GPU models dynamically, with the batch, GPUs and cost per 1,000 requests derived from the load', () => {
      const batched = figures.nodes.filter((n) => n.batching);
      expect(batched.length).toBeGreaterThan(0);
      for (const n of batched) {
        expect(n.batching!.batchSize).toBeGreaterThan(1);
        expect(n.batching!.gpuUtilization).toBeLessThanOrEqual(0.6 + 1e-9);
        expect(n.batching!.costPer1kRequestsUsd).toBeGreaterThan(0);
      }
      expect(diagram.brief!.assumptions).toMatch(/dynamic batch/);
    });

    it('follows a daily wave: autoscaled pools cost their replica-hours, less than their peak replicas around the clock', () => {
      expect(figures.entries.some((e) => e.day)).toBe(true);
      const scaled = figures.nodes.filter((n) => n.day && n.day.lowestReplicas < n.day.peakReplicas);
      expect(scaled.length).toBeGreaterThan(0);
      for (const n of scaled) expect(n.day!.replicaHours).toBeLessThan(24 * n.day!.peakReplicas);
      expect(diagram.brief!.assumptions).toMatch(/daily wave/);
    });
  });

  it('hedges fan-out shard calls where the design waits for the slowest shard, and bounds feature-lookup retries with a budget', () => {
    for (const slug of ['video-recommendation', 'news-feed']) {
      const hedged = estimate(blueprint(slug)!).calls!.filter((c) => c.hedge);
      expect(hedged.length, slug).toBe(1);
      expect(hedged[0]!.p99Ms!).toBeLessThan(hedged[0]!.p99WithoutPolicyMs!);
    }
    const ads = blueprint('ad-click-prediction')!;
    expect(ads.edges.find((e) => e.retry)!.retry).toMatchObject({ timeoutMs: 20, retries: 1, budget: 0.1 });
  });
});
