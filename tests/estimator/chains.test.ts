import { describe, expect, it } from 'vitest';
import { chainDiagnostics } from '../../shared/estimator/approximations';
import { findChains, MAX_SIMULATED_CHAIN_NODES } from '../../shared/estimator/chains';
import { capacityInput, queueing, serviceTime } from '../../shared/estimator/queueing';
import { estimate } from '../../shared/estimator/estimate';
import { solve } from '../../shared/estimator/solve';
import { topologicalOrder } from '../../shared/model/graph';
import type { Diagram } from '../../shared/model/schema';
import { call, diagramOf, svc, users } from './build';

const one = { capacity: { replicas: 1, concurrency: 1 } };
/** Users at `qps` through single servers a -> b -> c, each (5, 20) ms, plus any extra edges and nodes. */
function abc(qps: number, extraNodes = [] as ReturnType<typeof svc>[], extraEdges = [] as ReturnType<typeof call>[]): Diagram {
  return diagramOf(
    [users(qps), svc('a', 5, 20, one), svc('b', 5, 20, one), svc('c', 5, 20, one), ...extraNodes],
    [call('users', 'a'), call('a', 'b'), call('b', 'c'), ...extraEdges],
  );
}

const chainsOf = (d: Diagram) => findChains(d, solve(d, topologicalOrder(d)).queues, new Set()).chains;

