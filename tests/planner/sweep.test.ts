import { describe, expect, it } from 'vitest';
import { serviceTime } from '../../shared/estimator/queueing';
import { formatMultiplier, sweep, sweepMultipliers } from '../../shared/planner/sweep';
import { call, diagramOf, svc, users } from '../estimator/build';

// One M/M/c node: exponential service (p99 / p50 = ln 100 / ln 2), c = 4 fixed servers, 100 QPS offered at 1x.
const P50_MS = 10;
const P99_MS = (P50_MS * Math.log(100)) / Math.log(2);
const mmc = (extra = {}) =>
  diagramOf([users(100), svc('ranker', P50_MS, P99_MS, { label: 'Ranker', capacity: { replicas: 4 } })], [call('users', 'ranker')], extra);

describe('sweep', () => {
  it('places the knee of a single M/M/c node at its analytic saturation load, c / E[S]', () => {
    const meanMs = serviceTime(P50_MS, P99_MS).meanMs;
    const saturationMultiplier = (4 * 1000) / meanMs / 100;
    const result = sweep(mmc(), { points: 40 });
    expect(result.saturation.multiplier!).toBeGreaterThanOrEqual(saturationMultiplier);
    expect(result.saturation.multiplier! / saturationMultiplier - 1).toBeLessThan(1e-4);
    expect(result.saturation.node).toBe('ranker');
    expect(result.saturation.text).toBe(`breaks at ${formatMultiplier(saturationMultiplier)}: Ranker saturates`);
  });

  it('gives p99 and cost per point, unbounded past saturation', () => {
    const result = sweep(mmc(), { points: 10 });
    expect(result.points.map((p) => p.multiplier)).toEqual(sweepMultipliers(0.1, 100, 10));
    const below = result.points.filter((p) => p.multiplier < 2);
    expect(below.every((p) => p.worstP99Ms !== null)).toBe(true);
    for (let i = 1; i < below.length; i++) expect(below[i]!.worstP99Ms!).toBeGreaterThanOrEqual(below[i - 1]!.worstP99Ms!);
    expect(result.points.at(-1)).toMatchObject({ worstP99Ms: null, saturated: ['ranker'] });
  });

  it('finds where the p99 budget is first missed, before saturation', () => {
    const result = sweep(mmc({ budgets: { p99Ms: 100 } }), { points: 30 });
    const knee = result.p99Budget!.multiplier!;
    expect(knee).toBeLessThan(result.saturation.multiplier!);
    const justAbove = sweep(mmc({ budgets: { p99Ms: 100 } }), { fromMultiplier: knee * 1.001, toMultiplier: knee * 1.002, points: 2 });
    expect(justAbove.points[0]!.worstP99Ms!).toBeGreaterThan(100);
    const justBelow = sweep(mmc(), { fromMultiplier: knee * 0.998, toMultiplier: knee * 0.999, points: 2 });
    expect(justBelow.points[1]!.worstP99Ms!).toBeLessThanOrEqual(100);
  });

  it('says so when nothing breaks in the range, and reports progress', () => {
    const calls: number[] = [];
    const result = sweep(mmc(), { toMultiplier: 1, points: 5, onProgress: (done) => calls.push(done) });
    expect(result.saturation).toEqual({ multiplier: null, text: 'nothing saturates from 0.1x to 1x' });
    expect(calls).toEqual([1, 2, 3, 4, 5]);
  });

  it('holds a fixed fleet: "auto" pools keep their 1x replicas, so the design breaks', () => {
    const auto = diagramOf([users(100), svc('ranker', 10, 10, { label: 'Ranker', capacity: {} })], [call('users', 'ranker')]);
    expect(sweep(auto, { points: 5 }).saturation.multiplier).toBeNull();
    // 1 Erlang at 1x: 2 replicas at 60%, saturating at 2 Erlangs, 2x.
    expect(sweep(auto, { points: 20, fixedFleet: true }).saturation.multiplier!).toBeCloseTo(2, 3);
  });
});
