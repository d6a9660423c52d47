import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { Dist } from '../../shared/estimator/grid';
import { at, clampIndex, GRID_RATIO, GRID_STEP, indexBelow, INV_STEP, K_MAX, K_MIN, midAbove, POINTS, SUM_D_HIGH, SUM_D_LOW, SUM_M, withGridStep } from '../../shared/estimator/gridPoints';
import { COARSE_FROM_NODES, COARSE_STEP, COARSE_TOLERANCE, gridStepFor, precisionDiagnostics } from '../../shared/estimator/precision';
import { Z99 } from '../../shared/estimator/normal';
import { clearMemos } from '../../shared/memo';
import type { Diagram } from '../../shared/model/schema';
import { call, diagramOf, near, svc, users } from './build';
import { latencies } from './coarseFigures';

/** An exponential latency of mean `meanMs`: a wait that always happens. */
const exponential = (meanMs: number) => Dist.ZERO.plusWait(1, meanMs);

describe('the coarse grid\'s points and laws', () => {
  it('sit 8.16% apart, from 1 ns to 30 years, and each index reads back from its own value', () => {
    withGridStep(COARSE_STEP, () => {
      expect(GRID_STEP).toBe(2);
      expect(GRID_RATIO).toBe(1.04 * 1.04);
      near(at(1) / at(0), 1.0816, 1e-12);
      expect(at(0)).toBe(1);
      expect(at(K_MIN)).toBeLessThanOrEqual(1e-6);
      expect(at(K_MIN + 1)).toBeGreaterThan(1e-6);
      expect(at(K_MAX)).toBeGreaterThanOrEqual(1e12);
      expect(at(K_MAX - 1)).toBeLessThan(1e12);
      expect(clampIndex(K_MIN - 5)).toBe(K_MIN + 1);
      expect(clampIndex(K_MAX + 5)).toBe(K_MAX - 1);
      for (const k of [K_MIN + 1, -150, -1, 0, 1, 29, 200, K_MAX - 1]) {
        expect(indexBelow(at(k))).toBe(k);
        expect(indexBelow(at(k) * 1.0001)).toBe(k);
        expect(indexBelow(at(k + 1) * 0.9999)).toBe(k);
        expect(midAbove(k)).toBeCloseTo((at(k) + at(k + 1)) / 2, 12);
      }
      // Every point and step is worked out, to two points past the top.
      expect(POINTS.length).toBe(K_MAX - K_MIN + 3);
      expect(POINTS.at(-1)).toBeCloseTo(at(K_MAX + 1) * 1.0816, 0);
      expect(INV_STEP.length).toBe(POINTS.length - 1);
      expect(INV_STEP.at(-1)).toBe(1 / (POINTS.at(-1)! - POINTS.at(-2)!));
      // Outside the grid the index still comes from the logarithm.
      expect(indexBelow(1e-9)).toBe(Math.floor(Math.log(1e-9) / Math.log(1.0816)));
      expect(indexBelow(1e15)).toBe(Math.floor(Math.log(1e15) / Math.log(1.0816)));
    });
  });

  it('group the pairs of a sum by where they land: every index difference in a group lands the same number of points up', () => {
    withGridStep(COARSE_STEP, () => {
      const lands = (d: number) => Math.floor(Math.log1p(Math.pow(1.0816, -d)) / Math.log(1.0816));
      // Two equal values land log_R(2) = 8.8 points up; from some difference on, the larger one's own point.
      expect(SUM_M[0]).toBe(8);
      expect(SUM_D_LOW[0]).toBe(0);
      expect(SUM_M.at(-1)).toBe(0);
      expect(SUM_D_HIGH.at(-1)).toBe(1 << 30);
      for (let g = 0; g < SUM_M.length; g++) {
        if (g > 0) expect(SUM_D_LOW[g]).toBe(SUM_D_HIGH[g - 1]! + 1);
        const last = g === SUM_M.length - 1 ? SUM_D_LOW[g]! + 5 : SUM_D_HIGH[g]!;
        for (let d = SUM_D_LOW[g]!; d <= last; d++) expect(lands(d)).toBe(SUM_M[g]);
      }
      expect(SUM_M.length).toBe(new Set(SUM_M).size);
    });
  });

  it('keep the closed forms: an exponential, a gamma of shape 2, the larger of two, a log-normal and a constant', () => {
    withGridStep(COARSE_STEP, () => {
      const e = exponential(10);
      near(e.mean(), 10, 0.001);
      near(e.quantile(0.99), 10 * Math.log(100), 0.01);
      const g = e.plus(e);
      near(g.mean(), 20, 0.001);
      near(g.quantile(0.99), 66.384, 0.01);
      near(g.cdf(20), 1 - 3 * Math.exp(-2), 0.01);
      const m = e.max(e);
      near(m.mean(), 15, 0.001);
      near(m.quantile(0.5), -10 * Math.log(1 - Math.sqrt(0.5)), 0.01);
      const l = Dist.logNormal(10, 0.5);
      near(l.quantile(0.99), 10 * Math.exp(Z99 * 0.5), 0.01);
      near(l.mean(), 10 * Math.exp(0.125), 0.001);
      const c = Dist.constant(7);
      near(c.mean(), 7, 1e-12);
      expect(at(c.lo)).toBeLessThanOrEqual(7);
      expect(at(c.lo + 1)).toBeGreaterThan(7);
      const s = Dist.fromSamples([0, 5, 5, 12]);
      expect(s.zero).toBe(0.25);
      near(s.mean(), 5.5, 1e-12);
    });
  });
});