describe('chains of single servers', () => {
  it('finds a chain of plain calls, head first', () => {
    expect(chainsOf(abc(100))).toEqual([['a', 'b', 'c']]);
  });

  it('finds the chain of a repeated id once, through its last node, as every pass reads an id', () => {
    const d = abc(100);
    const queues = solve(d, topologicalOrder(d)).queues;
    // A first "a" that is no single server: the last one, which the edges reach, heads the chain.
    const repeated = { ...d, nodes: [d.nodes[0]!, svc('a', 5, 20), ...d.nodes.slice(1)] };
    expect(findChains(repeated, queues, new Set()).chains).toEqual([['a', 'b', 'c']]);
  });

  it('ends a chain at a node called from elsewhere, at a call of two copies, and at a node that also calls another', () => {
    // b, called by a and x, starts a chain of its own (its arrivals merge); a alone is none.
    expect(chainsOf(abc(100, [svc('x', 1, 2)], [call('x', 'b')]))).toEqual([['b', 'c']]);
    const twice = diagramOf(
      [users(50), svc('a', 5, 20, one), svc('b', 5, 20, one), svc('c', 5, 20, one)],
      [call('users', 'a'), call('a', 'b', { calls: 2 }), call('b', 'c')],
    );
    expect(chainsOf(twice)).toEqual([['b', 'c']]);
    expect(chainsOf(abc(100, [svc('leaf', 1, 2)], [call('b', 'leaf')]))).toEqual([['a', 'b']]);
  });

  it('samples a chain as a whole: at 70% busy its p99 falls below the stage-by-stage model and it says so on the head', () => {
    // (5, 20) ms log-normal: mean 5 x e^(sigma^2 / 2) with sigma = ln 4 / 2.326; 70% busy at 0.7 / mean arrivals per ms.
    const sigma = Math.log(4) / 2.3263;
    const qps = (0.7 * 1000) / (5 * Math.exp((sigma * sigma) / 2));
    const result = estimate(abc(qps));
    const head = result.diagnostics.find((d) => d.code === 'single-server-chain')!;
    expect([head.node, head.severity]).toEqual(['a', 'info']);
    expect(head.message).toMatch(/chain of 3 single-server nodes: .*sampled run of it as a whole/);
    // The stage-by-stage model read 123.9 ms here against a simulation of 114.3 +- 1.7 ms (docs/accuracy.md, design 17).
    const p99 = result.entries[0]!.latencyMs!.p99;
    expect(p99).toBeGreaterThan(114.3 * 0.95);
    expect(p99).toBeLessThan(114.3 * 1.05);
    // Each member's figure is its time to the end of the chain: a above b above c.
    const nodeP99 = (id: string) => result.nodes.find((n) => n.id === id)!.latencyMs!.p99;
    expect(nodeP99('a')).toBeGreaterThan(nodeP99('b'));
    expect(nodeP99('b')).toBeGreaterThan(nodeP99('c'));
  });

  it('passes only misses down a chain through a cache: the members after it see that share of requests', () => {
    const d = diagramOf(
      [users(60), svc('a', 5, 20, { ...one, kind: 'cache', cache: { hitRate: 0.5 } }), svc('b', 5, 20, one), svc('c', 5, 20, one)],
      [call('users', 'a'), call('a', 'b'), call('b', 'c')],
    );
    expect(chainsOf(d)).toEqual([['a', 'b', 'c']]);
    const result = estimate(d);
    // Half the requests stop at a (about its own time); the other half go through b and c too.
    const entry = result.entries[0]!.latencyMs!;
    const a = result.nodes.find((n) => n.id === 'a')!.latencyMs!;
    const b = result.nodes.find((n) => n.id === 'b')!.latencyMs!;
    expect(entry.p50).toBeLessThan(b.p50 + a.p50);
    expect(entry.mean).toBeGreaterThan(0.5 * b.mean);
  });

  it('names a run of 20,000 single servers on its head, past what is sampled, without running out of stack', () => {
    const count = 20_000;
    const d = diagramOf(
      [users(10), ...Array.from({ length: count }, (_, i) => svc(`s${i}`, 0.01, 0.05, one))],
      [call('users', 's0'), ...Array.from({ length: count - 1 }, (_, i) => call(`s${i}`, `s${i + 1}`))],
    );
    const queues = new Map(d.nodes.filter((n) => n.latency).map((n) => [n.id, queueing(10, serviceTime(0.01, 0.05), capacityInput(one.capacity))]));
    const heads = chainDiagnostics(d, queues).filter((x) => x.code === 'single-server-chain');
    expect(heads.map((x) => x.node)).toEqual(['s0']);
    expect(heads[0]!.message).toContain(`chain of ${count} single-server nodes`);
    expect(heads[0]!.message).toContain(`only ${MAX_SIMULATED_CHAIN_NODES} chain members are sampled`);
  });

  it('names a run left to the stage-by-stage model on each node of its head, a repeated id too, through known nodes only', () => {
    const valid = abc(10, [svc('d', 5, 20, one)], [call('c', 'd')]);
    // Made in memory (a file with these would not load): an id twice, and edges from and to a node that is not there.
    const d = { ...valid, nodes: [...valid.nodes, { ...valid.nodes[1]!, label: 'A again' }], edges: [...valid.edges, { id: 'g1', source: 'ghost', target: 'b' }, { id: 'g2', source: 'd', target: 'ghost' }] };
    const q = queueing(10, serviceTime(5, 20), capacityInput(one.capacity));
    const queues = new Map([...['a', 'b', 'c', 'd', 'ghost'].map((id) => [id, q] as const), ['users', { ...q, servers: 2 }]]);
    const unsampled = { pools: { simulated: new Map() }, chains: { chains: [], skipped: [] } } as unknown as Parameters<typeof chainDiagnostics>[2];
    const heads = chainDiagnostics(d, queues, unsampled);
    expect(heads.map((x) => `${x.node}:${x.message.split('"')[1]}:${/chain of (\d+)/.exec(x.message)?.[1]}`)).toEqual(['a:A:4', 'a:A again:4']);
  });

  it('counts async calls and calls from unknown nodes as arrivals, and ignores offline edges and calls to unknown nodes', () => {
    const x = svc('x', 1, 2, one);
    const base = abc(100, [x], [call('x', 'b', { mode: 'offline' }), call('a', 'x', { mode: 'async' })]);
    const queues = solve(base, topologicalOrder(base)).queues;
    const chains = (extra: Diagram['edges']) => findChains({ ...base, edges: [...base.edges, ...extra] }, queues, new Set()).chains;
    expect(chains([])).toEqual([['a', 'b', 'c']]);
    expect(chains([{ id: 'g', source: 'a', target: 'ghost' }])).toEqual([['a', 'b', 'c']]);
    expect(chains([{ id: 'g', source: 'ghost', target: 'b' }])).toEqual([['b', 'c']]);
    expect(chains([{ id: 'g', source: 'x', target: 'b', mode: 'async' }])).toEqual([['b', 'c']]);
    expect(findChains(base, queues, new Set(['b'])).chains).toEqual([]);
  });

  it('samples whole chains up to the members allowed, in node order, and lists the rest as skipped', () => {
    const lengths = [25, 15, 2];
    const nodes = lengths.flatMap((n, c) => Array.from({ length: n }, (_, i) => svc(`c${c}s${i}`, 0.01, 0.05, one)));
    const edges = lengths.flatMap((n, c) => Array.from({ length: n - 1 }, (_, i) => call(`c${c}s${i}`, `c${c}s${i + 1}`)));
    const d = diagramOf(nodes, edges);
    const queues = new Map(d.nodes.map((n) => [n.id, queueing(10, serviceTime(0.01, 0.05), capacityInput(one.capacity))]));
    const { chains, skipped } = findChains(d, queues, new Set());
    expect(chains.map((c) => [c[0], c.length])).toEqual([['c0s0', 25], ['c1s0', 15]]);
    expect(skipped).toEqual([['c2s0', 'c2s1']]);
  });
});
