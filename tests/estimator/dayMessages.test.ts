import { describe, expect, it } from 'vitest';
import { busierThanPeak, dayDiagnostics, peakHourOf, worstOfDay } from '../../shared/estimator/dayFigures';
import type { NodeDay } from '../../shared/estimator/daily';
import { Dist } from '../../shared/estimator/grid';
import type { Queueing } from '../../shared/estimator/queueing';
import type { DiagramNode } from '../../shared/model/schema';
import { round6 } from '../../shared/numbers';

/** A pool's day whose busiest moment is `worstUtilization` at `worstHour`. */
const day = (worstUtilization: number, worstHour: number): NodeDay => ({
  replicaHours: 24, peakReplicas: 1, lowestReplicas: 1, worstUtilization, worstHour, chart: [],
});

const pool = (id: string, scaleUpDelayS?: number): DiagramNode =>
  ({ id, kind: 'service', label: id.toUpperCase(), capacity: { replicas: 'auto', ...(scaleUpDelayS === undefined ? {} : { scaleUpDelayS }) } }) as DiagramNode;

describe('what the day says about a late autoscaler', () => {
  it('a pool 92% busy at 12:15 whose replicas come 900 s late: a warning with the time and the delay', () => {
    const [warning] = dayDiagnostics({ nodes: [pool('api', 900)] }, new Map([['api', day(0.92, 12.25)]]));
    expect(warning).toEqual({
      severity: 'warning',
      code: 'autoscale-lag',
      node: 'api',
      message:
        '"API" runs at 92% at 12:15 UTC during the day: its replicas follow the load 900 s late. ' +
        'Shorten the scale-up delay, scale on a forecast, raise minReplicas or maxReplicas, or lower targetUtilization.',
    });
  });

  it('a pool saturated just before midnight with no delay: an error, and replicas that cannot keep up', () => {
    const [error] = dayDiagnostics({ nodes: [pool('api')] }, new Map([['api', day(1, 23.99)]]));
    expect(error!.severity).toBe('error');
    expect(error!.message).toBe(
      '"API" saturates at 23:59 UTC during the day: its replicas cannot keep up. ' +
        'Shorten the scale-up delay, scale on a forecast, raise minReplicas or maxReplicas, or lower targetUtilization.',
    );
  });

  it('reads the hour on a 24-hour clock: 24.5 h is 00:30, -0.25 h is 23:45, 9.999 h is 10:00', () => {
    const at = (hour: number) => dayDiagnostics({ nodes: [pool('api')] }, new Map([['api', day(0.9, hour)]]))[0]!.message;
    expect(at(24.5)).toContain(' at 00:30 UTC ');
    expect(at(-0.25)).toContain(' at 23:45 UTC ');
    expect(at(9.999)).toContain(' at 10:00 UTC ');
    expect(at(23.9999)).toContain(' at 00:00 UTC ');
  });

  it('says nothing of pools at or below 80% busy, nor of nodes without a day', () => {
    const days = new Map([['calm', day(0.8, 3)], ['busy', day(0.81, 3)]]);
    const found = dayDiagnostics({ nodes: [pool('calm'), pool('busy'), pool('other')] }, days);
    expect(found.map((d) => d.node)).toEqual(['busy']);
  });
});

describe('the worst p99 of the day', () => {
  const slow = Dist.constant(100);
  const fast = Dist.constant(10);
  /** Figures are reported to six significant digits. */
  const p99 = round6(slow.quantile(0.99));

  it('is the busiest moment when it is slower than the peak, else the peak, each with its hour', () => {
    expect(worstOfDay(fast, slow, 12.5, 20)).toEqual({ worstP99Ms: p99, hour: 12.5 });
    expect(worstOfDay(slow, fast, 12.5, 20)).toEqual({ worstP99Ms: p99, hour: 20 });
    expect(worstOfDay(slow, slow, 12.5, 20)).toEqual({ worstP99Ms: p99, hour: 12.5 });
    expect(worstOfDay(slow, fast, 12.5, null)).toEqual({ worstP99Ms: p99, hour: 12.5 });
  });

  it('is unbounded when either moment is, at the moment that is', () => {
    expect(worstOfDay(fast, null, 12.5, 20)).toEqual({ worstP99Ms: null, hour: 12.5 });
    expect(worstOfDay(null, fast, 12.5, 20)).toEqual({ worstP99Ms: null, hour: 20 });
    expect(worstOfDay(null, fast, 12.5, null)).toEqual({ worstP99Ms: null, hour: 12.5 });
  });

  it('peaks at the profile\'s hour, 20:00 unless it says, and a flat day has none', () => {
    const entry = (profile?: object) => ({ id: 'u', kind: 'traffic', label: 'U', traffic: { qps: 1, ...(profile ? { profile } : {}) } }) as DiagramNode;
    expect(peakHourOf(entry({ peakHour: 9 }))).toBe(9);
    expect(peakHourOf(entry({}))).toBe(20);
    expect(peakHourOf(entry())).toBeNull();
  });

  it('looks again at the day only when some pool is busier then than at the peak', () => {
    const atPeak = new Map([['api', { utilization: 0.5 } as Queueing]]);
    expect(busierThanPeak(new Map([['api', day(0.5, 1)]]), atPeak)).toBe(false);
    expect(busierThanPeak(new Map([['api', day(0.5 + 1e-7, 1)]]), atPeak)).toBe(false);
    expect(busierThanPeak(new Map([['api', day(0.51, 1)]]), atPeak)).toBe(true);
    expect(busierThanPeak(new Map([['other', day(0.01, 1)]]), atPeak)).toBe(true);
    expect(busierThanPeak(new Map(), atPeak)).toBe(false);
  });
});
