import { describe, expect, it } from 'vitest';
import { costFromDay, diagramAt, profileShare, simulateDay, type NodeDay } from '../../shared/estimator/daily';
import { call, diagramOf, near, svc } from './build';

const profile = { peakHour: 20, troughShare: 0.5 };

/**
 * Users on a daily wave (1,000 QPS at 20:00) and a flat batch job (500 QPS)
 * into an API of 10 ms constant service, two requests per replica, sized to
 * 50% busy: ceil(load / 100) replicas. The users also go through a cache
 * (half hit) that calls a database twice per miss.
 */
function design(scaleUpDelayS?: number) {
  return diagramOf(
    [
      { id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 1000, profile } } as never,
      { id: 'batch', kind: 'traffic', label: 'Batch', traffic: { qps: 500 } } as never,
      svc('api', 10, 10, { capacity: { replicas: 'auto', concurrency: 2, targetUtilization: 0.5, ...(scaleUpDelayS ? { scaleUpDelayS } : {}) } }),
      svc('cache', 1, 1, { kind: 'cache', cache: { hitRate: 0.5 } }),
      svc('db', 10, 10, { capacity: { replicas: 40 } }),
    ],
    [call('users', 'api'), call('batch', 'api'), call('users', 'cache'), call('cache', 'db', { calls: 2 })],
  );
}

describe('the day of a pool, half hour by half hour', () => {
  it('charts every half hour from 00:02:30: load from every entry, replicas sized to it, and the utilization they run at', () => {
    const day = simulateDay(design(), new Map()).nodes.get('api')!;
    expect(day.chart).toHaveLength(48);
    day.chart.forEach((point, k) => {
      const hour = (6 * k + 0.5) / 12;
      near(point.hour, hour, 1e-12);
      const qps = 1000 * profileShare(profile, hour) + 500;
      near(point.qps, qps, 1e-9);
      expect(point.replicas).toBe(Math.ceil(qps / 100 - 1e-9));
      near(point.utilization, (qps / 1000) * 10 / (point.replicas * 2), 1e-9);
    });
    // Every five minutes, at the middle of each step: the trough itself (08:00) falls between two steps.
    const needed = Array.from({ length: 288 }, (_, step) => Math.ceil((1000 * profileShare(profile, ((step + 0.5) * 5) / 60) + 500) / 100 - 1e-9));
    expect(day.peakReplicas).toBe(15);
    expect(day.lowestReplicas).toBe(Math.min(...needed));
    near(day.replicaHours, needed.reduce((a, b) => a + b, 0) / 12, 1e-12);
    expect(day.worstUtilization).toBeLessThanOrEqual(0.5 + 1e-9);
  });

  it('carries each entry\'s part through the copies per call: 1.5 copies on the users\' call to the API', () => {
    const amplified = simulateDay(design(), new Map([['e0', 1.5]])).nodes.get('api')!;
    near(amplified.chart[40]!.qps, 1500 * profileShare(profile, amplified.chart[40]!.hour) + 500, 1e-9);
  });

  it('passes a cache\'s misses on, times the calls: the database sees 1,000 x the users\' share', () => {
    const db = simulateDay(design(), new Map()).nodes.get('db')!;
    for (const point of db.chart) near(point.qps, 1000 * profileShare(profile, point.hour), 1e-9);
    near(db.replicaHours, 40 * 24, 1e-12);
    near(db.worstUtilization, (1000 * 10) / 1000 / 40, 1e-3);
  });

  it('a pool whose replicas come an hour late runs past its target on the ramp, at the hour its load outruns them', () => {
    const late = simulateDay(design(3600), new Map());
    const api = late.nodes.get('api')!;
    expect(api.worstUtilization).toBeGreaterThan(0.5);
    // The wave climbs fastest six hours before its peak, at 14:00.
    expect(api.worstHour).toBeGreaterThan(11);
    expect(api.worstHour).toBeLessThan(17);
    expect(late.worstHour).toBe(api.worstHour);
  });

  it('the diagram at an hour: users at their share of the peak, the flat entry as it was, the API at the replicas it had then', () => {
    const at = diagramAt(design(3600), 14, new Map());
    const node = (id: string) => at.nodes.find((n) => n.id === id)!;
    near(node('users').traffic!.qps!, 1000 * profileShare(profile, 14), 1e-12);
    expect(node('batch').traffic!.qps).toBe(500);
    expect(node('api').capacity!.replicas).toBe(Math.ceil((1000 * profileShare(profile, 13) + 500) / 100));
    expect(node('db').capacity!.replicas).toBe(40);
    expect(node('cache')).toEqual(design().nodes.find((n) => n.id === 'cache'));
  });

  it('a day without any profile has no pools and no worst hour', () => {
    const flat = diagramOf([{ id: 'u', kind: 'traffic', label: 'U', traffic: { qps: 10 } } as never, svc('api', 1, 2, { capacity: {} })], [call('u', 'api')]);
    expect(simulateDay(flat, new Map())).toEqual({ nodes: new Map(), worstHour: null });
  });
});

describe('an autoscaled batching pool through the day', () => {
  it('sizes its GPUs to the wave, at or under its target utilization', () => {
    const d = diagramOf(
      [
        { id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 2000, profile } } as never,
        { id: 'model', kind: 'model', label: 'Model', capacity: { replicas: 'auto', targetUtilization: 0.6 }, batching: { maxBatchSize: 16, maxQueueDelayMs: 2, fixedMs: 5, perItemMs: 0.5 } } as never,
      ],
      [call('users', 'model')],
    );
    const day = simulateDay(d, new Map()).nodes.get('model')!;
    expect(day.peakReplicas).toBeGreaterThan(day.lowestReplicas);
    expect(day.worstUtilization).toBeGreaterThan(0.3);
    expect(day.worstUtilization).toBeLessThanOrEqual(0.6 + 1e-9);
    const fixed = diagramOf([d.nodes[0]!, { ...d.nodes[1]!, capacity: { replicas: 3 } }], [call('users', 'model')]);
    near(simulateDay(fixed, new Map()).nodes.get('model')!.replicaHours, 3 * 24, 1e-12);
  });
});

describe('the month priced from the day', () => {
  it('compute from replica-hours x the monthly price of a replica / 24, storage as it was', () => {
    const day = { replicaHours: 48 } as NodeDay;
    expect(costFromDay({ compute: 999, storage: 10, total: 1009 }, day, 73)).toEqual({ compute: 146, storage: 10, total: 156 });
    const cost = { compute: 999, storage: 10, total: 1009 };
    expect(costFromDay(cost, undefined, 73)).toBe(cost);
  });
});
