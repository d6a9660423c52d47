import { describe, expect, it } from 'vitest';
import { startCheck } from '../../shared/sim/check';
import { compileNetwork } from '../../shared/sim/network';
import { SimRandom } from '../../shared/sim/random';
import { REPLICATIONS, replicationRequests, replicationStreams, type ReplicationPart } from '../../shared/sim/replicationParts';
import { runReplication } from '../../shared/sim/replications';
import { mergeReplications, simulate, simulateAcross, type ReplicationRequest } from '../../shared/sim/simulate';
import { mergeSorted, studentT975 } from '../../shared/sim/stats';
import { call, diagramOf, svc, users } from '../estimator/build';

/** Mulberry32's step, and its inverse modulo 2^32. */
const STEP = 0x6d2b79f5n;
const CYCLE = 2n ** 32n;
const inverse = (() => {
  let x = 1n;
  for (let i = 0; i < 5; i++) x = (x * (2n - STEP * x)) % CYCLE;
  return (x + CYCLE) % CYCLE;
})();
/** How many draws after the stream seeded `from` the stream seeded `to` starts. */
const drawsApart = (from: number, to: number) => (((BigInt(to) - BigInt(from)) * inverse) % CYCLE + CYCLE) % CYCLE;

const pools = diagramOf([users(400), svc('api', 2, 8), svc('db', 4, 20, { capacity: { replicas: 4, concurrency: 1 } })], [call('users', 'api'), call('api', 'db')]);

