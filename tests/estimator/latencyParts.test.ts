import { describe, expect, it } from 'vitest';
import { Dist } from '../../shared/estimator/grid';
import { callTime, composeLatencies, ownTime, syncStages } from '../../shared/estimator/latency';
import { serviceTime, type Queueing } from '../../shared/estimator/queueing';
import type { DiagramEdge } from '../../shared/model/schema';
import { topologicalOrder } from '../../shared/model/graph';
import { call, diagramOf, near, svc, users } from './build';

const edge = (extra: Partial<DiagramEdge>): DiagramEdge => ({ id: 'e', source: 'a', target: 'b', ...extra }) as DiagramEdge;

function queue(extra: Partial<Queueing>): Queueing {
  return { replicas: 1, servers: 1, offeredLoad: 0.5, utilization: 0.5, saturated: false, waitProbability: 0.5, waitWhenWaitingMs: 4, neededReplicas: 1, ...extra };
}

describe('the stages of a node', () => {
  it('run in the order of their numbers, edges without one each in a stage of their own position', () => {
    const stages = syncStages([edge({ id: 'x', stage: 2 }), edge({ id: 'y', stage: 0 }), edge({ id: 'z' }), edge({ id: 'w', stage: 0 })]);
    expect(stages.map((s) => [s.stage, s.edges.map((e) => e.id)])).toEqual([
      [0, ['y', 'w']],
      [2, ['x', 'z']],
    ]);
    expect(syncStages([])).toEqual([]);
  });

  it('put each edge in its stage whatever order the stages come in, below, between or above those seen', () => {
    const stages = syncStages([3, 1, 2, 1, -1, 3, 0].map((stage, i) => edge({ id: `e${i}`, stage })));
    expect(stages.map((s) => [s.stage, s.edges.map((e) => e.id)])).toEqual([
      [-1, ['e4']],
      [0, ['e6']],
      [1, ['e1', 'e3']],
      [2, ['e2']],
      [3, ['e0', 'e5']],
    ]);
  });

  it('puts a lone edge in its own stage, numbered as given or 0', () => {
    expect(syncStages([edge({ id: 'x', stage: 3 })]).map((s) => [s.stage, s.edges.map((e) => e.id)])).toEqual([[3, ['x']]]);
    expect(syncStages([edge({ id: 'y' })]).map((s) => [s.stage, s.edges.map((e) => e.id)])).toEqual([[0, ['y']]]);
  });
});

describe('the time of a call', () => {
  const callee = Dist.logNormal(10, 0.4);

  it('of copies in turn is their sum, of copies together their slowest', () => {
    near(callTime(edge({ calls: 3, fanout: 'sequential' }), callee).mean(), 3 * callee.mean(), 1e-6);
    near(callTime(edge({ calls: 3 }), callee).mean(), callee.maxOf(3).mean(), 1e-9);
    near(callTime(edge({ calls: 3, fanout: 'parallel' }), callee).mean(), callee.maxOf(3).mean(), 1e-9);
    near(callTime(edge({}), callee).mean(), callee.mean(), 1e-9);
  });

  it('of a fractional count mixes the two whole counts around it', () => {
    near(callTime(edge({ calls: 2.5, fanout: 'sequential' }), callee).mean(), 2.5 * callee.mean(), 1e-6);
    near(callTime(edge({ calls: 2.25 }), callee).mean(), 0.25 * callee.maxOf(3).mean() + 0.75 * callee.maxOf(2).mean(), 1e-6);
    // Half the requests make no call at all.
    const half = callTime(edge({ calls: 0.5, fanout: 'sequential' }), callee);
    expect(half.zero).toBeCloseTo(0.5, 9);
  });
});

describe('the time a node spends on a request itself', () => {
  const node = svc('api', 4, 20);
  const service = serviceTime(4, 20);
  const alone = Dist.logNormal(service.p50Ms, service.sigma);

  it('is its service time when nothing waits', () => {
    expect(ownTime({ ...node, latency: undefined }, queue({}))).toBe(Dist.ZERO);
    for (const q of [undefined, queue({ saturated: true }), queue({ waitProbability: 0 })]) near(ownTime(node, q).mean(), alone.mean(), 1e-9);
  });

  it('adds the Pollaczek-Khinchine wait on one server and the exponential wait on several', () => {
    // E[W] = rho E[S] (1 + cs^2) / (2 (1 - rho)).
    const rho = 0.6;
    near(ownTime(node, queue({ utilization: rho })).mean(), alone.mean() + (rho * service.meanMs * (1 + service.cs2)) / (2 * (1 - rho)), 0.01);
    near(ownTime(node, queue({ servers: 4, waitProbability: 0.3, waitWhenWaitingMs: 5 })).mean(), alone.mean() + 0.3 * 5, 0.005);
  });
});

