import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { lint, LINT_RULES } from '../../shared/lint/rules';
import type { Diagram, DiagramEdge, DiagramNode } from '../../shared/model/schema';
import { diagramOf } from '../helpers';

const n = (id: string, kind: DiagramNode['kind'], extra: Partial<DiagramNode> = {}): DiagramNode => ({ id, kind, label: id.toUpperCase(), ...extra });
const users = n('users', 'traffic', { traffic: { qps: 100 } });
const e = (source: string, target: string, mode?: DiagramEdge['mode'], extra: Partial<DiagramEdge> = {}): Partial<DiagramEdge> => ({ source, target, ...(mode ? { mode } : {}), ...extra });
const codes = (d: Diagram) => lint(d, estimate(d)).map((x) => `${x.code}:${x.node ?? ''}`);

/** A small, complete ML system: serving, logging, monitoring, training through a registry. */
function complete(): { nodes: DiagramNode[]; edges: Partial<DiagramEdge>[] } {
  return {
    nodes: [
      users,
      n('api', 'service', { latency: { p50Ms: 2, p99Ms: 8 } }),
      n('features', 'featureStore', { latency: { p50Ms: 2, p99Ms: 8 } }),
      n('ranker', 'model', { latency: { p50Ms: 10, p99Ms: 30 } }),
      n('logs', 'queue'),
      n('lake', 'dataLake'),
      n('monitor', 'monitoring'),
      n('train', 'training'),
      n('registry', 'modelRegistry'),
      n('batch', 'batchJob'),
    ],
    edges: [
      e('users', 'api'), e('api', 'features'), e('api', 'ranker'),
      e('api', 'logs', 'async'), e('logs', 'lake', 'async'), e('ranker', 'monitor', 'async'),
      e('lake', 'train', 'offline'), e('monitor', 'train', 'offline'), e('train', 'registry', 'offline'), e('registry', 'ranker', 'offline'),
      e('lake', 'batch', 'offline'), e('batch', 'features', 'offline'),
    ],
  };
}

