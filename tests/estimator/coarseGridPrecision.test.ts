import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLUEPRINT_SLUGS, blueprint } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import { at, GRID_STEP } from '../../shared/estimator/gridPoints';
import { COARSE_FROM_NODES, COARSE_STEP, COARSE_TOLERANCE, SPREAD } from '../../shared/estimator/precision';
import type { Diagram } from '../../shared/model/schema';
import { generateDiagram } from '../bench/generate';
import { FIGURES, latencies } from './coarseFigures';

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

describe('designs on the coarse latency grid, whole', () => {
  it('keeps its stated precision against the fine grid on the blueprints', () => {
    expect(BLUEPRINT_SLUGS.flatMap((slug) => beyondTolerance(slug, blueprint(slug)!))).toEqual([]);
  });

  it('keeps its stated precision against the fine grid on the test designs', () => {
    const misses = readdirSync(fixtures).filter((f) => f.endsWith('.mlsd.json')).flatMap((file) => {
      const diagram = JSON.parse(readFileSync(resolve(fixtures, file), 'utf8')) as Diagram;
      return Array.isArray(diagram.nodes) && Array.isArray(diagram.edges) ? beyondTolerance(file, diagram) : [];
    });
    expect(misses).toEqual([]);
  });

  it.each([[600, 1], [300, 2]])('keeps its stated precision against the fine grid on a generated design of %i nodes', (nodes, seed) => {
    expect(beyondTolerance(`generated ${nodes}`, generateDiagram(nodes, seed))).toEqual([]);
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

});
