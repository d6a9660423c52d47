import { describe, expect, it } from 'vitest';
import { batchArrivalDiagnostics, chainDiagnostics } from '../../shared/estimator/approximations';
import type { PoolArrivals } from '../../shared/estimator/batches';
import type { Sampled } from '../../shared/estimator/latency';
import type { Queueing } from '../../shared/estimator/queueing';
import type { Diagram } from '../../shared/model/schema';

/** A queue of `servers` with `offeredLoad` Erlangs, waiting with probability `waitProbability`. */
const queue = (servers: number, offeredLoad: number, waitProbability = 0.5, saturated = false): Queueing => ({
  replicas: servers, servers, offeredLoad, utilization: offeredLoad / servers, saturated, waitProbability, waitWhenWaitingMs: 1, neededReplicas: servers,
});

const nodes = (...ids: string[]) => ids.map((id) => ({ id, kind: 'service', label: id.toUpperCase() })) as Diagram['nodes'];

const pools = (simulated: [string, PoolArrivals][], skipped: [string, PoolArrivals][] = []): Sampled => ({
  pools: { simulated: new Map(simulated), skipped: new Map(skipped) },
  chains: { chains: [], skipped: [] },
});

describe('what a pool sampled with its batch arrivals says', () => {
  const diagram = { nodes: nodes('p', 'q'), edges: [] };
  const queues = new Map([['p', queue(8, 2.44, 0.42)], ['q', queue(1, 0.5, 0.5)]]);

  it('copies that arrive together: how many, into how many servers, how idle, and that the figures are sampled', () => {
    expect(batchArrivalDiagnostics(diagram, queues, pools([['p', { together: 4, inTurn: 0 }]]))).toEqual([{
      severity: 'info', code: 'batch-arrivals', node: 'p',
      message:
        '4 copies arrive together into 8 servers of "P" (5.6 idle on average) and queue behind each other: its figures come from a ' +
        'sampled run of this pool with its batch arrivals, good to a few percent. Check the whole design by simulation (mlsd simulate), or add servers.',
    }]);
  });

  it('copies in turn: the share of requests that wait, in the singular for one server', () => {
    expect(batchArrivalDiagnostics(diagram, queues, pools([['q', { together: 0, inTurn: 3 }]]))).toEqual([{
      severity: 'info', code: 'sequential-waits', node: 'q',
      message:
        '3 copies in turn into 1 server of "Q", where 50% of requests wait: a copy that waited leaves the next one likely to wait too: ' +
        'its figures come from a sampled run of this pool with its copies in turn, good to a few percent. ' +
        'Check the whole design by simulation (mlsd simulate), or add servers.',
    }]);
  });

  it('a pool past what is sampled: a warning for each kind of arrival, with how many such pools the design has', () => {
    const found = batchArrivalDiagnostics(diagram, queues, pools([['q', { together: 2, inTurn: 0 }]], [['p', { together: 3, inTurn: 2 }]]));
    expect(found.map((d) => [d.severity, d.code, d.node])).toEqual([
      ['info', 'batch-arrivals', 'q'],
      ['warning', 'batch-arrivals-not-sampled', 'p'],
      ['warning', 'sequential-waits-not-sampled', 'p'],
    ]);
    expect(found[1]!.message).toBe(
      '3 copies arrive together into 8 servers of "P" (5.6 idle on average) and queue behind each other, but the design has 2 such pools ' +
        'and only the 10 where these arrivals weigh most are sampled: this one keeps the model of independent arrivals, so its callers\' ' +
        'tail figures are optimistic. Check by simulation (mlsd simulate), or add servers.',
    );
    expect(found[2]!.message).toMatch(/^2 copies in turn into 8 servers of "P", where 42% of requests wait: .*, but the design has 2 such pools/);
  });
});