describe('the coarse latency grid of very large designs', () => {
  it('is chosen from COARSE_FROM_NODES nodes', () => {
    const nodes = (n: number) => ({ nodes: Array.from({ length: n }) as Diagram['nodes'] });
    expect(gridStepFor(nodes(30))).toBe(1);
    expect(gridStepFor(nodes(COARSE_FROM_NODES - 1))).toBe(1);
    expect(gridStepFor(nodes(COARSE_FROM_NODES))).toBe(COARSE_STEP);
  });

  it('moves figures: a narrow latency reads differently on the two grids, and the fine grid is the default', () => {
    const d = diagramOf([users(100), svc('api', 10, 12)], [call('users', 'api')]);
    const fine = estimate(d).nodes[1]!.latencyMs!;
    const coarse = estimate(d, { gridStep: COARSE_STEP }).nodes[1]!.latencyMs!;
    expect(estimate(d, { gridStep: 1 }).nodes[1]!.latencyMs).toEqual(fine);
    expect(coarse.p99).not.toBe(fine.p99);
    expect(Math.abs(coarse.mean / fine.mean - 1)).toBeLessThan(COARSE_TOLERANCE.mean);
  });

  it('says so on the design, with the step and the precision', () => {
    expect(precisionDiagnostics({ nodes: [] }, 1)).toEqual([]);
    const [note] = precisionDiagnostics({ nodes: Array.from({ length: 12_345 }) as Diagram['nodes'] }, COARSE_STEP);
    expect(note).toEqual({ severity: 'info', code: 'coarse-latency-grid', message: expect.any(String) });
    expect(note!.message).toContain('12,345 nodes');
    expect(note!.message).toContain('(8.2% steps instead of 4%)');
    expect(note!.message).toContain('means within 0.5%; p50 to p999 within 2% where p99 is at least 2x p50, within 10% where the latency is narrower');
    const d = diagramOf([users(100), svc('api', 10, 40)], [call('users', 'api')]);
    expect(estimate(d, { gridStep: COARSE_STEP }).diagnostics.filter((x) => x.code === 'coarse-latency-grid')).toHaveLength(1);
    expect(estimate(d).diagnostics.filter((x) => x.code === 'coarse-latency-grid')).toEqual([]);
  });

  it('puts the fine grid back when the work inside fails', () => {
    expect(() => withGridStep(COARSE_STEP, () => {
      expect(GRID_STEP).toBe(COARSE_STEP);
      expect(at(1)).toBeCloseTo(1.0816, 12);
      throw new Error('failed inside');
    })).toThrow('failed inside');
    expect(GRID_STEP).toBe(1);
    expect(Dist.logNormal(10, 0.5).quantile(0.5)).toBeCloseTo(10, 1);
  });

  it('never answers from results kept on the other grid (sampled pools, single-server waits)', () => {
    // Ten parallel copies into a pool of 4 servers are sampled; one server behind it has an exact M/G/1 wait.
    const d = diagramOf(
      [users(200), svc('api', 5, 20), { ...svc('index', 2, 8), capacity: { replicas: 1, concurrency: 4 } }, { ...svc('db', 3, 12), capacity: { replicas: 1, concurrency: 1 } }],
      [call('users', 'api'), call('api', 'index', { calls: 10 }), call('api', 'db')],
    );
    const coarseFirst = latencies(estimate(d, { gridStep: COARSE_STEP }));
    const fineAfter = latencies(estimate(d));
    clearMemos();
    expect(fineAfter).toEqual(latencies(estimate(d)));
    const fineFirst = latencies(estimate(d));
    expect(latencies(estimate(d, { gridStep: COARSE_STEP }))).toEqual(coarseFirst);
    expect(fineFirst).not.toEqual(coarseFirst);
  });
});
