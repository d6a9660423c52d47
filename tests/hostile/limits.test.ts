import { describe, expect, it } from 'vitest';
import { erlangBManyServers, erlangC, EXACT_ERLANG_SERVERS, queueing, serviceTime } from '../../shared/estimator/queueing';
import { PictureTooLarge, PRINT_SCALE, RASTER_BUDGET_PIXELS, rasterScale } from '../../shared/export/raster';
import { layoutPositions, MAX_LAYERED_NODES } from '../../shared/layout/elkGraph';
import { LIMITS } from '../../shared/model/blocks';
import { loadDiagram } from '../../shared/model/load';
import { capProblems, MAX_JSON_NESTING, problemCount, tooDeepAt } from '../../shared/model/loadBounds';
import { formatProblem } from '../../shared/model/problems';
import { fixtureJson } from '../helpers';

/** Erlang B by the textbook recursion, for comparison at any server count. */
function exactErlangB(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

describe('Erlang C for many servers', () => {
  it('matches the exact recursion within 1e-4 from 200 to 20,000 servers, at every load below saturation', () => {
    for (const servers of [200, 501, 1_000, 4_000, 20_000]) {
      for (const rho of [0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 0.9999]) {
        const exact = exactErlangB(servers, servers * rho);
        if (exact < 1e-250) continue;
        expect(Math.abs(erlangBManyServers(servers, servers * rho) / exact - 1), `c=${servers} rho=${rho}`).toBeLessThan(1e-4);
      }
    }
  });

  it('hands over from the exact recursion without a step', () => {
    const c = EXACT_ERLANG_SERVERS + 1;
    for (const rho of [0.9, 0.97, 0.999]) {
      const b = exactErlangB(c, rho * c);
      const exactC = b / (1 - rho * (1 - b));
      expect(Math.abs(erlangC(c, rho * c) / exactC - 1)).toBeLessThan(1e-4);
    }
  });

  it('costs the same for a million servers or 1e300, and goes to 0 away from saturation', () => {
    const start = performance.now();
    expect(erlangC(1e6, 0.6e6)).toBe(0);
    expect(erlangC(1e300, 0.999e300)).toBe(0);
    // Halfin-Whitt regime: c - a = beta sqrt(a) keeps the wait probability away from 0 and 1 at any size.
    const c = 1e12;
    const halfinWhitt = erlangC(c, c - Math.sqrt(c));
    expect(halfinWhitt).toBeGreaterThan(0.2);
    expect(halfinWhitt).toBeLessThan(0.25);
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  it('calls a load too large to be a number saturated, never a figure', () => {
    const q = queueing(Infinity, serviceTime(1, 4), { replicas: 'auto', concurrency: 1, targetUtilization: 0.6, minReplicas: 1 });
    expect(q.saturated).toBe(true);
    expect(q.waitWhenWaitingMs).toBe(Infinity);
  });
});

describe('ranges of the format', () => {
  const problemsOf = (edit: (doc: Record<string, any>) => void) => {
    const doc = fixtureJson('small-search.mlsd.json');
    edit(doc);
    const result = loadDiagram(JSON.stringify(doc));
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  it('refuse each absurd number at its field, saying the range', () => {
    expect(problemsOf((d) => (d.nodes[0].traffic = { qps: 1e308 }))).toEqual(['nodes[0].traffic.qps: must be <= 1000000000, not 1e+308']);
    expect(problemsOf((d) => (d.edges[3].calls = 1e300))).toEqual(['edges[3].calls: must be <= 1000000, not 1e+300']);
    expect(problemsOf((d) => (d.nodes[3].latency = { p50Ms: 1e-300, p99Ms: 1e300 }))).toEqual([
      'nodes[3].latency.p50Ms: must be >= 0.000001, not 1e-300',
      'nodes[3].latency.p99Ms: must be <= 86400000, not 1e+300',
    ]);
    expect(problemsOf((d) => (d.nodes[6].storage.compression = 0))).toEqual(['nodes[6].storage.compression: must be >= 0.01, not 0']);
    expect(problemsOf((d) => (d.nodes[3].position = { x: 1e7, y: -1e7 }))).toEqual([
      'nodes[3].position.x: must be <= 1000000, not 10000000',
      'nodes[3].position.y: must be >= -1000000, not -10000000',
    ]);
    expect(problemsOf((d) => (d.nodes[4].params.vectors = 1e300))).toEqual(['nodes[4].params.vectors: must be <= 1000000000000000, not 1e+300']);
    expect(problemsOf((d) => (d.nodes[5].capacity.replicas = 1e7))).toEqual(['nodes[5].capacity.replicas: must be <= 1000000, not 10000000']);
  });

  it('accept every number at the ends of its range', () => {
    expect(
      problemsOf((d) => {
        d.nodes[0].traffic = { dau: LIMITS.dau, requestsPerUserPerDay: LIMITS.requestsPerUserPerDay, peakToAverage: LIMITS.peakToAverage };
        d.nodes[3].latency = { p50Ms: LIMITS.minLatencyMs, p99Ms: LIMITS.maxLatencyMs };
        d.nodes[3].capacity = { replicas: LIMITS.servers, concurrency: LIMITS.servers, minReplicas: LIMITS.servers };
        d.edges[3].calls = LIMITS.calls;
        d.nodes[6].storage.compression = LIMITS.compression;
        d.nodes[9].position = { x: -LIMITS.position, y: LIMITS.position };
      }),
    ).toEqual([]);
  });
});

describe('bounded reading', () => {
  it('finds nesting past the limit in one pass, ignoring brackets inside strings', () => {
    const deep = '['.repeat(MAX_JSON_NESTING + 1) + ']'.repeat(MAX_JSON_NESTING + 1);
    expect(tooDeepAt(deep)).toBe(MAX_JSON_NESTING);
    expect(tooDeepAt('['.repeat(MAX_JSON_NESTING) + ']'.repeat(MAX_JSON_NESTING))).toBe(-1);
    expect(tooDeepAt(`{"a":"${'['.repeat(500)}\\"${'{'.repeat(500)}"}`)).toBe(-1);
    const result = loadDiagram(`{\n  "nodes": ${deep}}`);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      `line 2, column ${11 + MAX_JSON_NESTING}: nesting deeper than 64 (objects and lists inside each other); a diagram needs 4`,
    ]);
  });

  it('lists the first problems and counts the rest', () => {
    const problems = Array.from({ length: 20_000 }, (_, i) => ({ path: `nodes[${i}].label`, message: 'must not be empty' }));
    const capped = capProblems(problems);
    expect(capped).toHaveLength(201);
    expect(capped.at(-1)!.message).toBe('and 19,800 more problems');
    expect(problemCount(capped)).toBe(20_000);
    expect(capProblems(problems.slice(0, 201))).toHaveLength(201);
  });
});

describe('raster exports within the pixel budget', () => {
  it('keep print scale for a normal picture, scale a large one down to the budget, refuse one over it at half size', () => {
    expect(rasterScale(1600, 900)).toBe(PRINT_SCALE);
    const scale = rasterScale(100_000, 300);
    expect(scale).toBeLessThan(PRINT_SCALE);
    expect(Math.ceil(100_000 * scale) * Math.ceil(300 * scale)).toBeLessThanOrEqual(RASTER_BUDGET_PIXELS);
    expect(100_000 * 300 * (scale + 0.01) ** 2).toBeGreaterThan(RASTER_BUDGET_PIXELS);
    expect(() => rasterScale(1_000_000, 400)).toThrow(PictureTooLarge);
    expect(() => rasterScale(1_000_000, 400)).toThrow('the picture would be 1,000,000 x 400 px (400 Mpixel) at its natural size, more than the 32 Mpixel a PNG export holds even at half that size');
    // Just within the budget at half size: drawn at half size.
    expect(rasterScale(8_000, 16_000)).toBe(0.5);
    expect(() => rasterScale(8_000, 16_001)).toThrow(PictureTooLarge);
  });
});

describe('automatic layout of a huge diagram', () => {
  it('places nodes past the layered layout\'s limit on a grid, without calling it', async () => {
    const count = MAX_LAYERED_NODES + 1;
    const nodes = Array.from({ length: count }, (_, i) => ({ id: `n${i}`, kind: 'service' as const, label: `N${i}` }));
    const engine = { layout: () => Promise.reject(new Error('the layered layout must not run')) };
    const positions = await layoutPositions({ nodes, edges: [] }, engine as never);
    expect(positions.size).toBe(count);
    expect(new Set([...positions.values()].map((p) => `${p.x},${p.y}`)).size).toBe(count);
  });
});
