import { describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import type { Diagram } from '../../shared/model/schema';
import { addScenario, deltaText, diffDesigns, diffScenarios, diffSummary, scenarioDiagram, worstP99Ms } from '../../shared/scenarios';
import { diffLines } from '../../shared/scenarios/report';

/** Video recommendation, and a variant with a bigger feed cache, a faster ranker, a new node and a moved box. */
function variants(): Diagram {
  const d = addScenario(blueprint('video-recommendation')!, 'bigger cache');
  const nodes = d.nodes.map((n) => {
    if (n.kind === 'cache' && n.cache) return { ...n, cache: { hitRate: 0.6 }, position: { x: 1, y: 2 } };
    if (n.id === 'ranker') return { ...n, batching: { ...n.batching!, fixedMs: n.batching!.fixedMs! / 2, perItemMs: n.batching!.perItemMs! / 2 } };
    return n;
  });
  nodes.push({ id: 'extra', kind: 'service', label: 'Extra check', latency: { p50Ms: 1, p99Ms: 3 } });
  const api = d.edges.find((e) => e.target === 'ranker')!.source;
  return { ...d, nodes, edges: [...d.edges, { id: 'extraEdge', source: api, target: 'extra', stage: 99 }] };
}

describe('comparing scenarios', () => {
  it('every figure delta is the difference of the two estimates', () => {
    const d = variants();
    const diff = diffScenarios(d, 'baseline', 'bigger cache')!;
    const a = estimate(scenarioDiagram(d, 'baseline')!);
    const b = estimate(scenarioDiagram(d, 'bigger cache')!);
    const byFigure = Object.fromEntries(diff.figures.map((f) => [f.figure, f]));
    expect(byFigure.costUsdPerMonth!.delta).toBe(b.totals.costUsdPerMonth - a.totals.costUsdPerMonth);
    expect(byFigure.storageBytes!.delta).toBe(b.totals.storageBytes - a.totals.storageBytes);
    expect(byFigure.p99Ms!.delta).toBe(worstP99Ms(b)! - worstP99Ms(a)!);
    expect(byFigure.p99Ms!.delta).toBeLessThan(0);
    expect(byFigure.peakQps!.delta).toBe(0);
    for (const node of diff.nodeFigures) {
      const before = a.nodes.find((n) => n.id === node.id)!;
      const after = b.nodes.find((n) => n.id === node.id)!;
      const cost = node.deltas.find((x) => x.figure === 'costUsdPerMonth');
      if (cost) expect(cost.delta).toBe(after.costUsdPerMonth.total - before.costUsdPerMonth.total);
    }
    expect(diff.nodeFigures.find((n) => n.id === 'ranker')!.deltas.find((x) => x.figure === 'p99Ms')!.delta).toBeLessThan(0);
  });

  it('lists nodes added and changed field by field, but not a moved box', () => {
    const diff = diffScenarios(variants(), 'baseline', 'bigger cache')!;
    expect(diff.nodes.added).toEqual([{ id: 'extra', label: 'Extra check' }]);
    expect(diff.nodes.removed).toEqual([]);
    const cache = diff.nodes.changed.find((c) => c.changes.some((x) => x.path === 'cache.hitRate'))!;
    expect(cache.changes.map((c) => c.path)).toEqual(['cache.hitRate']);
    const ranker = diff.nodes.changed.find((c) => c.id === 'ranker')!;
    expect(ranker.changes.map((c) => c.path).sort()).toEqual(['batching.fixedMs', 'batching.perItemMs']);
    expect(diff.edges.added.map((e) => e.id)).toEqual(['extraEdge']);
    // The other way round, the same node is removed.
    expect(diffScenarios(variants(), 'bigger cache', 'baseline')!.nodes.removed).toEqual([{ id: 'extra', label: 'Extra check' }]);
  });

  it('an edge drawn again with a new id is the same edge', () => {
    const d = blueprint('news-feed')!;
    const redrawn = { ...d, edges: d.edges.map((e, i) => (i === 0 ? { ...e, id: 'again', calls: 2 } : e)) };
    const diff = diffDesigns({ name: 'a', diagram: d, estimate: estimate(d) }, { name: 'b', diagram: redrawn, estimate: estimate(redrawn) });
    expect(diff.edges.added).toEqual([]);
    expect(diff.edges.removed).toEqual([]);
    expect(diff.edges.changed[0]!.changes).toEqual([{ path: 'calls', before: undefined, after: 2 }]);
  });

  it('says the deltas as a reviewer writes them', () => {
    expect(deltaText({ figure: 'p99Ms', before: 52, after: 40, delta: -12 })).toBe('p99 -12 ms');
    expect(deltaText({ figure: 'costUsdPerMonth', before: 1000, after: 8300, delta: 7300 })).toBe('cost +$7.3k/mo');
    expect(deltaText({ figure: 'storageBytes', before: 0, after: 1.2e12, delta: 1.2e12 })).toBe('storage +1.2 TB');
    expect(deltaText({ figure: 'p99Ms', before: null, after: 45, delta: null })).toBe('p99 ∞ → 45 ms');
    expect(deltaText({ figure: 'peakQps', before: 5, after: 5, delta: 0 })).toBeUndefined();
    const d = blueprint('news-feed')!;
    const same = diffDesigns({ name: 'a', diagram: d, estimate: estimate(d) }, { name: 'b', diagram: d, estimate: estimate(d) });
    expect(diffSummary(same)).toBe('no change in p99, cost, storage or peak load');
    expect(diffLines(diffScenarios(variants(), 'baseline', 'bigger cache')!)[0]).toMatch(/^baseline → bigger cache: p99 -[\d.]+ ms, cost [+-]\$[\d.]+k?\/mo/);
  });
});
