import { describe, expect, it } from 'vitest';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { compareDesigns } from '../../shared/practice/compare';
import type { Diagram } from '../../shared/model/schema';

/** The news feed with the whole ML lifecycle left out: serving only. */
function servingOnly(): Diagram {
  const d = blueprint('news-feed')!;
  const drop = new Set(d.nodes.filter((n) => n.group === 'offline' || n.kind === 'featureStore').map((n) => n.id));
  return { ...d, nodes: d.nodes.filter((n) => !drop.has(n.id)), edges: d.edges.filter((e) => !drop.has(e.source) && !drop.has(e.target)) };
}

describe('comparing a practice design with the reference', () => {
  it.each(BLUEPRINT_SLUGS)('%s scores 100 against itself', (slug) => {
    const d = blueprint(slug)!;
    const c = compareDesigns(d, d);
    expect(c.score).toEqual({ total: 100, kinds: 40, paths: 30, lint: 20, budget: 10 });
    expect(c.missingKinds).toEqual([]);
  });

  it('names what an incomplete design lacks and scores it lower', () => {
    const c = compareDesigns(servingOnly(), blueprint('news-feed')!);
    expect(c.missingKinds.map((k) => k.kind)).toEqual(['batchJob', 'dataLake', 'featureStore', 'modelRegistry', 'monitoring', 'queue', 'streamProcessor', 'training']);
    expect(c.missingKinds[2]!.label).toBe('Feature store');
    const held = Object.fromEntries(c.paths.map((p) => [p.id, p.user]));
    expect(held).toMatchObject({ 'online-model': true, cache: true, 'feedback-loop': false, monitoring: false, registry: false, 'feature-store': false });
    expect(c.score.total).toBeLessThan(60);
    expect(c.score.budget).toBe(10);
    expect(c.figures[0]).toMatchObject({ label: 'Peak requests a second', user: c.figures[0]!.reference });
  });

  it('counts the cost budget and the p99 budget, each met at its limit and missed just above it', () => {
    const design = blueprint('news-feed')!;
    const [, p99Row, , costRow] = compareDesigns(design, design).figures;
    const cost = costRow!.user!;
    const p99 = p99Row!.user!;
    const against = (p99Ms: number, monthlyCostUsd: number) => compareDesigns(design, { ...design, budgets: { p99Ms, monthlyCostUsd } });
    expect(against(p99, cost).score.budget).toBe(10);
    expect(against(p99, cost).overBudget).toEqual([]);
    const overCost = against(p99, cost * (1 - 1e-9));
    expect(overCost.score.budget).toBe(5);
    expect(overCost.overBudget).toEqual([expect.stringMatching(/^cost \$[\d.]+k\/mo against a \$[\d.]+k\/mo budget$/)]);
    expect(against(p99 * (1 - 1e-9), cost).score.budget).toBe(5);
    expect(against(p99 * (1 - 1e-9), cost).overBudget).toEqual([expect.stringMatching(/^p99 [\d.]+ ms against a [\d.]+ ms budget$/)]);
    // A design at several times a small budget earns no cost points.
    expect(against(p99, cost / 5).score).toMatchObject({ budget: 5, total: 95 });
    expect(against(p99 / 2, cost / 5).score.budget).toBe(0);
  });

  it('gives nothing for an empty canvas', () => {
    const empty = { ...blueprint('news-feed')!, nodes: [], edges: [] };
    const c = compareDesigns(empty, blueprint('news-feed')!);
    expect(c.score.kinds).toBe(0);
    expect(c.score.paths).toBe(0);
    expect(c.score.budget).toBe(0);
  });
});
