import { describe, expect, it } from 'vitest';
import { findChains, MAX_SIMULATED_CHAIN_NODES, runChain } from '../../shared/estimator/chains';
import { serviceTime, type Queueing } from '../../shared/estimator/queueing';
import type { DiagramEdge, DiagramNode } from '../../shared/model/schema';
import { near, svc } from './build';

/** A single server at a utilization, as the queueing pass would give it. */
function server(utilization: number, extra: Partial<Queueing> = {}): Queueing {
  return { replicas: 1, servers: 1, offeredLoad: utilization, utilization, saturated: false, waitProbability: utilization, waitWhenWaitingMs: 1, neededReplicas: 1, ...extra };
}

const edge = (source: string, target: string, extra: Partial<DiagramEdge> = {}): DiagramEdge => ({ id: `${source}-${target}`, source, target, ...extra }) as DiagramEdge;

/** The Pollaczek-Khinchine mean wait of a single server: rho E[S] (1 + cs^2) / (2 (1 - rho)). */
function mg1MeanWaitMs(p50Ms: number, p99Ms: number, rho: number): number {
  const s = serviceTime(p50Ms, p99Ms);
  return (rho * s.meanMs * (1 + s.cs2)) / (2 * (1 - rho));
}

describe('finding chains', () => {
  const nodes = ['a', 'b', 'c'].map((id) => svc(id, 5, 20));
  const queues = new Map(nodes.map((n) => [n.id, server(0.5)]));
  const plain = [edge('a', 'b'), edge('b', 'c')];
  const chains = (list: DiagramNode[], edges: DiagramEdge[], q = queues, excluded = new Set<string>()) => findChains({ nodes: list, edges }, q, excluded).chains;

  it('links single servers that call each other and nothing else', () => {
    expect(chains(nodes, plain)).toEqual([['a', 'b', 'c']]);
    expect(chains(nodes, [...plain, edge('c', 'gone')])).toEqual([['a', 'b', 'c']]);
    // Offline work does not arrive with the requests, and a message sent on is not a call waited for.
    expect(chains(nodes, [...plain, edge('c', 'b', { mode: 'offline' })])).toEqual([['a', 'b', 'c']]);
    expect(chains([...nodes, svc('log', 1, 2)], [...plain, edge('b', 'log', { mode: 'async' })])).toEqual([['a', 'b', 'c']]);
  });

  it('stops at a node that is not one steady server', () => {
    const with_ = (id: string, change: Partial<Queueing> | null, node: Partial<DiagramNode> = {}) => {
      const q = new Map(queues);
      if (change === null) q.delete(id);
      else q.set(id, { ...server(0.5), ...change });
      return chains(nodes.map((n) => (n.id === id ? { ...n, ...node } : n)), plain, q);
    };
    expect(with_('c', { saturated: true })).toEqual([['a', 'b']]);
    expect(with_('c', { servers: 2 })).toEqual([['a', 'b']]);
    expect(with_('c', { offeredLoad: 0 })).toEqual([['a', 'b']]);
    expect(with_('c', null)).toEqual([['a', 'b']]);
    expect(with_('c', {}, { latency: undefined })).toEqual([['a', 'b']]);
    expect(with_('c', {}, { batching: { maxBatchSize: 8, maxQueueDelayMs: 5 } })).toEqual([['a', 'b']]);
    expect(with_('a', { saturated: true })).toEqual([['b', 'c']]);
    expect(chains(nodes, plain, queues, new Set(['c']))).toEqual([['a', 'b']]);
  });

  it('stops where a member receives other arrivals, sends other calls, or calls with a policy or copies', () => {
    expect(chains(nodes, [...plain, edge('c', 'b', { mode: 'async' })])).toEqual([['b', 'c']]);
    expect(chains(nodes, [edge('a', 'b'), edge('b', 'c', { mode: 'async' })])).toEqual([['a', 'b']]);
    expect(chains(nodes, [edge('a', 'b'), edge('b', 'c', { calls: 2 })])).toEqual([['a', 'b']]);
    expect(chains(nodes, [edge('a', 'b'), edge('b', 'c', { retry: { failureProbability: 0.1, retries: 1 } })])).toEqual([['a', 'b']]);
    expect(chains([svc('a', 5, 20)], [edge('a', 'a')], queues)).toEqual([]);
  });

  it('samples at most the members it can afford, and names the chains it skips', () => {
    const count = MAX_SIMULATED_CHAIN_NODES / 2;
    const many = Array.from({ length: 2 * count + 2 }, (_, i) => svc(`n${i}`, 5, 20));
    const q = new Map(many.map((n) => [n.id, server(0.5)]));
    // Chains of `count` members, and one of two past the limit.
    const edges = many.flatMap((n, i) => (i % count === count - 1 || i === many.length - 1 ? [] : [edge(n.id, many[i + 1]!.id)]));
    const found = findChains({ nodes: many, edges }, q, new Set());
    expect(found.chains.map((c) => c.length)).toEqual([count, count]);
    expect(found.skipped.map((c) => c.length)).toEqual([2]);
  });
});

