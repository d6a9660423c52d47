import { serviceTime } from '../../shared/estimator/queueing';
import type { Diagram, DiagramEdge, DiagramNode } from '../../shared/model/schema';
import { call, diagramOf, svc, users } from '../estimator/build';

/** A design of the accuracy benchmark: what it exercises, and the diagram. */
export interface Design {
  name: string;
  diagram: Diagram;
}

/** A node with a pool of `servers` FCFS servers (replicas x concurrency 1). */
function pool(id: string, p50Ms: number, p99Ms: number, servers: number, extra: Partial<DiagramNode> = {}): DiagramNode {
  return svc(id, p50Ms, p99Ms, { capacity: { replicas: servers, concurrency: 1 }, ...extra });
}

/** Peak QPS that loads `servers` servers of a (p50, p99) service to `utilization`, given `visits` per request. */
function qpsFor(utilization: number, servers: number, p50Ms: number, p99Ms: number, visits = 1): number {
  return (utilization * servers * 1000) / serviceTime(p50Ms, p99Ms).meanMs / visits;
}

/** One entry calling one pool `calls` times (parallel or in turn) at a utilization. */
function single(name: string, rho: number, servers: number, p50: number, p99: number, calls = 1, fanout: DiagramEdge['fanout'] = 'parallel'): Design {
  return {
    name,
    diagram: diagramOf([users(qpsFor(rho, servers, p50, p99, calls)), pool('pool', p50, p99, servers)], [call('users', 'pool', { calls, fanout })]),
  };
}

/** A chain of `length` pools of `servers` servers each at one utilization. */
function chain(name: string, length: number, rho: number, servers: number, p50: number, p99: number): Design {
  const ids = Array.from({ length }, (_, i) => `s${i}`);
  return {
    name,
    diagram: diagramOf(
      [users(qpsFor(rho, servers, p50, p99)), ...ids.map((id) => pool(id, p50, p99, servers))],
      ['users', ...ids].slice(0, -1).map((from, i) => call(from, ids[i]!)),
    ),
  };
}

