import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../shared/catalog';
import { edgeRates } from '../../shared/estimator/edgeRates';
import { estimate } from '../../shared/estimator/estimate';
import { erlangC, queueing, serviceTime } from '../../shared/estimator/queueing';
import { utilizationLevel } from '../../shared/estimator/utilization';
import { call, diagramOf, svc, users } from './build';

// Figures at the edges of the model, where a wrong comparison or default changes what the user reads.

describe('saturation at exactly 100% utilization', () => {
  // p50 = p99 = 10 ms: a constant 10 ms service, so 200 QPS on 2 servers offers exactly 2 Erlangs.
  const at = (qps: number) => diagramOf([users(qps), svc('s', 10, 10, { capacity: { replicas: 2 } })], [call('users', 's')]);

  it('reports a node loaded to exactly 100% as saturated and unbounded, not as a huge p99', () => {
    const result = estimate(at(200));
    expect(result.nodes[1]).toMatchObject({ utilization: 1, latencyMs: null });
    expect(result.entries[0]!.latencyMs).toBeNull();
    expect(result.diagnostics.map((d) => `${d.code}:${d.node}`)).toEqual(['saturated:s']);
  });

  it('just below 100% the node still has a finite, very slow p99 and a warning', () => {
    const result = estimate(at(199));
    expect(result.nodes[1]!.utilization).toBe(0.995);
    const p99 = result.entries[0]!.latencyMs!.p99;
    expect(p99).toBeGreaterThan(100);
    expect(Number.isFinite(p99)).toBe(true);
    expect(result.diagnostics.map((d) => `${d.code}:${d.node}`)).toEqual(['high-utilization:s']);
  });

  it('the queue itself: saturated at rho = 1 with no wait figure, finite below', () => {
    const service = serviceTime(10, 10);
    const full = queueing(200, service, { replicas: 2, concurrency: 1, targetUtilization: 0.6, minReplicas: 1 });
    expect(full).toMatchObject({ utilization: 1, saturated: true, waitProbability: 0, waitWhenWaitingMs: Infinity });
    const busy = queueing(100, service, { replicas: 2, concurrency: 1, targetUtilization: 0.6, minReplicas: 1 });
    // M/D/2 at rho 0.5: Erlang C(2, 1) = 1/3, and the Allen-Cunneen wait halves the M/M/2 one (cs2 = 0).
    expect(busy.saturated).toBe(false);
    expect(busy.waitProbability).toBeCloseTo(1 / 3, 12);
    expect(busy.waitWhenWaitingMs).toBeCloseTo(0.5 / (2 / 10 - 0.1), 12);
  });

  it('a node with no servers at all but some load is saturated', () => {
    const none = queueing(10, serviceTime(10, 10), { replicas: 'auto', concurrency: 1, targetUtilization: 0.6, minReplicas: 0 });
    expect(none.replicas).toBe(1);
    const idle = queueing(0, serviceTime(10, 10), { replicas: 'auto', concurrency: 1, targetUtilization: 0.6, minReplicas: 0 });
    expect(idle).toMatchObject({ replicas: 0, servers: 0, utilization: 0, saturated: false });
  });
});

describe('Erlang C against its closed forms', () => {
  it('one server waits with probability rho; two servers 2 rho^2 / (1 + rho)', () => {
    for (const rho of [0.1, 0.5, 0.9]) {
      expect(erlangC(1, rho)).toBeCloseTo(rho, 12);
      expect(erlangC(2, 2 * rho)).toBeCloseTo((2 * rho * rho) / (1 + rho), 12);
    }
    expect(erlangC(4, 0)).toBe(0);
  });

  it('matches the textbook value for 10 servers at 8 Erlangs', () => {
    // Published tables give C(10, 8) = 0.4092.
    expect(erlangC(10, 8)).toBeCloseTo(0.40918, 4);
  });
});