describe('the ML design linter', () => {
  it('has one definition per rule, each with a code, a severity, a message and a hint', () => {
    expect(LINT_RULES.map((r) => r.code)).toEqual([
      'model-unmonitored', 'feature-skew', 'no-feedback-loop', 'no-model-registry', 'index-not-refreshed', 'single-point-of-failure', 'chain-eats-budget', 'cache-without-backing', 'duplicate-edge',
    ]);
    for (const rule of LINT_RULES) expect(rule.hint.length).toBeGreaterThan(30);
  });

  it('duplicate-edge: the same pair connected twice the same way, located on the extra edge', () => {
    const { nodes, edges } = complete();
    const d = diagramOf(nodes, [...edges, e('api', 'ranker'), e('api', 'ranker', 'async')]);
    const found = lint(d, estimate(d)).filter((x) => x.code === 'duplicate-edge');
    expect(found).toHaveLength(1);
    expect(found[0]!.edge).toBe(d.edges.at(-2)!.id);
    expect(found[0]!.message).toMatch(/^The same connection is drawn twice: edge \S+ repeats edge \S+: "API" -> "RANKER" \(sync\)\. Fix: delete the extra edge/);
    // Two edges between the same pair in different modes are two different things.
    expect(codes(diagramOf(nodes, [...edges, e('api', 'ranker', 'async')]))).toEqual([]);
  });

  it('stays quiet on a complete design', () => {
    const { nodes, edges } = complete();
    expect(codes(diagramOf(nodes, edges))).toEqual([]);
  });

  it('model-unmonitored: a served model nothing watches', () => {
    const { nodes, edges } = complete();
    const d = diagramOf(nodes, edges.filter((x) => !(x.source === 'ranker' && x.target === 'monitor')));
    expect(codes(d)).toContain('model-unmonitored:ranker');
    const finding = lint(d, estimate(d)).find((x) => x.code === 'model-unmonitored')!;
    expect(finding.message).toMatch(/^A model on the request path has no monitoring: "RANKER" serves predictions but nothing watches them for drift\. Fix: log features and predictions/);
  });

  it('model-unmonitored: a model is watched when what calls it synchronously reaches a monitor', () => {
    const { nodes, edges } = complete();
    const unwatched = edges.filter((x) => !(x.source === 'ranker' && x.target === 'monitor'));
    // The API logs to the queue, and the queue feeds the monitor: the ranker's caller is watched.
    expect(codes(diagramOf(nodes, [...unwatched, e('logs', 'monitor', 'async')]))).not.toContain('model-unmonitored:ranker');
    // Only a sync caller counts: a job that writes to the ranker offline watches nothing for it.
    const offlineCaller = diagramOf([...nodes, n('nightly', 'batchJob')], [...unwatched, e('nightly', 'ranker', 'offline'), e('nightly', 'monitor', 'async')]);
    expect(codes(offlineCaller)).toContain('model-unmonitored:ranker');
  });

  it('model-unmonitored: only models on the request path, each judged on its own', () => {
    const { nodes, edges } = complete();
    // A second model only a nightly job calls is off the request path; a third one, behind a gateway that reaches no monitor, is not watched.
    const extra = [n('offline', 'model'), n('job', 'batchJob'), n('gw', 'gateway'), n('scorer', 'model')];
    const d = diagramOf([...nodes, ...extra], [...edges, e('job', 'offline'), e('users', 'gw'), e('gw', 'scorer')]);
    expect(codes(d).filter((c) => c.startsWith('model-unmonitored'))).toEqual(['model-unmonitored:scorer']);
  });

  it('feature-skew: an online feature store no training reads', () => {
    const { nodes, edges } = complete();
    expect(codes(diagramOf(nodes, edges))).not.toContain('feature-skew:features');
    const isolated = diagramOf(nodes, edges.filter((x) => x.source !== 'batch'));
    expect(codes(isolated)).toEqual(['feature-skew:features']);
  });

  it('no-feedback-loop: training that never sees what serving did', () => {
    const { nodes, edges } = complete();
    const d = diagramOf(nodes, edges.filter((x) => x.mode !== 'async').concat([e('ranker', 'monitor', 'offline')]));
    expect(codes(d)).toContain('no-feedback-loop:');
  });

  it('no-model-registry: training wired straight to serving, or nowhere', () => {
    const { nodes, edges } = complete();
    const direct = diagramOf(nodes, [...edges, e('train', 'ranker', 'offline')]);
    expect(codes(direct)).toContain('no-model-registry:train');
    const none = diagramOf(nodes.filter((x) => x.id !== 'registry'), edges.filter((x) => x.source !== 'registry' && x.target !== 'registry'));
    expect(codes(none)).toContain('no-model-registry:train');
  });

  it('index-not-refreshed: a vector index nothing writes to', () => {
    const { nodes, edges } = complete();
    const d = diagramOf([...nodes, n('ann', 'vectorIndex')], [...edges, e('api', 'ann')]);
    expect(codes(d)).toContain('index-not-refreshed:ann');
    expect(codes(diagramOf([...nodes, n('ann', 'vectorIndex')], [...edges, e('api', 'ann'), e('batch', 'ann', 'offline')]))).toEqual([]);
  });

  it('index-not-refreshed: a streaming job writing asynchronously refreshes the index', () => {
    const { nodes, edges } = complete();
    const withIndex = [...nodes, n('ann', 'vectorIndex'), n('embedder', 'streamProcessor')];
    const streamed = diagramOf(withIndex, [...edges, e('api', 'ann'), e('logs', 'embedder', 'async'), e('embedder', 'ann', 'async')]);
    expect(codes(streamed)).not.toContain('index-not-refreshed:ann');
    // A sync read of the index by the job does not write to it.
    const readOnly = diagramOf(withIndex, [...edges, e('api', 'ann'), e('logs', 'embedder', 'async'), e('embedder', 'ann')]);
    expect(codes(readOnly)).toContain('index-not-refreshed:ann');
  });

  it('single-point-of-failure: an uncached external API, or one replica, on the request path', () => {
    const { nodes, edges } = complete();
    const api = diagramOf([...nodes, n('maps', 'externalApi', { latency: { p50Ms: 30, p99Ms: 90 } })], [...edges, e('api', 'maps')]);
    expect(codes(api)).toContain('single-point-of-failure:maps');
    const cached = diagramOf([...nodes, n('maps', 'externalApi'), n('mapsCache', 'cache', { cache: { hitRate: 0.9 } })], [...edges, e('api', 'mapsCache'), e('mapsCache', 'maps')]);
    expect(codes(cached)).toEqual([]);
    // A call that does not wait (async) holds no request up, even into an API on the request path.
    const queued = diagramOf(
      [...nodes, n('maps', 'externalApi'), n('mapsCache', 'cache', { cache: { hitRate: 0.9 } })],
      [...edges, e('api', 'mapsCache'), e('mapsCache', 'maps'), e('api', 'maps', 'async')],
    );
    expect(codes(queued)).toEqual([]);
    const lonely = complete();
    lonely.nodes[1] = { ...lonely.nodes[1]!, capacity: { replicas: 1 } };
    expect(codes(diagramOf(lonely.nodes, lonely.edges))).toContain('single-point-of-failure:api');
  });

  it('chain-eats-budget: a long chain above 80% of the p99 budget', () => {
    const chain = [users, ...[1, 2, 3, 4, 5].map((i) => n(`s${i}`, 'service', { latency: { p50Ms: 10, p99Ms: 10 } }))];
    const edges = [e('users', 's1'), e('s1', 's2'), e('s2', 's3'), e('s3', 's4'), e('s4', 's5')];
    expect(codes(diagramOf(chain, edges, { budgets: { p99Ms: 55 } }))).toContain('chain-eats-budget:users');
    expect(codes(diagramOf(chain, edges, { budgets: { p99Ms: 200 } }))).not.toContain('chain-eats-budget:users');
    expect(codes(diagramOf(chain.slice(0, 3), edges.slice(0, 2), { budgets: { p99Ms: 22 } }))).not.toContain('chain-eats-budget:users');
  });

  it('chain-eats-budget: a chain already over budget is reported as over budget, not also as eating it', () => {
    const chain = [users, ...[1, 2, 3, 4, 5].map((i) => n(`s${i}`, 'service', { latency: { p50Ms: 10, p99Ms: 10 } }))];
    const edges = [e('users', 's1'), e('s1', 's2'), e('s2', 's3'), e('s3', 's4'), e('s4', 's5')];
    // Five constant 10 ms stages: p99 = 50 ms.
    const over = diagramOf(chain, edges, { budgets: { p99Ms: 45 } });
    const found = estimate(over).diagnostics.map((x) => `${x.code}:${x.node ?? ''}`);
    expect(found).toContain('p99-over-budget:users');
    expect(found).not.toContain('chain-eats-budget:users');
    // Exactly at the budget still counts as within it, and at 50 of 50 ms that is all of it.
    const full = lint(diagramOf(chain, edges, { budgets: { p99Ms: 50 } }), { entries: [{ node: 'users', qps: { peak: 100, avg: 100 }, latencyMs: { mean: 50, p50: 50, p90: 50, p99: 50, p999: 50 }, p99Breakdown: [] }] });
    expect(full.map((x) => x.code)).toContain('chain-eats-budget');
    expect(full.find((x) => x.code === 'chain-eats-budget')!.message).toContain('pass 5 calls in a row and use 100% of the p99 budget');
    // A chain of exactly four calls is long; three is not.
    const four = diagramOf(chain.slice(0, 5), edges.slice(0, 4), { budgets: { p99Ms: 45 } });
    expect(codes(four)).toContain('chain-eats-budget:users');
    const three = diagramOf(chain.slice(0, 4), edges.slice(0, 3), { budgets: { p99Ms: 33 } });
    expect(codes(three)).not.toContain('chain-eats-budget:users');
  });

  it('cache-without-backing: a cache with nothing behind it', () => {
    const { nodes, edges } = complete();
    const d = diagramOf([...nodes, n('cache', 'cache', { cache: { hitRate: 0.8 } })], [...edges, e('api', 'cache')]);
    expect(codes(d)).toEqual(['cache-without-backing:cache']);
  });

  it('reports through the estimator diagnostics, as warnings', () => {
    const { nodes, edges } = complete();
    const d = diagramOf([...nodes, n('cache', 'cache', { cache: { hitRate: 0.8 } })], [...edges, e('api', 'cache')]);
    expect(estimate(d).diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'cache-without-backing', node: 'cache' })]);
  });
});