describe('what a run of single servers says', () => {
  const one = queue(1, 0.5);
  const chainOf = (chains: string[][], skipped: string[][] = []): Sampled => ({ pools: { simulated: new Map(), skipped: new Map() }, chains: { chains, skipped } });
  const sync = (pairs: [string, string, string?][]) => pairs.map(([source, target, mode], i) => ({ id: `e${i}`, source, target, ...(mode ? { mode } : {}) })) as Diagram['edges'];

  it('a sampled chain is named on its head, with its length', () => {
    const diagram = { nodes: nodes('a', 'b', 'c'), edges: sync([['a', 'b'], ['b', 'c']]) };
    const queues = new Map(['a', 'b', 'c'].map((id) => [id, one]));
    expect(chainDiagnostics(diagram, queues, chainOf([['a', 'b', 'c']]))).toEqual([{
      severity: 'info', code: 'single-server-chain', node: 'a',
      message:
        '"A" starts a chain of 3 single-server nodes: each smooths the arrivals of the next and a request\'s waits along it go together, ' +
        'so the chain\'s figures come from a sampled run of it as a whole, good to a few percent. Check the whole design by simulation (mlsd simulate).',
    }]);
  });

  it('three in a row that are not sampled err on the safe side; two in a row, async calls, pools and saturated nodes say nothing', () => {
    const queues = new Map([['a', one], ['b', one], ['c', one], ['d', one], ['pool', queue(2, 1)], ['hot', queue(1, 1, 0, true)]]);
    const said = (edges: [string, string, string?][]) =>
      chainDiagnostics({ nodes: nodes('a', 'b', 'c', 'd', 'pool', 'hot'), edges: sync(edges) }, queues, chainOf([])).map((d) => `${d.node}: ${d.message}`);
    expect(said([['a', 'b'], ['b', 'c']])).toEqual([
      'a: "A" starts a chain of 3 single-server nodes: each smooths the arrivals of the next, so waits further down are shorter than ' +
        'estimated (the figures err on the safe side). Check by simulation (mlsd simulate).',
    ]);
    expect(said([['a', 'b'], ['b', 'c'], ['c', 'd']])[0]).toContain('a chain of 4 single-server nodes');
    expect(said([['a', 'b']])).toEqual([]);
    expect(said([['a', 'b'], ['b', 'c', 'async']])).toEqual([]);
    expect(said([['a', 'b'], ['b', 'pool'], ['pool', 'c']])).toEqual([]);
    expect(said([['a', 'hot'], ['hot', 'c'], ['c', 'd']])).toEqual([]);
    expect(said([['a', 'b'], ['b', 'c', 'sync']])).toHaveLength(1);
  });

  it('a run whose members are sampled elsewhere starts after them, and one past what is sampled says only 40 members are', () => {
    const queues = new Map(['a', 'b', 'c', 'd', 'e'].map((id) => [id, one]));
    const diagram = { nodes: nodes('a', 'b', 'c', 'd', 'e'), edges: sync([['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e']]) };
    expect(chainDiagnostics(diagram, queues, chainOf([['a', 'b']])).map((d) => d.node)).toEqual(['a', 'c']);
    const skipped = chainDiagnostics(diagram, queues, chainOf([], [['a', 'b', 'c', 'd', 'e']]));
    expect(skipped.map((d) => d.message)).toEqual([
      '"A" starts a chain of 5 single-server nodes: each smooths the arrivals of the next, so waits further down are shorter than ' +
        'estimated (the figures err on the safe side); only 40 chain members are sampled per estimate. Check by simulation (mlsd simulate).',
    ]);
  });

  it('a node with two single-server callers heads no run of its own', () => {
    const queues = new Map(['a', 'x', 'b', 'c'].map((id) => [id, one]));
    const diagram = { nodes: nodes('a', 'x', 'b', 'c'), edges: sync([['a', 'b'], ['x', 'b'], ['b', 'c']]) };
    expect(chainDiagnostics(diagram, queues, chainOf([])).map((d) => d.node)).toEqual(['a', 'x']);
  });
});
