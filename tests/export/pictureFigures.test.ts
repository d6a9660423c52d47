import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rasterize } from '../../cli/nodeServices';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import type { Estimate } from '../../shared/estimator/output';
import { EXPORT_FORMATS, exportDiagram } from '../../shared/export/registry';
import { joinPieces } from '../../shared/export/pieces';
import { loadDiagram } from '../../shared/model/load';
import { fixturePath } from '../helpers';

// Pictures are made from the estimate's figures alone (no p99 breakdown, day details or
// diagnostics): what they draw must be what the full estimate says.
const laid = () => {
  const result = loadDiagram(readFileSync(fixturePath('small-search.laid.mlsd.json'), 'utf8'));
  if (!result.ok) throw new Error('fixture invalid');
  return result.diagram;
};

/** What a picture reads from an estimate. */
function drawn(e: Estimate) {
  return {
    nodes: e.nodes.map(({ id, qps, replicas, utilization, latencyMs, storageBytes, costUsdPerMonth }) => ({ id, qps, replicas, utilization, latencyMs, storageBytes, costUsdPerMonth })),
    entries: e.entries.map(({ node, qps, latencyMs }) => ({ node, qps, latencyMs })),
    totals: e.totals,
    budgets: e.budgets,
    calls: e.calls,
  };
}

describe('pictures drawn from the figures alone', () => {
  it.each(BLUEPRINT_SLUGS)('%s: the figures a picture draws are those of the full estimate', (slug) => {
    const doc = blueprint(slug)!;
    const full = estimate(doc);
    expect(full.entries.some((e) => e.p99Breakdown.length > 0)).toBe(true);
    expect(drawn(estimate(doc, { figuresOnly: true }))).toEqual(drawn(full));
  });

  it('only the Markdown design doc reads the full estimate (its breakdowns and diagnostics)', () => {
    expect(EXPORT_FORMATS.filter((f) => f.readsFullEstimate).map((f) => f.id)).toEqual(['markdown']);
  });

  it.each(EXPORT_FORMATS.filter((f) => !f.readsFullEstimate).map((f) => f.id))('%s: the same file as one drawn from the full estimate', async (id) => {
    const diagram = laid();
    const format = EXPORT_FORMATS.find((f) => f.id === id)!;
    const fromFull = await format.render({ diagram, estimate: estimate(diagram), figures: true, theme: 'light', paper: 'fit' }, { rasterize });
    const expected = fromFull instanceof Uint8Array ? fromFull : joinPieces(fromFull);
    expect(await exportDiagram(diagram, format, { rasterize })).toEqual(expected);
  });
});