describe('a chain run', () => {
  const nodesOf = (list: DiagramNode[]) => new Map(list.map((n) => [n.id, n]));

  it('gives the head the single-server wait, and each member only its own time', () => {
    const list = [svc('a', 2, 8), svc('b', 5, 10)];
    const run = runChain(['a', 'b'], nodesOf(list), new Map([['a', server(0.3)]]));
    near(run.own[0]!.mean(), serviceTime(2, 8).meanMs + mg1MeanWaitMs(2, 8, 0.3), 0.03);
    // b runs at the head's rate; smoothed by a, it waits less than a single server fed at random would.
    const bRho = (0.3 / serviceTime(2, 8).meanMs) * serviceTime(5, 10).meanMs;
    expect(run.own[1]!.mean()).toBeGreaterThan(serviceTime(5, 10).meanMs + 0.5 * mg1MeanWaitMs(5, 10, bRho));
    expect(run.own[1]!.mean()).toBeLessThan(serviceTime(5, 10).meanMs + mg1MeanWaitMs(5, 10, bRho) * 1.02);
    // Every request reaches the end: the head's time to it is the sum of both.
    expect(run.toTail[0]!.reached).toBe(1);
    near(run.toTail[0]!.viaTail.mean(), run.own[0]!.mean() + run.own[1]!.mean(), 0.002);
    expect(run.toTail[0]!.short.isZero).toBe(true);
    expect(run.toTail[1]!.reached).toBe(1);
    near(run.toTail[1]!.viaTail.mean(), run.own[1]!.mean(), 0.002);
  });

  it('passes on only a cache miss, and counts a stopped request in the head alone', () => {
    const list = [svc('a', 1, 3, { kind: 'cache', cache: { hitRate: 0.7 } }), svc('b', 5, 20), svc('c', 5, 20)];
    const rho = 0.5;
    const run = runChain(['a', 'b', 'c'], nodesOf(list), new Map([['a', server(rho)]]));
    expect(Math.abs(run.toTail[0]!.reached - 0.3)).toBeLessThan(0.005);
    expect(run.toTail[1]!.reached).toBe(1);
    near(run.toTail[0]!.short.mean(), run.own[0]!.mean(), 0.02);
    near(run.toTail[0]!.viaTail.mean(), run.own[0]!.mean() + run.own[1]!.mean() + run.own[2]!.mean(), 0.02);
    // b sees 30% of the head's requests.
    const bRho = 0.3 * (rho / serviceTime(1, 3).meanMs) * serviceTime(5, 20).meanMs;
    expect(run.own[1]!.mean()).toBeLessThan(serviceTime(5, 20).meanMs + 1.05 * mg1MeanWaitMs(5, 20, bRho));
    expect(run.own[1]!.mean()).toBeGreaterThan(serviceTime(5, 20).meanMs + 0.5 * mg1MeanWaitMs(5, 20, bRho));
  });

  it('runs chains of other members apart, even at the same rate', () => {
    const q = new Map([['a', server(0.5)], ['x', server(0.5)]]);
    const list = [svc('a', 2, 8), svc('b', 2, 8), svc('x', 2, 8), svc('y', 9, 30)];
    const ab = runChain(['a', 'b'], nodesOf(list), q);
    const xy = runChain(['x', 'y'], nodesOf(list), q);
    expect(xy.members).toEqual(['x', 'y']);
    expect(xy.own[1]!.mean()).toBeGreaterThan(2 * ab.own[1]!.mean());
    // The same chain under other names is the same run.
    const again = runChain(['x', 'b'], nodesOf(list), q);
    expect(again.members).toEqual(['x', 'b']);
    expect(again.own[1]!.mean()).toBe(ab.own[1]!.mean());
  });
});
