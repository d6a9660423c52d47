import { describe, expect, it } from 'vitest';
import { profileShare } from '../../shared/estimator/daily';
import { estimate } from '../../shared/estimator/estimate';
import { loadDiagram } from '../../shared/model/load';
import type { DailyProfile } from '../../shared/model/blocks';
import { call, diagramOf, near, svc } from './build';

const wave = (profile: DailyProfile, qps = 100_000) => ({ id: 'users', kind: 'traffic', label: 'Users', traffic: { qps, profile } }) as never;

describe('the daily profile', () => {
  it('peaks at its hour, bottoms out at the trough share 12 hours later, and multiplies by the spike while it lasts, past midnight too', () => {
    const p: DailyProfile = { peakHour: 20, troughShare: 0.25, spike: { hour: 23.5, minutes: 60, multiplier: 3 } };
    expect(profileShare(p, 20)).toBeCloseTo(1, 12);
    expect(profileShare(p, 8)).toBeCloseTo(0.25, 12);
    expect(profileShare(p, 14)).toBeCloseTo(0.625, 12);
    expect(profileShare(p, 0.25)).toBeCloseTo(3 * profileShare({ peakHour: 20, troughShare: 0.25 }, 0.25), 12);
    expect(profileShare(p, 0.6)).toBeCloseTo(profileShare({ peakHour: 20, troughShare: 0.25 }, 0.6), 12);
  });
});

describe('replica-hours of an autoscaled pool against the hand-integrated wave', () => {
  // 10 ms constant service, one request per replica, sized to 50% busy: 2,000 replicas at the 100k QPS peak.
  const pool = (capacity: object) => svc('api', 10, 10, { capacity: { replicas: 'auto', targetUtilization: 0.5, ...capacity }, cost: { instance: 'm7i.large' } });

  it('follows the wave: 24 h x peak replicas x (1 + trough) / 2, and prices the day from replica-hours', () => {
    const result = estimate(diagramOf([wave({ troughShare: 0.2 }), pool({})], [call('users', 'api')]));
    const node = result.nodes.find((n) => n.id === 'api')!;
    expect(node.replicas).toBe(2000);
    near(node.day!.replicaHours, 24 * 2000 * (1 + 0.2) / 2, 0.002);
    expect(node.day!.peakReplicas).toBe(2000);
    near(node.day!.lowestReplicas, 400, 0.01);
    near(node.costUsdPerMonth.compute, node.day!.replicaHours * 0.1008 * 730 / 24, 1e-9);
    expect(node.costUsdPerMonth.compute).toBeLessThan(2000 * 0.1008 * 730 * 0.61);
  });

  it('holds minReplicas through the night: c x (2a acos k + 2b sqrt(1 - k^2)) + m x (2 pi - 2 acos k), in hours x 24 / (2 pi)', () => {
    const result = estimate(diagramOf([wave({ troughShare: 0.2 }), pool({ minReplicas: 1000 })], [call('users', 'api')]));
    const c = 2000;
    const m = 1000;
    const a = 0.6;
    const b = 0.4;
    const k = (m / c - a) / b;
    const hours = (24 / (2 * Math.PI)) * (c * (2 * a * Math.acos(k) + 2 * b * Math.sqrt(1 - k * k)) + m * (2 * Math.PI - 2 * Math.acos(k)));
    near(result.nodes.find((n) => n.id === 'api')!.day!.replicaHours, hours, 0.002);
  });

  it('a scale-up delay leaves the pool busier than its target on the ramp and makes the day\'s worst p99 worse than the peak\'s', () => {
    const prompt = estimate(diagramOf([wave({ troughShare: 0.2 }), pool({})], [call('users', 'api')]));
    expect(prompt.nodes.find((n) => n.id === 'api')!.day!.worstUtilization).toBeLessThanOrEqual(0.5 + 1e-6);
    // A spread-out service (p99 4x p50) on fewer replicas, so queueing shows in the p99; a spike of 1.8x at noon, replicas 15 minutes late.
    const spread = svc('api', 10, 40, { capacity: { replicas: 'auto', targetUtilization: 0.5, scaleUpDelayS: 900 } });
    const late = estimate(diagramOf([wave({ troughShare: 0.2, spike: { hour: 12, minutes: 30, multiplier: 1.8 } }, 2000), spread], [call('users', 'api')]));
    const day = late.nodes.find((n) => n.id === 'api')!.day!;
    expect(day.worstUtilization).toBeGreaterThan(0.8);
    expect(day.worstHour).toBeGreaterThan(12);
    expect(day.worstHour).toBeLessThan(12.5);
    const entry = late.entries[0]!;
    expect(entry.day!.worstP99Ms).toBeGreaterThan(entry.latencyMs!.p99);
    expect(late.diagnostics.some((d) => d.code === 'autoscale-lag' && d.node === 'api')).toBe(true);
  });

  it('a fixed pool uses its replicas around the clock', () => {
    const result = estimate(diagramOf([wave({}), svc('api', 10, 10, { capacity: { replicas: 3000 } })], [call('users', 'api')]));
    near(result.nodes.find((n) => n.id === 'api')!.day!.replicaHours, 3000 * 24, 1e-9);
  });

  it('leaves diagrams without a profile as they were', () => {
    const result = estimate(diagramOf([{ id: 'users', kind: 'traffic', label: 'U', traffic: { qps: 100 } } as never, pool({})], [call('users', 'api')]));
    expect(result.nodes.find((n) => n.id === 'api')!.day).toBeUndefined();
    expect(result.entries[0]!.day).toBeUndefined();
  });
});

describe('profile and autoscaling fields in a file', () => {
  const problems = (traffic: object, capacity: object = {}) => {
    const result = loadDiagram(JSON.stringify({
      format: 'mlsd-studio/diagram', version: 1, title: 'T',
      nodes: [{ id: 'u', kind: 'traffic', label: 'U', traffic: { qps: 10, ...traffic } }, { id: 'a', kind: 'service', label: 'A', capacity }],
      edges: [],
    }));
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };
  it('bounds the hour, the shares, the spike and the delay', () => {
    expect(problems({ profile: { peakHour: 19, troughShare: 0.3, spike: { hour: 12, minutes: 15, multiplier: 2 } } }, { scaleUpDelayS: 120, maxReplicas: 10 })).toEqual([]);
    expect(problems({ profile: { peakHour: 25 } })[0]).toMatch(/^nodes\[0\]\.traffic\.profile\.peakHour/);
    expect(problems({ profile: { spike: { hour: 1, minutes: 0, multiplier: 2 } } })[0]).toMatch(/^nodes\[0\]\.traffic\.profile\.spike\.minutes/);
    expect(problems({}, { scaleUpDelayS: -1 })[0]).toMatch(/^nodes\[1\]\.capacity\.scaleUpDelayS/);
  });
});
