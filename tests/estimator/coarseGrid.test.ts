import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLUEPRINT_SLUGS, blueprint } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import { Dist } from '../../shared/estimator/grid';
import { at, GRID_STEP, withGridStep } from '../../shared/estimator/gridPoints';
import type { Estimate } from '../../shared/estimator/output';
import { COARSE_FROM_NODES, COARSE_STEP, COARSE_TOLERANCE, gridStepFor, precisionDiagnostics, SPREAD } from '../../shared/estimator/precision';
import { clearMemos } from '../../shared/memo';
import type { Diagram } from '../../shared/model/schema';
import { generateDiagram } from '../bench/generate';
import { call, diagramOf, svc, users } from './build';

const FIGURES = ['mean', 'p50', 'p90', 'p99', 'p999'] as const;
type Figures = Partial<Record<(typeof FIGURES)[number], number>>;

/** Every latency an estimate gives (each entry's and each node's), by where it is. */
function latencies(e: Estimate): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const entry of e.entries) if (entry.latencyMs) out.set(`entry ${entry.node}`, entry.latencyMs);
  for (const node of e.nodes) if (node.latencyMs) out.set(`node ${node.id}`, node.latencyMs);
  return out;
}

/** Where the coarse grid's figures fall further from the fine grid's than the stated precision. */
function beyondTolerance(name: string, diagram: Diagram): string[] {
  const fine = latencies(estimate(diagram, { gridStep: 1 }));
  const coarse = latencies(estimate(diagram, { gridStep: COARSE_STEP }));
  const misses: string[] = [];
  for (const [where, f] of fine) {
    const c = coarse.get(where)!;
    const spread = f.p50! > 0 && f.p99! >= SPREAD * f.p50!;
    for (const figure of FIGURES) {
      const exact = f[figure];
      if (exact === undefined || exact <= 0) continue;
      const limit = figure === 'mean' ? COARSE_TOLERANCE.mean : spread ? COARSE_TOLERANCE.spread : COARSE_TOLERANCE.narrow;
      const error = Math.abs(c[figure]! / exact - 1);
      if (error > limit) misses.push(`${name} ${where} ${figure}: ${c[figure]} vs ${exact} (${(error * 100).toFixed(2)}% > ${limit * 100}%)`);
    }
  }
  return misses;
}

const fixtures = resolve(import.meta.dirname, '../fixtures');

describe('the coarse latency grid of very large designs', () => {
  it('is chosen from COARSE_FROM_NODES nodes', () => {
    const nodes = (n: number) => ({ nodes: Array.from({ length: n }) as Diagram['nodes'] });
    expect(gridStepFor(nodes(30))).toBe(1);
    expect(gridStepFor(nodes(COARSE_FROM_NODES - 1))).toBe(1);
    expect(gridStepFor(nodes(COARSE_FROM_NODES))).toBe(COARSE_STEP);
  });

  it('keeps its stated precision against the fine grid on the blueprints, the test designs and generated designs', () => {
    const misses: string[] = [];
    for (const slug of BLUEPRINT_SLUGS) misses.push(...beyondTolerance(slug, blueprint(slug)!));
    for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.mlsd.json'))) {
      const diagram = JSON.parse(readFileSync(resolve(fixtures, file), 'utf8')) as Diagram;
      if (Array.isArray(diagram.nodes) && Array.isArray(diagram.edges)) misses.push(...beyondTolerance(file, diagram));
    }
    misses.push(...beyondTolerance('generated 600', generateDiagram(600, 1)), ...beyondTolerance('generated 300', generateDiagram(300, 2)));
    expect(misses).toEqual([]);
  });

  it('moves figures: a narrow latency reads differently on the two grids, and the fine grid is the default', () => {
    const d = diagramOf([users(100), svc('api', 10, 12)], [call('users', 'api')]);
    const fine = estimate(d).nodes[1]!.latencyMs!;
    const coarse = estimate(d, { gridStep: COARSE_STEP }).nodes[1]!.latencyMs!;
    expect(estimate(d, { gridStep: 1 }).nodes[1]!.latencyMs).toEqual(fine);
    expect(coarse.p99).not.toBe(fine.p99);
    expect(Math.abs(coarse.mean / fine.mean - 1)).toBeLessThan(COARSE_TOLERANCE.mean);
  });

  it('says so on the design, with the step and the precision', () => {
    expect(precisionDiagnostics({ nodes: [] }, 1)).toEqual([]);
    const [note] = precisionDiagnostics({ nodes: Array.from({ length: 12_345 }) as Diagram['nodes'] }, COARSE_STEP);
    expect(note).toEqual({ severity: 'info', code: 'coarse-latency-grid', message: expect.any(String) });
    expect(note!.message).toContain('12,345 nodes');
    expect(note!.message).toContain('(8.2% steps instead of 4%)');
    expect(note!.message).toContain('means within 0.5%; p50 to p999 within 2% where p99 is at least 2x p50, within 10% where the latency is narrower');
    const d = diagramOf([users(100), svc('api', 10, 40)], [call('users', 'api')]);
    expect(estimate(d, { gridStep: COARSE_STEP }).diagnostics.filter((x) => x.code === 'coarse-latency-grid')).toHaveLength(1);
    expect(estimate(d).diagnostics.filter((x) => x.code === 'coarse-latency-grid')).toEqual([]);
  });

  it('is used by a large design on its own, and the fine grid is back after it', () => {
    const large = generateDiagram(COARSE_FROM_NODES, 5);
    expect(large.nodes.length).toBeGreaterThanOrEqual(COARSE_FROM_NODES);
    const chosen = estimate(large);
    expect(chosen.diagnostics.filter((x) => x.code === 'coarse-latency-grid')).toHaveLength(1);
    expect(latencies(chosen)).toEqual(latencies(estimate(large, { gridStep: COARSE_STEP })));
    expect(GRID_STEP).toBe(1);
    expect(at(1)).toBe(1.04);
  });

  it('puts the fine grid back when the work inside fails', () => {
    expect(() => withGridStep(COARSE_STEP, () => {
      expect(GRID_STEP).toBe(COARSE_STEP);
      expect(at(1)).toBeCloseTo(1.0816, 12);
      throw new Error('failed inside');
    })).toThrow('failed inside');
    expect(GRID_STEP).toBe(1);
    expect(Dist.logNormal(10, 0.5).quantile(0.5)).toBeCloseTo(10, 1);
  });

  it('never answers from results kept on the other grid (sampled pools, single-server waits)', () => {
    // Ten parallel copies into a pool of 4 servers are sampled; one server behind it has an exact M/G/1 wait.
    const d = diagramOf(
      [users(200), svc('api', 5, 20), { ...svc('index', 2, 8), capacity: { replicas: 1, concurrency: 4 } }, { ...svc('db', 3, 12), capacity: { replicas: 1, concurrency: 1 } }],
      [call('users', 'api'), call('api', 'index', { calls: 10 }), call('api', 'db')],
    );
    const coarseFirst = latencies(estimate(d, { gridStep: COARSE_STEP }));
    const fineAfter = latencies(estimate(d));
    clearMemos();
    expect(fineAfter).toEqual(latencies(estimate(d)));
    const fineFirst = latencies(estimate(d));
    expect(latencies(estimate(d, { gridStep: COARSE_STEP }))).toEqual(coarseFirst);
    expect(fineFirst).not.toEqual(coarseFirst);
  });
});
