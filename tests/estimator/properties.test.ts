import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { loadDiagramValue } from '../../shared/model/load';
import type { Diagram } from '../../shared/model/schema';
import { diagrams } from './arbitrary';
import { call, diagramOf, svc, users } from './build';

const RUNS = { numRuns: 60, seed: 20261121 };

describe('estimator properties', () => {
  it('random valid diagrams validate and estimate without throwing, with ordered percentiles', () => {
    fc.assert(
      fc.property(diagrams, (diagram) => {
        expect(loadDiagramValue(diagram).ok).toBe(true);
        const result = estimate(diagram);
        for (const entry of result.entries) {
          const l = entry.latencyMs;
          if (!l) continue;
          expect(l.p50).toBeLessThanOrEqual(l.p90);
          expect(l.p90).toBeLessThanOrEqual(l.p99);
          expect(l.p99).toBeLessThanOrEqual(l.p999);
          expect(l.mean).toBeGreaterThanOrEqual(0);
        }
        for (const node of result.nodes) {
          if (node.latencyMs) expect(node.latencyMs.p50).toBeLessThanOrEqual(node.latencyMs.p99);
          expect(Number.isFinite(node.costUsdPerMonth.total)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('the same diagram gives byte-identical figures', () => {
    fc.assert(fc.property(diagrams, (d) => {
        expect(JSON.stringify(estimate(d))).toBe(JSON.stringify(estimate(structuredClone(d))));
      }), { ...RUNS, numRuns: 20 });
  });

  it('more replicas never raise latency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.double({ min: 0.2, max: 0.95, noNaN: true }), fc.double({ min: 1, max: 6, noNaN: true }), (replicas, rho, spread) => {
        const meanishMs = 10;
        const qps = (rho * replicas * 1000) / (meanishMs * 1.6);
        const at = (r: number) =>
          estimate(diagramOf([users(qps), svc('s', meanishMs, meanishMs * spread, { capacity: { replicas: r } })], [call('users', 's')])).entries[0]!.latencyMs;
        const fewer = at(replicas);
        const more = at(replicas + 1)!;
        if (fewer === null) return; // saturated with fewer: unbounded is above anything
        for (const p of ['mean', 'p50', 'p90', 'p99', 'p999'] as const) expect(more[p]).toBeLessThanOrEqual(fewer[p] * (1 + 1e-9));
      }),
      RUNS,
    );
  });

  it('a higher hit rate never raises a downstream rate', () => {
    fc.assert(
      fc.property(diagrams, fc.double({ min: 0, max: 1, noNaN: true }), (diagram, bump) => {
        const raised: Diagram = structuredClone(diagram);
        for (const node of raised.nodes) if (node.cache) node.cache.hitRate = node.cache.hitRate + (1 - node.cache.hitRate) * bump;
        const before = estimate(diagram).nodes;
        const after = estimate(raised).nodes;
        after.forEach((n, i) => expect(n.qps.peak).toBeLessThanOrEqual(before[i]!.qps.peak * (1 + 1e-12)));
      }),
      RUNS,
    );
  });

  it('longer retention holds strictly more data and costs strictly more wherever items arrive', () => {
    fc.assert(
      fc.property(diagrams, fc.integer({ min: 1, max: 1000 }), (diagram, extraDays) => {
        const longer: Diagram = structuredClone(diagram);
        for (const node of longer.nodes) if (node.storage) node.storage.retentionDays = (node.storage.retentionDays ?? 0) + extraDays;
        const before = estimate(diagram);
        const after = estimate(longer);
        let grows = false;
        longer.nodes.forEach((node, i) => {
          const was = before.nodes[i]!;
          const now = after.nodes[i]!;
          const arriving = node.storage !== undefined && was.qps.avg > 0 && (node.storage.bytesPerItem ?? 0) > 0;
          if (!arriving) {
            expect(now.storageBytes).toBe(was.storageBytes);
            expect(now.costUsdPerMonth).toEqual(was.costUsdPerMonth);
            return;
          }
          // One item per request at the average rate, kept for the retention period.
          const itemsPerDay = was.qps.avg * 86_400;
          const expected = node.storage!.bytesPerItem! * itemsPerDay * node.storage!.retentionDays!;
          expect(Math.abs(now.storageBytes - expected)).toBeLessThanOrEqual(1e-9 * expected);
          expect(now.storageBytes).toBeGreaterThan(was.storageBytes);
          if (was.costUsdPerMonth.storage > 0 || now.costUsdPerMonth.storage > 0) {
            expect(now.costUsdPerMonth.storage).toBeGreaterThan(was.costUsdPerMonth.storage);
            grows = true;
          }
        });
        if (grows) expect(after.totals.costUsdPerMonth).toBeGreaterThan(before.totals.costUsdPerMonth);
        else expect(after.totals.costUsdPerMonth).toBe(before.totals.costUsdPerMonth);
      }),
      RUNS,
    );
  });
});
