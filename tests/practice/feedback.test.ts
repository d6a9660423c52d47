import { describe, expect, it } from 'vitest';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import type { Diagram } from '../../shared/model/schema';
import { reviewSteps } from '../../shared/practice/feedback';

function review(slug: string, diagram: Diagram) {
  return reviewSteps({ slug, diagram, estimate: estimate(diagram), reference: blueprint(slug)! })!;
}

describe('feedback per step', () => {
  it.each(BLUEPRINT_SLUGS)('%s: the reference, with its own write-up as notes, passes every check', (slug) => {
    const failed = review(slug, blueprint(slug)!).flatMap((s) => s.checks.filter((c) => !c.passed).map((c) => `${s.step}: ${c.label}`));
    expect(failed).toEqual([]);
  });

  it.each(BLUEPRINT_SLUGS)('%s: the rubric asks for the metric, objective, labels, loss and both metrics its write-up names', (slug) => {
    const asked = review(slug, blueprint(slug)!).flatMap((s) => s.checks.map((c) => c.id)).filter((id) => id.startsWith('notes:'));
    const all = ['notes:business', 'notes:objective', 'notes:labels', 'notes:loss', 'notes:offline', 'notes:online', 'notes:stages', 'notes:drift'];
    // Only a loss the reference write-up leaves unnamed may go unasked.
    expect(all.filter((id) => !asked.includes(id)).filter((id) => id !== 'notes:loss')).toEqual([]);
  });

  it('finds what a deliberately incomplete design lacks, step by step', () => {
    const feed = blueprint('news-feed')!;
    // Serving only, no cache, thin notes: the ML lifecycle and most of the write-up are missing.
    const keep = new Set(['users', 'gateway', 'feed', 'retrieval', 'graph', 'postIndex', 'ranker', 'rerank']);
    const calls = [['users', 'gateway'], ['gateway', 'feed'], ['feed', 'retrieval'], ['retrieval', 'graph'], ['retrieval', 'postIndex'], ['feed', 'ranker'], ['feed', 'rerank']];
    const design: Diagram = {
      ...feed,
      nodes: feed.nodes.filter((n) => keep.has(n.id)),
      edges: calls.map(([source, target], i) => ({ id: `e${i}`, source: source!, target: target! })),
      brief: { steps: { requirements: 'Rank posts for 2B DAU by engagement', framing: 'A classifier', evaluation: 'AUC offline', serving: 'Retrieve then rank' } },
    };
    const steps = Object.fromEntries(review('news-feed', design).map((s) => [s.step, s]));
    const failing = (step: string) => steps[step]!.checks.filter((c) => !c.passed).map((c) => c.id);
    expect(failing('requirements')).toEqual([]);
    expect(failing('framing')).toEqual(['notes:objective']);
    expect(failing('data')).toEqual(['notes:labels', 'kind:featureStore', 'kind:dataLake', 'path:feature-store']);
    expect(failing('model')).toEqual(['notes:loss', 'kind:training']);
    expect(failing('evaluation')).toEqual(['notes:online']);
    expect(failing('serving')).toEqual(['path:cache']);
    expect(failing('monitoring')).toEqual(['notes:drift', 'kind:monitoring', 'path:feedback-loop', 'path:monitoring', 'path:registry']);
    expect(steps.requirements!.score).toBe(100);
    expect(steps.evaluation!.score).toBe(50);
    expect(steps.monitoring!.score).toBe(0);
    expect(steps.serving!.checks.map((c) => c.id)).toContain('budget:cost');
    expect(steps.framing!.selfCheck[0]).toBe('Probabilities of each engagement type combined with value weights');
  });

  it('counts both budgets in the serving step', () => {
    const feed = blueprint('news-feed')!;
    // A slow re-ranker with no capacity block: latency without queueing, so only the p99 budget is missed.
    const over = review('news-feed', { ...feed, nodes: feed.nodes.map((n) => (n.id === 'rerank' ? { ...n, latency: { p50Ms: 400, p99Ms: 900 }, capacity: undefined } : n)) });
    const serving = over.find((s) => s.step === 'serving')!;
    expect(serving.checks.find((c) => c.id === 'budget:p99')).toMatchObject({ passed: false });
    expect(serving.checks.find((c) => c.id === 'budget:p99')!.label).toMatch(/^p99 within the 200 ms budget \(yours: /);
    expect(serving.checks.find((c) => c.id === 'budget:cost')).toMatchObject({ passed: true });
  });

  it('has no rubric for an unknown case', () => {
    const feed = blueprint('news-feed')!;
    expect(reviewSteps({ slug: 'nope', diagram: feed, estimate: estimate(feed), reference: feed })).toBeNull();
  });
});