describe('capacity defaults', () => {
  it('an empty capacity block means "auto" servers of concurrency 1 at 60% utilization, at least one', () => {
    // 1,000 QPS x 10 ms = 10 busy servers; at 60% that is ceil(16.7) = 17 replicas.
    const d = diagramOf(
      [users(1_000), svc('s', 10, 10, { capacity: {} }), svc('idle', 10, 10, { capacity: {} })],
      [call('users', 's')],
    );
    const nodes = estimate(d).nodes;
    expect(nodes[1]).toMatchObject({ replicas: 17, utilization: Number((10 / 17).toPrecision(6)) });
    expect(nodes[2]).toMatchObject({ replicas: 1, utilization: 0 });
  });

  it('sizes to the load exactly when it divides evenly, not one replica more', () => {
    // 600 QPS x 10 ms = 6 Erlangs; at 60% that is exactly 10 replicas.
    const d = diagramOf([users(600), svc('s', 10, 10, { capacity: { targetUtilization: 0.6 } })], [call('users', 's')]);
    expect(estimate(d).nodes[1]).toMatchObject({ replicas: 10, utilization: 0.6 });
  });

  it('a node with servers but no service time keeps its replica count, its floor, or one, and is priced on it', () => {
    const priced = { instance: 'm7i.large' };
    const d = diagramOf([
      users(10),
      { id: 'fixed', kind: 'database', label: 'Fixed', capacity: { replicas: 4 }, cost: priced },
      { id: 'floor', kind: 'database', label: 'Floor', capacity: { replicas: 'auto', minReplicas: 3 }, cost: priced },
      { id: 'bare', kind: 'database', label: 'Bare', capacity: {}, cost: priced },
      { id: 'none', kind: 'database', label: 'None', cost: priced },
    ]);
    const hourly = DEFAULT_CATALOG.instances['m7i.large']!.hourlyUsd;
    const nodes = estimate(d).nodes;
    expect(nodes.slice(1).map((n) => [n.replicas, n.utilization])).toEqual([[4, null], [3, null], [1, null], [null, null]]);
    expect(nodes.slice(1).map((n) => n.costUsdPerMonth.compute)).toEqual([4, 3, 1, 1].map((k) => k * hourly * 730));
  });
});

describe('prices', () => {
  it("a node's own hourly price wins over its catalog instance", () => {
    const d = diagramOf([users(10), svc('s', 10, 20, { capacity: { replicas: 2 }, cost: { instance: 'm7i.large', hourlyUsd: 1 } })], [call('users', 's')]);
    expect(estimate(d).nodes[1]!.costUsdPerMonth).toEqual({ compute: 2 * 730, storage: 0, total: 2 * 730 });
  });

  it('a catalog storage class is priced per GB-month of what the node holds', () => {
    const perGb = DEFAULT_CATALOG.storageClasses['s3-standard']!.gbMonthUsd;
    const d = diagramOf([{ id: 'blob', kind: 'objectStore', label: 'Blob', storage: { bytes: 5e11 }, cost: { storageClass: 's3-standard' } }]);
    const cost = estimate(d).nodes[0]!.costUsdPerMonth;
    expect(cost.storage).toBeCloseTo(500 * perGb, 9);
    expect(cost.total).toBe(cost.storage);
    expect(estimate(d).totals).toEqual({ storageBytes: 5e11, costUsdPerMonth: cost.total });
  });

  it('budgets: cost exactly at the limit is within it, a cent over is not', () => {
    const d = (limit: number) =>
      diagramOf([users(10), svc('s', 10, 20, { capacity: { replicas: 1 }, cost: { hourlyUsd: 1 } })], [call('users', 's')], { budgets: { monthlyCostUsd: limit } });
    expect(estimate(d(730)).budgets.monthlyCostUsd).toEqual({ limit: 730, actual: 730, ok: true });
    expect(estimate(d(730)).diagnostics.map((x) => x.code)).not.toContain('cost-over-budget');
    expect(estimate(d(729.99)).budgets.monthlyCostUsd!.ok).toBe(false);
    expect(estimate(d(729.99)).diagnostics.map((x) => x.code)).toContain('cost-over-budget');
  });
});

describe('utilization levels (node colours and warnings)', () => {
  it('calm up to 60%, busy to 80%, hot below 100%, saturated from 100%', () => {
    expect([null, undefined, 0, 0.6, 0.61, 0.8, 0.81, 0.999, 1, 1.5].map(utilizationLevel)).toEqual(
      ['none', 'none', 'ok', 'ok', 'busy', 'busy', 'hot', 'hot', 'saturated', 'saturated'],
    );
  });

  it('warns above 80% only, as the node turns hot', () => {
    // 10 ms on 2 servers: 160 QPS is exactly 80%, 162 QPS is 81%.
    const at = (qps: number) => estimate(diagramOf([users(qps), svc('s', 10, 10, { capacity: { replicas: 2 } })], [call('users', 's')]));
    expect(at(160).nodes[1]!.utilization).toBe(0.8);
    expect(at(160).diagnostics).toEqual([]);
    expect(at(162).diagnostics.map((d) => d.code)).toEqual(['high-utilization']);
  });
});

