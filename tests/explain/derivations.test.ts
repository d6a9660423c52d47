import { describe, expect, it } from 'vitest';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import { evaluate, explainAll, explainContext, explainFigure, stepText, type Derivation, type Step } from '../../shared/explain';
import { parseWorksheet } from '../../shared/explain/parse';
import { diagramOf } from '../helpers';

/** Splits "Name: RESULT = ARITHMETIC" and reads both sides back from the text alone. */
function readBack(step: Step): { result: number; recomputed: number } {
  const text = stepText(step);
  const body = text.slice(text.indexOf(': ') + 2);
  const equals = body.indexOf(' = ');
  const result = parseWorksheet(body.slice(0, equals));
  const recomputed = parseWorksheet(body.slice(equals + 3));
  if (!result.ok || !recomputed.ok) throw new Error(`cannot read back "${text}": ${result.ok ? '' : result.message} ${recomputed.ok ? '' : recomputed.message}`);
  return { result: result.value, recomputed: recomputed.value };
}

/** Three significant digits per number: a product of five is within 2.5%, a ceiling within one. */
function closeEnough(recomputed: number, expected: number, step: Step): boolean {
  const relative = Math.abs(recomputed - expected) <= 0.03 * Math.abs(expected) + 1e-12;
  const rounding = step.expr?.kind === 'fn' && Math.abs(recomputed - expected) <= 1;
  return relative || rounding;
}

function checkArithmetic(d: Derivation): void {
  for (const step of d.steps) {
    expect(step.expr, `${d.title}: ${step.name}`).toBeDefined();
    expect(evaluate(step.expr!)).toBeCloseTo(step.result.value, 6 - Math.ceil(Math.log10(Math.abs(step.result.value) + 1)));
    const back = readBack(step);
    expect(closeEnough(back.recomputed, back.result, step), `${stepText(step)}: text gives ${back.recomputed}, not ${back.result}`).toBe(true);
  }
  expect(d.steps.at(-1)!.result.value).toBe(d.value);
}

describe('every number explained, over the ten blueprints', () => {
  for (const slug of BLUEPRINT_SLUGS) {
    it(`${slug}: each arithmetic derivation recomputes its figure, exactly and from its text`, () => {
      const diagram = blueprint(slug)!;
      const result = estimate(diagram);
      const all = explainAll(diagram, result);
      const derivations = [...all.headline, ...all.nodes.flatMap((n) => n.derivations)];
      const byStatus = { arithmetic: 0, composed: 0, none: 0 };
      for (const d of derivations) {
        byStatus[d.status]++;
        if (d.status === 'arithmetic') checkArithmetic(d);
        if (d.status === 'composed') {
          // The callee p99s named as parts are the callees' own figures.
          for (const part of d.steps.flatMap((s) => s.parts ?? [])) {
            if (part.figure && 'node' in part.figure && part.figure.figure === 'p99') {
              expect(part.value).toBe(result.nodes.find((n) => n.id === (part.figure as { node: string }).node)!.latencyMs!.p99);
            }
          }
          expect(d.steps.at(-1)!.result.value).toBe(d.value);
        }
        if (d.status === 'none') expect(d.note).toBeTruthy();
      }
      // Rates, replicas, storage and cost are all arithmetic; none falls back to "not explained", except the two
      // serving parts not yet written out as worksheet lines, which say which part and where its figures are:
      // a GPU pool's batching (its replicas and utilization) and the extra copies of retried or hedged calls.
      const unexplained = derivations.filter((d) => d.status === 'none' && d.value !== null && d.value !== 0);
      const batching = new Set(diagram.nodes.filter((n) => n.batching).map((n) => n.id));
      const policed = new Set(diagram.edges.filter((e) => e.retry || e.hedge).map((e) => e.target));
      const known = (d: Derivation) =>
        'node' in d.figure &&
        ((batching.has(d.figure.node) && ['replicas', 'utilization'].includes(d.figure.figure) && /dynamic batching/.test(d.note ?? '')) ||
          (policed.has(d.figure.node) && ['peakQps', 'avgQps'].includes(d.figure.figure) && /retries or hedged copies/.test(d.note ?? '')));
      expect(unexplained.filter((d) => !known(d)).map((d) => `${d.title}: ${d.note}`)).toEqual([]);
      expect(byStatus.arithmetic).toBeGreaterThan(diagram.nodes.length);
    });
  }
});

const users = (traffic: object) => ({ id: 'users', kind: 'traffic' as const, label: 'Users', traffic });

