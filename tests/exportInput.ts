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

/** The small design with two sticky notes (one in its own colour), a line of free text, and its third component of a kind the catalogue does not know. */
export function annotatedSearch(): Diagram {
  const diagram = smallSearch();
  diagram.annotations = [
    { id: 'n1', kind: 'note', text: 'Check the cache hit rate', position: { x: 40, y: 700 } },
    { id: 'n2', kind: 'note', text: 'Coloured', position: { x: 300, y: 700 }, colour: '#bfdbfe' },
    { id: 't1', kind: 'text', text: 'Free text', position: { x: 600, y: 700 }, width: 200 },
  ];
  diagram.nodes[2]!.kind = 'mystery-box' as never;
  return diagram;
}

/** The small design stacked in a column without its stored routes: its edges end going down, up, left and right. */
export function stackedSearch(): Diagram {
  const diagram = smallSearch();
  diagram.nodes.forEach((n, i) => {
    n.position = { x: (i % 2) * 40, y: i * 220 };
  });
  for (const e of diagram.edges) delete e.route;
  return diagram;
}

/** A design with nothing in it: no components, edges or groups. */
export function emptyDesign(): Diagram {
  return { ...smallSearch(), nodes: [], edges: [], groups: [] };
}
