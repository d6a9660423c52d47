import { describe, expect, it } from 'vitest';
import { p99Breakdowns } from '../../shared/estimator/breakdown';
import { at, indexBelow } from '../../shared/estimator/gridPoints';
import { latencyById } from '../../shared/estimator/latency';
import { solve } from '../../shared/estimator/solve';
import { topologicalOrder } from '../../shared/model/graph';
import { erfc, normalCdf, Z99 } from '../../shared/estimator/normal';
import type { DiagramEdge, DiagramNode } from '../../shared/model/schema';
import { call, diagramOf, svc, users } from './build';
import { entryTails, sumGap, type EntryTail } from './tail';

/**
 * "Why is p99 this high?", answered on designs small enough to answer by hand.
 * A service whose p50 equals its p99 takes a constant time; placed on a grid
 * point, its share of the tail is known exactly wherever it is on the slow path.
 */
const onGrid = (ms: number) => at(indexBelow(ms));
const fixed = (id: string, ms: number, extra: Partial<DiagramNode> = {}) => svc(id, onGrid(ms), onGrid(ms), extra);

function tailOf(nodes: DiagramNode[], edges: Partial<DiagramEdge>[]): EntryTail {
  return entryTails(diagramOf([users(10), ...nodes], [call('users', 'api'), ...edges])).get('users')!;
}

function share(tail: EntryTail, node: string): number {
  const ms = tail.shares.get(node);
  if (ms === undefined) throw new Error(`${node} is not in the breakdown (${tail.nodes.join(', ')})`);
  return ms;
}

/** Expects a share of exactly `ms`, to rounding. */
function exactly(tail: EntryTail, node: string, ms: number): void {
  expect(share(tail, node)).toBeCloseTo(ms, 9);
}

describe('the p99 breakdown names the nodes on the slow path with their time', () => {
  it('gives each constant callee its own time, in every stage, and the rest to the caller', () => {
    const tail = tailOf([fixed('api', 2), fixed('b', 3), fixed('c', 5)], [call('api', 'b', { stage: 0 }), call('api', 'c', { stage: 1 })]);
    expect(tail.nodes).toEqual(['c', 'b', 'api']);
    exactly(tail, 'b', onGrid(3));
    exactly(tail, 'c', onGrid(5));
    // The caller's own time, give or take a grid step of the whole request.
    expect(Math.abs(share(tail, 'api') - onGrid(2))).toBeLessThan(0.04 * tail.tailMeanMs);
    // Sums of times in turn are split between grid points, so they add up to the tail within a grid step.
    expect(Math.abs(sumGap(tail))).toBeLessThan(0.001);
  });

  it('gives no share to a branch that always finishes before a slower one beside it', () => {
    const side = tailOf([fixed('api', 2), fixed('fast', 1), fixed('slow', 20)], [call('api', 'fast', { stage: 0 }), call('api', 'slow', { stage: 0 })]);
    expect(side.nodes).toEqual(['slow', 'api']);
    exactly(side, 'slow', onGrid(20));
    // The same call one stage later is on the path again.
    const after = tailOf([fixed('api', 2), fixed('fast', 1), fixed('slow', 20)], [call('api', 'fast', { stage: 1 }), call('api', 'slow', { stage: 0 })]);
    exactly(after, 'fast', onGrid(1));
    exactly(after, 'slow', onGrid(20));
  });

  it('adds up the time of a node called from two places on the path', () => {
    const tail = tailOf(
      [fixed('api', 1), fixed('b', 2), fixed('c', 3), fixed('db', 10)],
      [call('api', 'b', { stage: 0 }), call('api', 'c', { stage: 1 }), call('b', 'db'), call('c', 'db')],
    );
    exactly(tail, 'db', 2 * onGrid(10));
    expect(tail.nodes[0]).toBe('db');
    expect(Math.abs(sumGap(tail))).toBeLessThan(0.02);
  });

  it('counts a callee behind a cache only on misses', () => {
    const design = (hitRate: number) =>
      tailOf([fixed('api', 2), fixed('cache', 1, { kind: 'cache', cache: { hitRate } }), fixed('db', 20)], [call('api', 'cache'), call('cache', 'db')]);
    // One request in ten misses: the slowest 1% are all misses.
    exactly(design(0.9), 'db', onGrid(20));
    // One in two hundred: half of the slowest 1%.
    expect(share(design(0.995), 'db')).toBeCloseTo(onGrid(20) / 2, 6);
    // Never a miss: the database is off the path.
    const always = design(1);
    expect(always.nodes.sort()).toEqual(['api', 'cache']);
    exactly(always, 'cache', 1);
    for (const tail of [design(0.9), design(0.995), always]) expect(Math.abs(sumGap(tail))).toBeLessThan(1e-9);
  });
});

