import { describe, expect, it } from 'vitest';
import { elk, rasterize } from '../../cli/nodeServices';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { EXPORT_FORMATS, exportDiagram } from '../../shared/export/registry';
import { layoutPositions, withPositions } from '../../shared/layout/elkGraph';

// Lays out and exports all ten blueprints in every format: minutes of work, kept apart so
// mutation runs (which cannot afford it for every planted bug) can leave it out.
const services = { rasterize };

describe('every blueprint exports to every format', () => {
  it.each(BLUEPRINT_SLUGS)('%s', async (slug) => {
    const doc = blueprint(slug)!;
    const laid = withPositions(doc, await layoutPositions(doc, elk));
    for (const format of EXPORT_FORMATS) {
      const out = await exportDiagram(laid, format, services);
      expect(out.length, format.id).toBeGreaterThan(500);
      if (!format.binary) expect(out as string).toContain(doc.nodes[0]!.label.slice(0, 20).replace(/&/g, '&amp;'));
    }
  }, 60_000);
});