describe('a node that calls a saturated one', () => {
  const design = (hitRate: number) =>
    diagramOf(
      [users(500), svc('api', 2, 8), svc('cache', 1, 2, { kind: 'cache', cache: { hitRate } }), svc('db', 20, 80, { capacity: { replicas: 1, concurrency: 1 } })],
      [call('users', 'api'), call('api', 'cache'), call('cache', 'db')],
    );

  it('has no bounded latency, unless it never makes the call', () => {
    for (const [hitRate, bounded] of [[0.5, false], [1, true]] as const) {
      const diagram = design(hitRate);
      const order = topologicalOrder(diagram);
      const queues = new Map<string, Queueing>([['db', queue({ saturated: true, utilization: 1, waitProbability: 0, waitWhenWaitingMs: Infinity })]]);
      const latencies = composeLatencies(diagram, order, queues);
      expect(latencies.get('db')!.total).toBeNull();
      expect(latencies.get('cache')!.total !== null).toBe(bounded);
      expect(latencies.get('api')!.total !== null).toBe(bounded);
    }
  });
});

describe('an own time modelled elsewhere (a batching pool)', () => {
  it('stands for the node\'s wait and service: its callers see it, plus the node\'s calls', () => {
    const diagram = diagramOf([users(10), svc('api', 2, 8), svc('pool', 5, 20), svc('db', 3, 9)], [call('users', 'api'), call('api', 'pool'), call('pool', 'db')]);
    const order = topologicalOrder(diagram);
    const given = Dist.constant(40);
    const latencies = composeLatencies(diagram, order, new Map(), undefined, new Map([['pool', given]]));
    const pool = latencies.get('pool')!;
    expect(pool.own).toBe(given);
    expect([...pool.total!.masses]).toEqual([...given.plus(pool.missed).masses]);
    near(latencies.get('api')!.total!.mean(), ownTime(diagram.nodes[1]!, undefined).mean() + 40 + ownTime(diagram.nodes[3]!, undefined).mean(), 1e-9);
    // Without it, the node's own log-normal.
    expect(composeLatencies(diagram, order, new Map(), undefined, new Map()).get('pool')!.own.mean()).toBe(ownTime(diagram.nodes[2]!, undefined).mean());
  });
});

describe('calls to nodes the diagram does not have', () => {
  it('add nothing to the caller: its latency is its own time, and the others are keyed callees first', () => {
    const valid = diagramOf([users(10), svc('api', 2, 8), svc('db', 5, 20)], [call('users', 'api'), call('api', 'db', { mode: 'async' })]);
    const diagram = { ...valid, edges: [...valid.edges, { id: 'g1', source: 'api', target: 'ghost' }, { id: 'g2', source: 'ghost', target: 'db' }] };
    const order = topologicalOrder(diagram);
    const latencies = composeLatencies(diagram, order, new Map());
    const alone = ownTime(diagram.nodes[1]!, undefined);
    expect(latencies.get('api')!.stages).toEqual([]);
    expect(latencies.get('api')!.total!.mean()).toBe(alone.mean());
    expect(latencies.get('users')!.total!.mean()).toBe(alone.mean());
    expect([...latencies.keys()]).toEqual([...order].reverse());
  });
});

describe('calls in one stage', () => {
  it('are issued together: the stage takes the slowest, and the stages add up', () => {
    const valid = diagramOf(
      [users(10), svc('api', 2, 8), svc('a', 5, 20), svc('b', 7, 30), svc('c', 3, 9)],
      [call('users', 'api'), call('api', 'a', { stage: 0 }), call('api', 'c', { stage: 1 }), call('api', 'b', { stage: 0 })],
    );
    const order = topologicalOrder(valid);
    const latencies = composeLatencies(valid, order, new Map());
    const api = latencies.get('api')!;
    expect(api.stages.map((s) => [s.stage, s.calls.map((c) => c.edge.target)])).toEqual([[0, ['a', 'b']], [1, ['c']]]);
    const slowest = latencies.get('a')!.total!.max(latencies.get('b')!.total!);
    expect(api.stages[0]!.dist.mean()).toBe(slowest.mean());
    expect(api.missed.mean()).toBe(slowest.plus(latencies.get('c')!.total!).mean());
  });
});