describe('worked derivations', () => {
  it('peak QPS from daily users: 100M DAU x 5 req/day / 86,400 s x 2 peak = 11.6k QPS', () => {
    const d = diagramOf([users({ dau: 100e6, requestsPerUserPerDay: 5, peakToAverage: 2 })]);
    const out = explainFigure(explainContext(d, estimate(d)), { node: 'users', figure: 'peakQps' });
    expect(stepText(out.steps[0]!)).toBe('Peak rate: 11.6k QPS = 100M DAU x 5 req/user/day / 86,400 s/day x 2 peak:avg');
    expect(out.value).toBeCloseTo(11_574.07, 2);
  });

  it('the what-if multiplier appears in the entry load it scales', () => {
    const d = diagramOf([users({ dau: 100e6, requestsPerUserPerDay: 5, peakToAverage: 2 })]);
    const out = explainFigure(explainContext(d, estimate(d, { trafficMultiplier: 3 }), { trafficMultiplier: 3 }), { node: 'users', figure: 'peakQps' });
    expect(stepText(out.steps[0]!)).toBe('Peak rate: 34.7k QPS = 100M DAU x 3 what-if x 5 req/user/day / 86,400 s/day x 2 peak:avg');
    expect(out.status).toBe('arithmetic');
  });

  it('storage from items, bytes, replication and compression', () => {
    const d = diagramOf([
      users({ qps: 10 }),
      { id: 'db', kind: 'database', label: 'Store', storage: { items: 45e9, bytesPerItem: 30, replication: 3, compression: 4.5 } } as never,
    ], [{ source: 'users', target: 'db' }]);
    const out = explainFigure(explainContext(d, estimate(d)), { node: 'db', figure: 'storage' });
    expect(stepText(out.steps[0]!)).toBe('Data held: 900 GB = 3 replication x 30 B per item x 45B items / 4.5 compression');
    expect(out.value).toBe(900e9);
  });

  it('auto replicas: ceil of busy servers over concurrency x target, at least the minimum', () => {
    const d = diagramOf([
      users({ qps: 11_600 }),
      { id: 'rank', kind: 'service', label: 'Ranker', latency: { p50Ms: 15, p99Ms: 15 }, capacity: { replicas: 'auto', concurrency: 4, targetUtilization: 0.6, minReplicas: 2 } } as never,
    ], [{ source: 'users', target: 'rank' }]);
    const out = explainFigure(explainContext(d, estimate(d)), { node: 'rank', figure: 'replicas' });
    // 11,600 QPS x 15 ms = 174 busy servers; / (4 x 0.6) = 72.5 -> 73.
    expect(out.value).toBe(73);
    expect(stepText(out.steps.at(-1)!)).toBe('Replicas: 73 replicas = max(2 min, ceil(174 busy servers / (4 concurrency x 60% target)))');
  });

  it('a figure the formula does not reproduce says so instead of showing a wrong sum', () => {
    const d = diagramOf([
      users({ qps: 1000 }),
      { id: 'rank', kind: 'service', label: 'Ranker', latency: { p50Ms: 10, p99Ms: 20 }, capacity: { replicas: 'auto' } } as never,
    ], [{ source: 'users', target: 'rank' }]);
    const e = estimate(d);
    const changed = { ...e, nodes: e.nodes.map((n) => (n.id === 'rank' ? { ...n, replicas: n.replicas! + 5 } : n)) };
    const out = explainFigure(explainContext(d, changed), { node: 'rank', figure: 'replicas' });
    expect(out.status).toBe('none');
    expect(out.note).toMatch(/does not reproduce/);
    expect(out.steps).toEqual([]);
  });

  it('an unbounded p99 names the saturated server', () => {
    const d = diagramOf([
      users({ qps: 1000 }),
      { id: 'rank', kind: 'service', label: 'Ranker', latency: { p50Ms: 10, p99Ms: 20 }, capacity: { replicas: 1 } } as never,
    ], [{ source: 'users', target: 'rank' }]);
    const out = explainFigure(explainContext(d, estimate(d)), { node: 'users', figure: 'p99' });
    expect(out.value).toBeNull();
    expect(out.note).toMatch(/“Ranker” cannot keep up/);
  });

  it('the p99 of a call chain is composed, and shows how far adding p99s would be off', () => {
    const d = diagramOf([
      users({ qps: 100 }),
      { id: 'api', kind: 'service', label: 'API', latency: { p50Ms: 5, p99Ms: 20 } } as never,
      { id: 'rank', kind: 'service', label: 'Ranker', latency: { p50Ms: 10, p99Ms: 40 } } as never,
    ], [{ source: 'users', target: 'api' }, { source: 'api', target: 'rank' }]);
    const out = explainFigure(explainContext(d, estimate(d)), { node: 'api', figure: 'p99' });
    expect(out.status).toBe('composed');
    const last = stepText(out.steps.at(-1)!);
    expect(last).toMatch(/adding the p99s above instead would give 60 ms/);
    expect(out.value!).toBeLessThan(60);
    expect(out.value!).toBeGreaterThan(40);
  });
});

describe('reading worksheet arithmetic', () => {
  it.each([
    ['100M DAU x 5 req/day / 86,400 s/day x 2 peak', 11_574.074],
    ['1.2 s + 30 ms', 1230],
    ['ceil(11.6k QPS x 15 ms / 1,000 ms/s / (4 x 0.6))', 73],
    ['3 x 30 B x 45B items / 4.5', 900e9],
    ['1.2 TB / 1e9 B/GB x $0.1 per GB-month', 120],
    ['46.3k QPS from “A x B / C” x (1 - 30% hit rate)', 32_410],
    ['max(2 min, 1.5 s)', 1500],
  ])('%s', (text, value) => {
    const out = parseWorksheet(text);
    expect(out.ok && out.value).toBeCloseTo(value, 3);
  });

  it('says where it cannot read', () => {
    expect(parseWorksheet('12 x ? 3')).toEqual({ ok: false, message: expect.stringMatching(/cannot read "\? 3"/) });
    expect(parseWorksheet('ceil(3')).toEqual({ ok: false, message: expect.stringMatching(/not closed/) });
  });
});
