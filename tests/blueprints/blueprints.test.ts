import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import { trafficRate } from '../../shared/estimator/rates';
import { loadDiagram } from '../../shared/model/load';
import { STEP_KEYS, type Diagram } from '../../shared/model/schema';

const SLUGS = [
  'visual-search', 'street-view-blurring', 'video-search', 'harmful-content-detection', 'video-recommendation',
  'event-recommendation', 'ad-click-prediction', 'similar-listings', 'news-feed', 'people-you-may-know',
];

const node = (d: Diagram, id: string) => d.nodes.find((n) => n.id === id)!;
const entry = (d: Diagram) => d.nodes.find((n) => n.kind === 'traffic' && n.group === 'online')!;

/** The numbers each case gives, checked against its file. */
const GIVEN: Record<string, (d: Diagram) => void> = {
  'visual-search': (d) => {
    const index = d.nodes.find((n) => n.kind === 'vectorIndex')!;
    expect(index.params!.vectors).toBeGreaterThanOrEqual(100e9);
    expect(index.params!.vectors).toBeLessThanOrEqual(200e9);
  },
  'street-view-blurring': (d) => expect(d.nodes.find((n) => n.kind === 'labeling')!.storage!.items).toBe(1_000_000),
  'video-search': (d) => {
    expect(d.nodes.find((n) => n.kind === 'vectorIndex')!.params!.vectors).toBe(1e9);
    expect(d.nodes.find((n) => n.kind === 'labeling')!.storage!.items).toBe(10_000_000);
  },
  'harmful-content-detection': (d) => expect(trafficRate(entry(d)).avg * 86_400).toBeCloseTo(500e6, -3),
  'video-recommendation': (d) => {
    expect(d.nodes.find((n) => n.kind === 'vectorIndex')!.params!.vectors).toBe(10e9);
    expect(d.budgets!.p99Ms).toBeLessThanOrEqual(200);
  },
  'event-recommendation': (d) => {
    expect(entry(d).traffic!.dau).toBe(1e6);
    expect(node(d, 'events').storage!.items).toBe(12_000_000);
  },
  'ad-click-prediction': (d) => expect(d.nodes.some((n) => n.kind === 'training' && /continual/i.test(n.label))).toBe(true),
  'similar-listings': (d) => expect(d.nodes.find((n) => n.kind === 'vectorIndex')!.params!.vectors).toBe(5e6),
  'news-feed': (d) => {
    expect(entry(d).traffic).toMatchObject({ dau: 2e9, requestsPerUserPerDay: 2 });
    expect(d.budgets!.p99Ms).toBeLessThanOrEqual(200);
  },
  'people-you-may-know': (d) => {
    expect(entry(d).traffic!.dau).toBe(300e6);
    expect(node(d, 'graph').storage!.items).toBe(1e9 * 1_000);
  },
};

describe('the ten case-study blueprints', () => {
  it('are the ten slugs of docs/blueprints.md, each in blueprints/<slug>.mlsd.json', () => {
    expect(BLUEPRINT_SLUGS).toEqual(SLUGS);
  });

  describe.each(SLUGS)('%s', (slug) => {
    const text = readFileSync(new URL(`../../blueprints/${slug}.mlsd.json`, import.meta.url), 'utf8');
    const diagram = blueprint(slug)!;
    const figures = estimate(diagram);

    it('loads and validates from its file', () => {
      expect(loadDiagram(text).ok).toBe(true);
    });

    it('estimates with no error or warning, a finite p99 for every entry, within its budgets', () => {
      expect(figures.diagnostics).toEqual([]);
      for (const e of figures.entries) expect(Number.isFinite(e.latencyMs?.p99)).toBe(true);
      expect(figures.totals.costUsdPerMonth).toBeGreaterThan(0);
      expect(figures.totals.storageBytes).toBeGreaterThan(0);
      expect(diagram.budgets?.p99Ms).toBeGreaterThanOrEqual(100);
      expect(figures.budgets.p99Ms?.ok).toBe(true);
      expect(figures.budgets.monthlyCostUsd?.ok).toBe(true);
    });

    it('carries the numbers the case gives', () => GIVEN[slug]!(diagram));

    it('shows the estimator at work: a cache cutting a rate, a fan-out, an auto-sized GPU stage, storage from counts', () => {
      const rate = new Map(figures.nodes.map((n) => [n.id, n.qps.peak]));
      const cached = diagram.nodes.filter((n) => n.cache && n.cache.hitRate > 0);
      const cutsRate = cached.some((c) => diagram.edges.some((e) => e.source === c.id && (e.mode ?? 'sync') === 'sync' && rate.get(e.target)! < rate.get(c.id)! * (e.calls ?? 1)));
      expect(cutsRate).toBe(true);
      expect(diagram.edges.some((e) => (e.calls ?? 1) > 1)).toBe(true);
      const gpu = diagram.nodes.filter((n) => /^(g\d|p\d)/.test(n.cost?.instance ?? '') && n.capacity?.replicas === 'auto');
      expect(gpu.length).toBeGreaterThan(0);
      const derived = diagram.nodes.filter((n) => !n.storage && n.params);
      expect(derived.some((n) => figures.nodes.find((f) => f.id === n.id)!.storageBytes > 0)).toBe(true);
    });

    it('models both paths and a monitoring loop that triggers retraining', () => {
      expect(diagram.groups?.map((g) => g.id)).toEqual(['online', 'offline']);
      expect(diagram.nodes.every((n) => n.group === 'online' || n.group === 'offline')).toBe(true);
      expect(diagram.edges.some((e) => e.mode === 'offline')).toBe(true);
      const monitor = diagram.nodes.find((n) => n.kind === 'monitoring')!;
      expect(monitor.label).toMatch(/PSI|KL/);
      expect(diagram.edges.some((e) => e.target === monitor.id && e.mode === 'async')).toBe(true);
      const retrain = diagram.edges.find((e) => e.source === monitor.id && e.mode === 'offline')!;
      expect(node(diagram, retrain.target).kind).toBe('training');
    });

    it('has a brief: the question, the seven steps and its assumptions', () => {
      expect(diagram.brief?.prompt?.length).toBeGreaterThan(80);
      for (const step of STEP_KEYS) expect(diagram.brief?.steps?.[step]?.length, step).toBeGreaterThan(80);
      expect(diagram.brief?.assumptions).toMatch(/assumed/);
    });
  });
});