/** The accuracy benchmark: utilization 0.3-0.95, 1-64 servers, fan-outs 1-50, shared pools, chains, caches, heavy and light tails. */
export const DESIGNS: Design[] = [
  single('1 server, light tail (8, 12 ms), 50%', 0.5, 1, 8, 12),
  single('1 server, heavy tail (5, 50 ms), 30%', 0.3, 1, 5, 50),
  single('1 server, heavy tail (5, 50 ms), 80%', 0.8, 1, 5, 50),
  single('1 server, (5, 20 ms), 95%', 0.95, 1, 5, 20),
  single('4 servers, (10, 40 ms), 70%', 0.7, 4, 10, 40),
  single('16 servers, (10, 30 ms), 90%', 0.9, 16, 10, 30),
  single('64 servers, (20, 80 ms), 50%', 0.5, 64, 20, 80),
  single('64 servers, (20, 80 ms), 95%', 0.95, 64, 20, 80),
  single('20 parallel copies into 40 servers, 70%', 0.7, 40, 5, 20, 20),
  single('20 parallel copies into 8 servers, 70%', 0.7, 8, 5, 20, 20),
  single('50 parallel copies into 64 servers, 50%', 0.5, 64, 2, 8, 50),
  single('3 copies in turn into 4 servers, 75%', 0.75, 4, 4, 16, 3, 'sequential'),
  single('2.5 parallel copies into 32 servers, 60%', 0.6, 32, 6, 24, 2.5),
  {
    name: '50 parallel copies into leaves without a queue',
    diagram: diagramOf([users(100), svc('api', 2, 8), svc('leaf', 5, 20)], [call('users', 'api'), call('api', 'leaf', { calls: 50 })]),
  },
  {
    name: 'two entries share a 4-server database, 2 parallel calls each, 80%',
    diagram: diagramOf(
      [users(qpsFor(0.8, 4, 4, 12, 4), 'web'), users(qpsFor(0.8, 4, 4, 12, 4), 'mobile'), pool('db', 4, 12, 4)],
      [call('web', 'db', { calls: 2 }), call('mobile', 'db', { calls: 2 })],
    ),
  },
  {
    name: 'two entries share an 8-server pool, one call each, 85%',
    diagram: diagramOf(
      [users(qpsFor(0.85, 8, 10, 40, 2), 'web'), users(qpsFor(0.85, 8, 10, 40, 2), 'mobile'), pool('api', 10, 40, 8)],
      [call('web', 'api'), call('mobile', 'api')],
    ),
  },
  chain('chain of 3 single servers, (5, 20 ms), 70%', 3, 0.7, 1, 5, 20),
  chain('chain of 10 single servers, (5, 20 ms), 70%', 10, 0.7, 1, 5, 20),
  chain('chain of 10 single servers, near-constant (10, 10.5 ms), 70%', 10, 0.7, 1, 10, 10.5),
  chain('chain of 5 pools of 4 servers, (8, 32 ms), 60%', 5, 0.6, 4, 8, 32),
  {
    name: 'cache (90% hits) before a 2-server database at 80%',
    diagram: diagramOf(
      [users(qpsFor(0.8, 2, 10, 50, 0.1)), svc('cache', 0.5, 2, { kind: 'cache', cache: { hitRate: 0.9 } }), pool('db', 10, 50, 2, { kind: 'database' })],
      [call('users', 'cache'), call('cache', 'db')],
    ),
  },
  {
    name: 'cache (50% hits), 8-server service at 60%, 5 calls in turn to a leaf',
    diagram: diagramOf(
      [users(qpsFor(0.6, 8, 8, 30, 0.5)), svc('cache', 0.5, 2, { kind: 'cache', cache: { hitRate: 0.5 } }), pool('api', 8, 30, 8), svc('leaf', 1, 4)],
      [call('users', 'cache'), call('cache', 'api'), call('api', 'leaf', { calls: 5, fanout: 'sequential' })],
    ),
  },
  {
    name: 'stages: two pools in parallel, then a third, 60%',
    diagram: diagramOf(
      [users(qpsFor(0.6, 8, 6, 24)), svc('api', 1, 3), pool('a', 6, 24, 8), pool('b', 4, 30, 6), pool('c', 10, 20, 16)],
      [call('users', 'api'), call('api', 'a', { stage: 0 }), call('api', 'b', { stage: 0 }), call('api', 'c', { stage: 1 })],
    ),
  },
  {
    name: 'async logging at 90% beside a 4-server database at 60%',
    diagram: diagramOf(
      [users(qpsFor(0.6, 4, 5, 20)), svc('api', 2, 6), pool('db', 5, 20, 4), pool('logger', 2.2, 2.6, 1)],
      [call('users', 'api'), call('api', 'db'), call('api', 'logger', { mode: 'async' })],
    ),
  },
  {
    name: 'serial chain without queues (1, 5), (2, 10), (5, 20 ms)',
    diagram: diagramOf([users(100), svc('a', 1, 5), svc('b', 2, 10), svc('c', 5, 20)], [call('users', 'a'), call('a', 'b'), call('b', 'c')]),
  },
  {
    name: 'retries (1% failing, 25 ms timeout, 2 retries) into 4 servers at 30%',
    diagram: diagramOf(
      [users(qpsFor(0.3, 4, 5, 20, 1.03)), svc('api', 1, 2), pool('pool', 5, 20, 4)],
      [call('users', 'api'), call('api', 'pool', { retry: { timeoutMs: 25, retries: 2, failureProbability: 0.01 } })],
    ),
  },
  {
    name: 'hedged after the p95 into 8 servers at 60%',
    diagram: diagramOf([users(qpsFor(0.6, 8, 8, 40, 1.05)), svc('api', 1, 2), pool('pool', 8, 40, 8)], [call('users', 'api'), call('api', 'pool', { hedge: {} })]),
  },
  {
    name: 'hedged after 30 ms into 16 servers at 60%',
    diagram: diagramOf([users(qpsFor(0.6, 16, 8, 40, 1.05)), svc('api', 1, 2), pool('pool', 8, 40, 16)], [call('users', 'api'), call('api', 'pool', { hedge: { afterMs: 30 } })]),
  },
  {
    name: 'batching model, batches closing on a 4 ms delay (6 ms + 1 ms an item), 4 executors at 55%',
    diagram: diagramOf([users(1_000), batcher(4, { maxBatchSize: 16, maxQueueDelayMs: 4, preferredBatchSizes: [8, 16], fixedMs: 6, perItemMs: 1 })], [call('users', 'model')]),
  },
  {
    name: 'batching model, batches of about 60 of at most 64 (3 ms delay, 8 ms + 0.1 ms an item), 8 executors at 58%',
    diagram: diagramOf([users(20_000), batcher(8, { maxBatchSize: 64, maxQueueDelayMs: 3, fixedMs: 8, perItemMs: 0.1 })], [call('users', 'model')]),
  },
];

/** A model node with a dynamic batcher on `executors` executors (replicas x concurrency 1). */
function batcher(executors: number, batching: DiagramNode['batching']): DiagramNode {
  return { id: 'model', kind: 'model', label: 'Model', capacity: { replicas: executors, concurrency: 1 }, batching };
}