describe('entries, the traffic slider and rounding', () => {
  it('the slider scales users as well as rates, and leaves the document as it was', () => {
    const d = diagramOf(
      [{ id: 'users', kind: 'traffic', label: 'U', traffic: { dau: 864_000, requestsPerUserPerDay: 10, peakToAverage: 2 } }, svc('s', 10, 20)],
      [call('users', 's')],
    );
    const before = JSON.stringify(d);
    expect(estimate(d).nodes[1]!.qps).toEqual({ peak: 200, avg: 100 });
    expect(estimate(d, { trafficMultiplier: 3 }).nodes[1]!.qps).toEqual({ peak: 600, avg: 300 });
    expect(estimate(d, { trafficMultiplier: 0.5 }).nodes[1]!.qps).toEqual({ peak: 100, avg: 50 });
    expect(JSON.stringify(d)).toBe(before);
  });

  it('the p99 budget is judged on the slowest entry, and only entries over it are flagged', () => {
    const d = diagramOf(
      [users(10, 'web'), users(10, 'batch'), svc('fast', 10, 10), svc('slow', 100, 100)],
      [call('web', 'fast'), call('batch', 'slow')],
      { budgets: { p99Ms: 50 } },
    );
    const result = estimate(d);
    expect(result.entries.map((e) => e.node)).toEqual(['web', 'batch']);
    const [web, batch] = result.entries.map((e) => e.latencyMs!.p99);
    expect(batch).toBeGreaterThan(web!);
    expect(result.budgets.p99Ms).toEqual({ limit: 50, actual: batch, ok: false });
    expect(result.diagnostics.filter((x) => x.code === 'p99-over-budget').map((x) => x.node)).toEqual(['batch']);
    expect(result.diagnostics.find((x) => x.code === 'p99-over-budget')!.message).toMatch(/^requests from "Users" take [\d.]+ ms at p99, over the 50 ms budget/);
  });

  it('reads figures off the distribution to six significant digits', () => {
    const result = estimate(diagramOf([users(10), svc('a', 1.234567, 5.4321)], [call('users', 'a')]));
    const l = result.entries[0]!.latencyMs!;
    for (const value of [l.mean, l.p50, l.p90, l.p99, l.p999, ...result.entries[0]!.p99Breakdown.map((b) => b.ms)]) {
      expect(Number(value.toPrecision(6))).toBe(value);
      expect(value).toBeGreaterThan(0);
    }
    expect(result.nodes[1]!.latencyMs).toEqual({ mean: l.mean, p50: l.p50, p99: l.p99 });
  });

  it('a diagram with nothing in it estimates to nothing, without diagnostics', () => {
    const result = estimate(diagramOf([]));
    expect(result).toEqual({
      format: 'mlsd-studio/estimate', version: 1, entries: [], nodes: [], totals: { storageBytes: 0, costUsdPerMonth: 0 }, budgets: {}, diagnostics: [],
    });
  });
});

describe('what the diagnostics say', () => {
  it('names the servers a saturated or busy node has, in the singular for one replica', () => {
    const one = estimate(diagramOf([users(500), svc('s', 10, 10, { capacity: { replicas: 1, concurrency: 4 } })], [call('users', 's')]));
    expect(one.diagnostics[0]!.message).toBe(
      '"S" is saturated: 500 QPS at peak needs 5.0 busy servers but it has 1 replica x concurrency 4; its latency and that of everything calling it is unbounded. ' +
        'Add replicas, use "auto", or cut its load with a cache.',
    );
    const busy = estimate(diagramOf([users(170), svc('s', 10, 10, { capacity: { replicas: 2 } })], [call('users', 's')]));
    expect(busy.diagnostics[0]!.message).toBe(
      '"S" runs at 85% utilization at peak (2 replicas x concurrency 1): queueing delay grows steeply above 80%. Add replicas or lower targetUtilization.',
    );
  });

  it('says what to do about an unreachable node and a diagram without traffic', () => {
    const stray = estimate(diagramOf([users(1), svc('a', 1, 2), svc('b', 1, 2)], [call('users', 'a')]));
    expect(stray.diagnostics).toEqual([
      { severity: 'warning', code: 'unreachable', node: 'b', message: '"B" is not reachable from any traffic entry: connect it, or it receives no load and may be left over' },
    ]);
    expect(estimate(diagramOf([svc('a', 1, 2)])).diagnostics).toEqual([
      { severity: 'warning', code: 'no-traffic', message: 'no traffic node: add one to say how much load enters, or every rate is 0' },
    ]);
  });

  it('lists the three largest costs when over the cost budget, largest first', () => {
    const priced = (id: string, hourlyUsd: number) => svc(id, 1, 2, { capacity: { replicas: 1 }, cost: { hourlyUsd } });
    const d = diagramOf(
      [users(1), priced('a', 1), priced('b', 4), priced('c', 2), priced('d', 3)],
      ['a', 'b', 'c', 'd'].map((id) => call('users', id, { mode: 'async' })),
      { budgets: { monthlyCostUsd: 100 } },
    );
    const over = estimate(d).diagnostics.find((x) => x.code === 'cost-over-budget')!;
    expect(over.message).toBe('the design costs $7.3k/mo, over the $100/mo budget; the largest items: "B" $2.92k, "D" $2.19k, "C" $1.46k');
  });
});