describe('an entry without a bounded latency', () => {
  it('has an empty breakdown, and the others theirs', () => {
    const diagram = diagramOf(
      [users(10), users(900, 'burst'), users(5, 'idle'), fixed('api', 2), svc('db', 20, 80, { capacity: { replicas: 1, concurrency: 1 } }), fixed('cache', 1)],
      [call('users', 'api'), call('burst', 'db')],
    );
    const order = topologicalOrder(diagram);
    const { numbered } = solve(diagram, order);
    expect(latencyById(numbered, 'burst')!.total).toBeNull();
    expect(latencyById(numbered, 'idle')!.total!.isZero).toBe(true);
    expect(latencyById(numbered, 'nowhere')).toBeUndefined();
    const breakdowns = p99Breakdowns(['burst', 'idle', 'users', 'nowhere'], numbered, order);
    expect(breakdowns.get('burst')).toEqual([]);
    expect(breakdowns.get('idle')).toEqual([]);
    expect(breakdowns.get('nowhere')).toEqual([]);
    expect(breakdowns.get('users')!.map((b) => b.node)).toEqual(['api']);
  });
});

describe('copies of a call', () => {
  const ten = onGrid(10);
  const copies = (calls: number, fanout: 'parallel' | 'sequential', callee = fixed('b', 10)) =>
    tailOf([fixed('api', 2), callee], [call('api', 'b', { calls, fanout })]);

  it('issued together count once, however many, as the slowest copy', () => {
    for (const calls of [2, 3, 16, 2.5]) {
      const tail = copies(calls, 'parallel');
      exactly(tail, 'b', ten);
      expect(Math.abs(sumGap(tail))).toBeLessThan(1e-9);
    }
  });

  it('issued in turn count each copy the slowest requests wait for', () => {
    exactly(copies(3, 'sequential'), 'b', 3 * ten);
    // Half the requests make three calls and half two: the slowest make three.
    exactly(copies(2.5, 'sequential'), 'b', 3 * ten);
    // Half make none.
    exactly(copies(0.5, 'sequential'), 'b', ten);
    // A spread callee: requests making either number of copies reach the tail, and the figures still add up.
    for (const calls of [2.5, 1.5, 3]) {
      const tail = copies(calls, 'sequential', svc('b', 5, 30));
      // The copies' sums blur the figures by a tenth of a percent or two on the grid.
      expect(Math.abs(sumGap(tail))).toBeLessThan(0.003);
      expect(share(tail, 'b')).toBeGreaterThan(share(copies(calls - 1, 'sequential', svc('b', 5, 30)), 'b'));
    }
  });

  it('add up to the tail across branches whose latencies lie six orders of magnitude apart', () => {
    const tail = tailOf(
      [fixed('api', 2), svc('quick', 0.001, 0.004), svc('middle', 5, 30), svc('slow', 2_000, 60_000), svc('rare', 0.01, 90_000)],
      ['quick', 'middle', 'slow', 'rare'].map((b) => call('api', b, { stage: 0 })),
    );
    expect(Math.abs(sumGap(tail))).toBeLessThan(1e-9);
    expect(share(tail, 'rare')).toBeGreaterThan(share(tail, 'slow'));
    expect(tail.shares.has('middle')).toBe(false);
  });

  it('split the slowest copy evenly among equal branches, and add up to the tail', () => {
    // Three and four branches (up to three others, multiplied out one by one), and six (past four, as a polynomial of their own).
    for (const count of [3, 4, 6]) {
      const ids = Array.from({ length: count }, (_, i) => `b${i + 1}`);
      for (const callee of [(id: string) => fixed(id, 10), (id: string) => svc(id, 10, 11), (id: string) => svc(id, 5, 30)]) {
        const tail = tailOf([fixed('api', 2), ...ids.map(callee)], ids.map((id) => call('api', id, { stage: 0 })));
        for (const id of ids) expect(share(tail, id)).toBeCloseTo(share(tail, 'b1'), 9);
        expect(Math.abs(sumGap(tail))).toBeLessThan(1e-9);
        // The branches are one call of as many copies.
        const one = copies(count, 'parallel', callee('b'));
        expect(count * share(tail, 'b1')).toBeCloseTo(share(one, 'b'), 6);
      }
    }
  });

  it('in turn and of equal time get equal shares', () => {
    const tail = tailOf([fixed('api', 0.01), svc('b', 5, 30), svc('c', 5, 30)], [call('api', 'b', { stage: 0 }), call('api', 'c', { stage: 1 })]);
    expect(share(tail, 'c')).toBeCloseTo(share(tail, 'b'), 6);
    expect(Math.abs(sumGap(tail))).toBeLessThan(0.002);
  });
});

