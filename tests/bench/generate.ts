import type { Diagram, DiagramEdge, DiagramNode } from '../../shared/model/schema';
import { Random } from '../random';

/**
 * A generated diagram of about `nodeCount` nodes for benchmarks: modules of 30
 * nodes shaped like a recommendation system (entry, gateway, orchestrator, a
 * stage of concurrent candidate sources with a sharded index, a cached
 * database, feature store, GPU ranker, re-ranker, logging and an offline
 * training loop), with randomised latencies, loads and fan-outs. Neighbouring
 * modules call each other on a share of requests, so the graph is one piece.
 */
export function generateDiagram(nodeCount: number, seed = 1): Diagram {
  const random = new Random(seed);
  const between = (low: number, high: number) => low + (high - low) * random.next();
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const modules = Math.max(1, Math.round(nodeCount / 30));
  const edge = (source: string, target: string, extra: Partial<DiagramEdge> = {}) =>
    edges.push({ id: `e${edges.length}`, source, target, ...extra });

  for (let m = 0; m < modules; m++) {
    const id = (name: string) => `m${m}_${name}`;
    const server = (name: string, kind: DiagramNode['kind'], p50: number, spread: number, extra: Partial<DiagramNode> = {}) =>
      nodes.push({
        id: id(name), kind, label: `${name} ${m}`,
        latency: { p50Ms: p50 * between(0.7, 1.3), p99Ms: p50 * spread * between(0.9, 1.4) },
        capacity: { replicas: 'auto', concurrency: 8 },
        cost: { instance: 'm7i.2xlarge' },
        ...extra,
      });
    nodes.push({ id: id('users'), kind: 'traffic', label: `Users ${m}`, traffic: { dau: between(1e5, 5e6), requestsPerUserPerDay: between(2, 20), peakToAverage: 2 } });
    server('gateway', 'gateway', 0.5, 4, { capacity: { replicas: 'auto', concurrency: 64 } });
    server('api', 'service', 3, 4);
    server('cache', 'cache', 0.5, 4, { cache: { hitRate: between(0.5, 0.95) } });
    server('db', 'database', 4, 5);
    server('features', 'featureStore', 2, 4);
    server('ann', 'vectorIndex', 2, 5, { params: { vectors: 1e7, dimensions: 128, bytesPerDimension: 1, indexOverhead: 1.3 } });
    server('trending', 'service', 2, 3);
    server('popular', 'cache', 0.5, 4, { cache: { hitRate: 0.99 } });
    server('ranker', 'model', 12, 3, { capacity: { replicas: 'auto', concurrency: 4 }, cost: { instance: 'g6.xlarge' } });
    server('rerank', 'service', 2, 4);
    server('experiments', 'experimentation', 0.5, 3);
    server('auth', 'service', 1, 4);
    server('profile', 'database', 2, 5);
    server('search', 'searchIndex', 5, 5);
    server('fallback', 'externalApi', 40, 5, { capacity: undefined, cost: undefined });
    for (const name of ['logs', 'stream', 'monitor']) {
      nodes.push({ id: id(name), kind: name === 'logs' ? 'queue' : name === 'stream' ? 'streamProcessor' : 'monitoring', label: `${name} ${m}` });
    }
    for (const name of ['lake', 'features_batch', 'train', 'registry', 'labels', 'index_job', 'eval', 'embeddings', 'snapshots', 'reports', 'notebooks']) {
      nodes.push({ id: id(name), kind: name === 'train' ? 'training' : name === 'registry' ? 'modelRegistry' : 'batchJob', label: `${name} ${m}`, ...(name === 'registry' ? { params: { versionsKept: 20, modelBytes: 1e9 } } : {}) });
    }

    edge(id('users'), id('gateway'));
    edge(id('gateway'), id('auth'), { stage: 0 });
    edge(id('gateway'), id('api'), { stage: 1 });
    edge(id('api'), id('experiments'), { stage: 0 });
    edge(id('api'), id('profile'), { stage: 0 });
    edge(id('api'), id('ann'), { stage: 1, calls: Math.round(between(4, 16)), fanout: 'parallel' });
    edge(id('api'), id('trending'), { stage: 1 });
    edge(id('api'), id('popular'), { stage: 1 });
    edge(id('api'), id('search'), { stage: 1, calls: 0.3 });
    edge(id('popular'), id('db'));
    edge(id('api'), id('cache'), { stage: 2 });
    edge(id('cache'), id('db'));
    edge(id('api'), id('features'), { stage: 2 });
    edge(id('api'), id('ranker'), { stage: 3 });
    edge(id('api'), id('rerank'), { stage: 4 });
    edge(id('rerank'), id('fallback'), { calls: 0.01 });
    edge(id('api'), id('logs'), { mode: 'async' });
    edge(id('logs'), id('stream'), { mode: 'async' });
    edge(id('stream'), id('monitor'), { mode: 'async' });
    edge(id('stream'), id('lake'), { mode: 'async' });
    for (const [a, b] of [['lake', 'features_batch'], ['features_batch', 'features'], ['lake', 'train'], ['labels', 'train'], ['train', 'eval'], ['eval', 'registry'], ['registry', 'ranker'], ['train', 'embeddings'], ['embeddings', 'index_job'], ['index_job', 'ann'], ['lake', 'snapshots'], ['snapshots', 'reports'], ['reports', 'notebooks'], ['monitor', 'train'], ['monitor', 'labels']]) {
      edge(id(a!), id(b!), { mode: 'offline' });
    }
    if (m > 0) edge(`m${m - 1}_api`, id('features'), { stage: 2, calls: 0.1 });
  }
  return { format: 'mlsd-studio/diagram', version: 1, title: `Generated (${nodes.length} nodes)`, nodes, edges };
}