describe('replications', () => {
  it('share the requests out evenly: 1,000,001 as 500,001 + 500,000', () => {
    expect(REPLICATIONS).toBe(2);
    expect([replicationRequests(1_000_001, 0), replicationRequests(1_000_001, 1)]).toEqual([500_001, 500_000]);
    expect([replicationRequests(200_000, 0), replicationRequests(200_000, 1)]).toEqual([100_000, 100_000]);
  });

  it('draw from streams a quarter of the generator’s cycle (2^30 draws) apart, the first replication from a run of one’s', () => {
    // A seed d larger starts d / step draws later: the seed plus 5 steps draws what the seed's sixth draw was.
    const later = new SimRandom(7 + 5 * 0x6d2b79f5);
    const first = new SimRandom(7);
    for (let i = 0; i < 5; i++) first.uniform();
    expect(later.uniform()).toBe(first.uniform());
    for (const seed of [1, 11, 2 ** 32 - 3]) {
      const starts = [0, 1].flatMap((r) => [replicationStreams(seed, r).uniform, replicationStreams(seed, r).normal]);
      const positions = starts.map((s) => drawsApart(seed, s)).sort((a, b) => (a < b ? -1 : 1));
      expect(positions).toEqual([0n, 2n ** 30n, 2n ** 31n, 3n * 2n ** 30n]);
    }
    expect(replicationStreams(5, 0)).toEqual({ uniform: 5, normal: 5 + 2 ** 31 });
    expect(replicationStreams(5, 1)).toEqual({ uniform: 5 + 2 ** 30, normal: 5 + 2 ** 30 + 2 ** 31 });
  });

  it('merge into figures over all requests, intervals over every replication’s batches, rates over the summed windows', () => {
    const network = compileNetwork(pools);
    const db = network.nodes.findIndex((n) => n.id === 'db');
    const perNode = (value: number) => Float64Array.from(network.nodes, (_, i) => (i === db ? value : 0));
    const part = (replication: number, sorted: number[], p99s: number[], windowMs: number, load: number[]): ReplicationPart => ({
      replication,
      requests: sorted.length,
      warmUpRequests: 1,
      windowMs,
      sorted: [Float64Array.from(sorted)],
      batches: [[[0, 0], [0, 0], p99s, [0, 0]]],
      visits: perNode(load[0]!),
      busyMs: perNode(load[1]!),
      answers: perNode(load[2]!),
      latencySumMs: perNode(load[3]!),
    });
    const result = mergeReplications(network, [part(0, [1, 3, 5, 7], [10, 12], 1000, [100, 800, 100, 500]), part(1, [2, 4, 6], [14], 600, [60, 480, 60, 460])], 9);
    expect([result.seed, result.requests, result.warmUpRequests, result.replications, result.simulatedSeconds]).toEqual([9, 7, 2, 2, 1.6]);
    const latency = result.entries[0]!.latencyMs!;
    // Over 1..7: mean 4, p50 the 4th value, p99 at position 0.99 x 6 = 5.94, between 6 and 7.
    expect(latency.mean.value).toBe(4);
    expect(latency.p50.value).toBe(4);
    expect(latency.p99.value).toBeCloseTo(6.94, 12);
    expect(latency.p999.value).toBeCloseTo(6.994, 12);
    // The p99s of the three batches, 10, 12 and 14: mean 12, standard deviation 2.
    expect(latency.p99.halfWidth).toBeCloseTo((studentT975(2) * 2) / Math.sqrt(3), 12);
    expect(latency.mean.halfWidth).toBe(0);
    expect(result.entries[0]!.requests).toBe(7);
    const node = result.nodes[db]!;
    // 160 visits in 1.6 s; 1,280 ms busy of 4 servers x 1,600 ms; 960 ms over 160 answers.
    expect(node.qps).toBeCloseTo(100, 12);
    expect(node.utilization).toBeCloseTo(0.2, 12);
    expect(node.meanLatencyMs).toBe(6);
  });

  it('merge into no figures where nothing was measured: a saturated entry, an entry without requests, a node without servers, answers or time', () => {
    const empty = (network: ReturnType<typeof compileNetwork>, windowMs: number, sorted: number[]): ReplicationPart => {
      const zeros = () => new Float64Array(network.nodes.length);
      return { replication: 0, requests: sorted.length, warmUpRequests: 0, windowMs, sorted: [Float64Array.from(sorted)], batches: [[[], [], [], []]], visits: zeros(), busyMs: zeros(), answers: zeros(), latencySumMs: zeros() };
    };
    const network = compileNetwork(pools);
    const quiet = mergeReplications(network, [empty(network, 500, [])], 1);
    expect(quiet.format).toBe('mlsd-studio/simulation');
    expect(quiet.entries).toEqual([{ node: 'users', requests: 0, latencyMs: null }]);
    // The entry and the api have no servers: no utilization; the db's 4 servers were idle; nothing answered anywhere.
    expect(quiet.nodes).toEqual([
      { id: 'users', qps: 0, utilization: null, meanLatencyMs: null },
      { id: 'api', qps: 0, utilization: null, meanLatencyMs: null },
      { id: 'db', qps: 0, utilization: 0, meanLatencyMs: null },
    ]);
    // No time measured: no rates and no utilization, rather than 0 / 0.
    expect(mergeReplications(network, [empty(network, 0, [])], 1).nodes.map((n) => [n.qps, n.utilization])).toEqual([[0, null], [0, null], [0, null]]);
    const saturated = compileNetwork(diagramOf([users(1000), svc('api', 10, 20, { capacity: { replicas: 1, concurrency: 1 } })], [call('users', 'api')]));
    const none = mergeReplications(saturated, [empty(saturated, 500, [])], 1);
    expect(none.entries).toEqual([{ node: 'users', requests: 0, latencyMs: null }]);
    expect(none.nodes[1]).toEqual({ id: 'api', qps: 0, utilization: null, meanLatencyMs: null });
  });

  it('give an interval from two batch figures or more', () => {
    const network = compileNetwork(pools);
    const zeros = () => new Float64Array(network.nodes.length);
    const two: ReplicationPart = { replication: 0, requests: 2, warmUpRequests: 1, windowMs: 1, sorted: [Float64Array.of(1, 3)], batches: [[[1, 3], [1, 3], [1, 3], [1, 3]]], visits: zeros(), busyMs: zeros(), answers: zeros(), latencySumMs: zeros() };
    // Two batches, 1 and 3: standard deviation sqrt(2), standard error 1.
    expect(mergeReplications(network, [two], 1).entries[0]!.latencyMs!.p50).toEqual({ value: 2, halfWidth: studentT975(1) });
  });

  it('merge sorted lists into one', () => {
    expect([...mergeSorted([Float64Array.of(1, 4, 9), Float64Array.of(2, 3, 10, 11), Float64Array.of(0, 5)])]).toEqual([0, 1, 2, 3, 4, 5, 9, 10, 11]);
    expect([...mergeSorted([Float64Array.of(3, 3), Float64Array.of(3)])]).toEqual([3, 3, 3]);
  });

  it('give an interval of no width only with a single batch figure: unbounded then', () => {
    const network = compileNetwork(pools);
    const zeros = () => new Float64Array(network.nodes.length);
    const lone: ReplicationPart = { replication: 0, requests: 2, warmUpRequests: 1, windowMs: 1, sorted: [Float64Array.of(1, 2)], batches: [[[1], [1], [1], [1]]], visits: zeros(), busyMs: zeros(), answers: zeros(), latencySumMs: zeros() };
    expect(mergeReplications(network, [lone], 1).entries[0]!.latencyMs!.p99.halfWidth).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('a run across threads', () => {
  const options = { requests: 20_000, seed: 4 };

  it('gives the figures of the run on one thread, whichever thread runs the second replication', async () => {
    const asked: Omit<ReplicationRequest, 'diagram'>[] = [];
    const elsewhere = async ({ diagram, requests, seed, replication }: ReplicationRequest) => {
      asked.push({ requests, seed, replication });
      return runReplication(structuredClone(diagram), requests, seed, replication);
    };
    const alone = simulate(pools, options);
    expect(await simulateAcross(pools, options, elsewhere)).toEqual(alone);
    expect(asked).toEqual([{ requests: 20_000, seed: 4, replication: 1 }]);
    // A thread that fails, or cannot take it: the replication runs here, with the same figures.
    expect(await simulateAcross(pools, options, () => Promise.reject(new Error('gone')))).toEqual(alone);
    expect(await simulateAcross(pools, options, () => undefined)).toEqual(alone);
    expect(await simulateAcross(pools, options, undefined)).toEqual(alone);
  });

  it('differs from a run of one replication of all the requests: its second half has streams of its own', () => {
    const both = simulate(pools, options);
    const first = runReplication(pools, options.requests, options.seed, 0);
    expect(first.requests).toBe(10_000);
    expect(both.entries[0]!.requests).toBe(both.requests);
    expect(both.entries[0]!.latencyMs!.p99.value).not.toBe(mergeReplications(compileNetwork(pools), [first], 4).entries[0]!.latencyMs!.p99.value);
  });

  it('gives the app’s check the same figures, the replications run in turn, split, or taken back after all', () => {
    /** Steps the check until it is done or waits for a part; the outcome (or null) and the steps taken. */
    const finish = (check: ReturnType<typeof startCheck>) => {
      for (let steps = 1; steps < 1000; steps++) {
        const outcome = check.step();
        if (outcome || check.waiting) return { outcome, steps };
      }
      throw new Error('the check never ended');
    };
    const alone = simulate(pools, { requests: 60_000, seed: 1 });
    const inTurn = finish(startCheck(pools, 60_000));
    expect(inTurn.outcome?.ok && inTurn.outcome.simulation).toEqual(alone);
    const split = startCheck(pools, 60_000, 1, [0]);
    expect(split.waiting).toBe(false);
    split.step();
    const [first, second] = split.progress();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(1);
    expect(second).toBe(0);
    expect(split.waiting).toBe(false);
    expect(finish(split).outcome).toBeNull();
    expect(split.waiting).toBe(true);
    // Waiting, a step does nothing.
    expect(split.step()).toBeNull();
    expect(split.waiting).toBe(true);
    expect(split.progress()).toEqual([1, 0]);
    split.receive(runReplication(pools, 60_000, 1, 1));
    // A part that has arrived is not run again.
    split.adopt(1);
    const merged = finish(split);
    expect(merged.steps).toBe(1);
    expect(merged.outcome?.ok && merged.outcome.simulation).toEqual(alone);
    expect(split.waiting).toBe(false);
    // Taken back (twice over), the replication runs here once: as many steps as both in turn.
    const adopted = startCheck(pools, 60_000, 1, [0]);
    const before = finish(adopted).steps;
    adopted.adopt(1);
    adopted.adopt(1);
    const taken = finish(adopted);
    expect(before + taken.steps).toBe(inTurn.steps);
    expect(taken.outcome?.ok && taken.outcome.simulation).toEqual(alone);
  });

  it('tells the app why a broken diagram cannot be simulated', () => {
    // A p99 below the p50: the diagram reads, but its service time cannot be drawn.
    const broken = { ...pools, nodes: pools.nodes.map((n) => (n.id === 'api' ? { ...n, latency: { p50Ms: 8, p99Ms: 2 } } : n)) };
    const check = startCheck(broken, 20_000);
    // Nothing to run: done at once, waiting for nothing.
    expect([check.progress(), check.waiting]).toEqual([[1, 1], false]);
    const outcome = check.step();
    expect(outcome?.ok).toBe(false);
    expect(outcome && !outcome.ok && outcome.message).toBe('the diagram cannot be simulated: nodes[1].latency.p99Ms: must be >= p50Ms (8)');
  });
});