describe('calls with retries or hedges', () => {
  it('credit the callee with the whole call, failed attempts included, and the caller with its own time', () => {
    for (const db of [fixed('db', 10), svc('db', 10, 11)]) {
      const tail = tailOf([fixed('api', 2), db], [call('api', 'db', { retry: { failureProbability: 0.5, retries: 2 } })]);
      // A quarter of the calls fail twice: the slowest wait for three attempts (no single one is slow).
      expect(share(tail, 'db')).toBeGreaterThanOrEqual(3 * onGrid(10) * 0.999);
      expect(share(tail, 'api')).toBeLessThan(onGrid(2) * 1.3);
      expect(Math.abs(sumGap(tail))).toBeLessThan(1e-9);
    }
    // One call in twenty fails and is retried: the slowest 1% waited for two attempts.
    const rare = tailOf([fixed('api', 2), fixed('db', 10)], [call('api', 'db', { retry: { failureProbability: 0.05, retries: 2 } })]);
    expect(share(rare, 'db')).toBeGreaterThanOrEqual(2 * onGrid(10) * 0.999);
    expect(Math.abs(sumGap(rare))).toBeLessThan(1e-9);
  });

  it('credit a hedged call with its own time, below that of the slowest copy', () => {
    const shard = svc('shard', 3, 30);
    const hedged = tailOf([fixed('api', 2), shard], [call('api', 'shard', { calls: 16, hedge: { afterPercentile: 0.95 } })]);
    const plain = tailOf([fixed('api', 2), shard], [call('api', 'shard', { calls: 16 })]);
    expect(share(hedged, 'shard')).toBeLessThan(share(plain, 'shard'));
    expect(Math.abs(share(hedged, 'api') - share(plain, 'api'))).toBeLessThan(0.1 * onGrid(2));
    for (const tail of [hedged, plain]) expect(Math.abs(sumGap(tail))).toBeLessThan(1e-6);
  });
});

describe('closed forms', () => {
  /** Log-normal with a p50 and p99, at n equally likely points. */
  function points(p50Ms: number, p99Ms: number, n: number): Float64Array {
    const sigma = Math.log(p99Ms / p50Ms) / Z99;
    return Float64Array.from({ length: n }, (_, i) => p50Ms * Math.exp(sigma * inverseNormal((i + 0.5) / n)));
  }

  it('a single node owns the whole tail: the mean of a log-normal above its p99', () => {
    const tail = tailOf([svc('api', 4, 40)], []);
    const sigma = Math.log(10) / Z99;
    // E[S | S >= q99] = e^(mu + sigma^2 / 2) Phi(sigma - z99) / 0.01.
    const expected = (4 * Math.exp((sigma * sigma) / 2) * normalUpper(Z99 - sigma)) / 0.01;
    expect(Math.abs(share(tail, 'api') - expected) / expected).toBeLessThan(0.01);
  });

  it('two nodes in turn share the tail as a direct sum of their times says', () => {
    const tail = tailOf([svc('api', 2, 8), svc('db', 8, 40)], [call('api', 'db')]);
    const a = points(2, 8, 600);
    const b = points(8, 40, 600);
    const sums = new Float64Array(a.length * b.length);
    for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) sums[i * b.length + j] = a[i]! + b[j]!;
    const threshold = Float64Array.from(sums).sort()[Math.floor(0.99 * sums.length)]!;
    let count = 0;
    let apiMs = 0;
    let dbMs = 0;
    for (let i = 0; i < a.length; i++)
      for (let j = 0; j < b.length; j++)
        if (sums[i * b.length + j]! >= threshold) {
          count++;
          apiMs += a[i]!;
          dbMs += b[j]!;
        }
    expect(Math.abs(share(tail, 'api') - apiMs / count)).toBeLessThan(0.03 * (apiMs / count));
    expect(Math.abs(share(tail, 'db') - dbMs / count)).toBeLessThan(0.02 * (dbMs / count));
  });
});

/** P(Z > z) for a standard normal. */
function normalUpper(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** The standard normal quantile, by bisection. */
function inverseNormal(p: number): number {
  let lo = -9;
  let hi = 9;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