describe('rates on edges and storage defaults', () => {
  it('each sync or async edge carries the caller rate x its miss share x calls; offline edges carry none', () => {
    const d = diagramOf(
      [
        { id: 'users', kind: 'traffic', label: 'U', traffic: { qps: 100, peakToAverage: 2 } },
        svc('cache', 1, 2, { kind: 'cache', cache: { hitRate: 0.75 } }),
        svc('db', 1, 2),
        svc('log', 1, 2),
        svc('lake', 1, 2),
      ],
      [call('users', 'cache'), call('cache', 'db', { calls: 2 }), call('users', 'log', { mode: 'async' }), call('log', 'lake', { mode: 'offline' })],
    );
    const rates = edgeRates(d, estimate(d));
    expect(Object.fromEntries(rates)).toEqual({
      e0: { peak: 100, avg: 50 },
      e1: { peak: 50, avg: 25 },
      e2: { peak: 100, avg: 50 },
    });
    expect(rates.has('e3')).toBe(false);
    expect(edgeRates(d, { nodes: [] }).size).toBe(0);
  });

  it('counts items without growth, replication or compression as given', () => {
    const d = diagramOf([
      { id: 'db', kind: 'database', label: 'DB', storage: { items: 1_000, bytesPerItem: 50 } },
      { id: 'grow', kind: 'database', label: 'Grow', storage: { bytesPerItem: 10, growthItemsPerDay: 100, retentionDays: 7 } },
      { id: 'kept', kind: 'database', label: 'Kept', storage: { bytesPerItem: 10, growthItemsPerDay: 100 } },
      { id: 'none', kind: 'database', label: 'None' },
    ]);
    expect(estimate(d).nodes.map((n) => n.storageBytes)).toEqual([50_000, 7_000, 0, 0]);
  });

  it('users without a stated peak ratio peak at their average', () => {
    const d = diagramOf([{ id: 'users', kind: 'traffic', label: 'U', traffic: { dau: 8_640, requestsPerUserPerDay: 100 } }]);
    expect(estimate(d).nodes[0]!.qps).toEqual({ peak: 10, avg: 10 });
  });

  it('places a structural problem of an in-memory diagram on its node', () => {
    const d = diagramOf([users(1), svc('a', 5, 10)], [call('users', 'a')]);
    d.nodes[1]!.latency = { p50Ms: 5, p99Ms: 1 };
    expect(estimate(d).diagnostics).toEqual([
      { severity: 'error', code: 'latency-order', node: 'a', message: 'nodes[1].latency.p99Ms: must be >= p50Ms (5)' },
    ]);
  });
});

describe('the p99 budget at its edges', () => {
  const chain = (budget?: number) =>
    diagramOf([users(10), svc('a', 4, 16), svc('b', 6, 30)], [call('users', 'a'), call('a', 'b')], budget === undefined ? {} : { budgets: { p99Ms: budget } });

  it('a p99 exactly at the budget is within it, with no diagnostic', () => {
    const p99 = estimate(chain()).entries[0]!.latencyMs!.p99;
    const result = estimate(chain(p99));
    expect(result.budgets.p99Ms).toEqual({ limit: p99, actual: p99, ok: true });
    expect(result.diagnostics.map((x) => x.code)).not.toContain('p99-over-budget');
  });

  it('an unbounded entry is over any budget, and the diagnostic shows it as infinite', () => {
    const d = diagramOf([users(1_000), svc('s', 10, 10, { capacity: { replicas: 1 } })], [call('users', 's')], { budgets: { p99Ms: 100 } });
    const over = estimate(d).diagnostics.find((x) => x.code === 'p99-over-budget')!;
    expect(over).toMatchObject({ severity: 'error', node: 'users' });
    expect(over.message).toMatch(/^requests from "Users" take ∞ at p99, over the 100 ms budget/);
  });
});

