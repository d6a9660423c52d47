import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { diagrams } from './arbitrary';
import { logNormalFit, peakRates, stagesOf, waitModel } from './reference';
import { call, diagramOf, svc, users } from './build';

// The estimator against the reference's own, separately written formulas: two implementations of
// docs/estimator.md must give the same figures wherever the model has a closed form.
const RUNS = { numRuns: 80, seed: 20261127 };

describe('the estimator agrees with the independent reference', () => {
  it('peak rates at every node of random diagrams', () => {
    fc.assert(
      fc.property(diagrams, (d) => {
        const reference = peakRates(d);
        for (const node of estimate(d).nodes) {
          const expected = reference.get(node.id)!;
          expect(Math.abs(node.qps.peak - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
        }
      }),
      RUNS,
    );
  });

  it('servers, utilization and saturation of random diagrams', () => {
    fc.assert(
      fc.property(diagrams, (d) => {
        const rates = peakRates(d);
        const figures = new Map(estimate(d).nodes.map((n) => [n.id, n]));
        for (const node of d.nodes) {
          if (!node.latency || !node.capacity) continue;
          const service = logNormalFit(node.latency.p50Ms, node.latency.p99Ms);
          const wait = waitModel(rates.get(node.id)!, service, node.capacity);
          const f = figures.get(node.id)!;
          expect(f.replicas).toBe(wait.replicas);
          // The estimator rounds to 6 significant digits.
          expect(Math.abs(f.utilization! - wait.utilization)).toBeLessThanOrEqual(1e-5 * wait.utilization);
          // A queue saturated here is unbounded there.
          if (wait.saturated) expect(f.latencyMs).toBeNull();
        }
      }),
      RUNS,
    );
  });

  it('reads a sync call chain in stage order: explicit stages first by number, then positions', () => {
    const edges = [
      { id: 'a', source: 's', target: 'x', stage: 2 },
      { id: 'b', source: 's', target: 'y' },
      { id: 'c', source: 's', target: 'z', stage: 0 },
      { id: 'd', source: 's', target: 'w', stage: 1 },
    ];
    // b sits at position 1, so it shares stage 1 with d.
    expect(stagesOf(edges).map((stage) => stage.map((e) => e.id))).toEqual([['c'], ['b', 'd'], ['a']]);
  });

  it('mean latency of a queue at several loads, against the reference wait', () => {
    for (const [replicas, qps] of [[1, 50], [2, 150], [4, 300], [16, 1_400]] as const) {
      const d = diagramOf([users(qps), svc('s', 8, 32, { capacity: { replicas } })], [call('users', 's')]);
      const service = logNormalFit(8, 32);
      const wait = waitModel(qps, service, { replicas });
      expect(wait.saturated).toBe(false);
      const expected = service.meanMs + wait.probability * wait.meanWhenWaitingMs;
      expect(Math.abs(estimate(d).entries[0]!.latencyMs!.mean - expected) / expected).toBeLessThan(0.005);
    }
  });
});
