import { readFileSync } from 'node:fs';
import type { ExportInput } from '../shared/export/types';
import { loadDiagram } from '../shared/model/load';
import type { Diagram } from '../shared/model/schema';
import { fixturePath } from './helpers';

/** A fresh copy of the small image-search design, laid out. */
export function smallSearch(): Diagram {
  const result = loadDiagram(readFileSync(fixturePath('small-search.laid.mlsd.json'), 'utf8'));
  if (!result.ok) throw new Error('fixture invalid');
  return structuredClone(result.diagram);
}

const NONE = { format: 'mlsd-studio/estimate', version: 1, entries: [], nodes: [], totals: { storageBytes: 0, costUsdPerMonth: 0 }, budgets: {}, diagnostics: [] } as const;

/** What an exporter is given for a diagram drawn without figures (no estimate), light, on a page its own size. */
export function inputOf(diagram: Diagram, options: Partial<Pick<ExportInput, 'theme' | 'paper'>> = {}): ExportInput {
  return { diagram, estimate: structuredClone(NONE) as never, figures: false, theme: 'light', paper: 'fit', ...options };
}
