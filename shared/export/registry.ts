import { estimate as estimateDiagram } from '../estimator/estimate';
import type { Catalog } from '../catalog';
import type { Estimate } from '../estimator/output';
import type { Diagram } from '../model/schema';
import { drawioFormat } from './drawio';
import { excalidrawFormat } from './excalidraw';
import { markdownFormat } from './markdown';
import { mermaidFormat } from './mermaid';
import { pdfFormat } from './pdfFormat';
import { pngFormat } from './raster';
import { svgFormat } from './svg';
import { joinPieces } from './pieces';
import type { ExportFormat, ExportInput, ExportOutput, ExportServices, Paper } from './types';

export type { ExportFormat, ExportOutput, ExportServices, Paper, TextPieces } from './types';
export { PAPERS } from './types';

/** Every export format, in menu order; the CLI and the app's Export dialog both read this list. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [svgFormat, pngFormat, pdfFormat, markdownFormat, mermaidFormat, drawioFormat, excalidrawFormat];

/** The format with this id, or undefined. */
export function exportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}

export interface ExportOptions {
  figures?: boolean;
  theme?: 'light' | 'dark';
  /** PDF page size (default: the picture's own size). */
  paper?: Paper;
  catalog?: Catalog;
  /** Only these nodes, and the edges between them. */
  only?: ReadonlySet<string>;
  /** Told what a picture drew simpler than usual for lack of time (see `simplifiedNote`). */
  note?: (message: string) => void;
  /** Called once the estimate is made, before the picture is drawn: where a host can, it frees what the estimate no longer uses. */
  afterEstimate?: () => void;
}

/** Keeps the given nodes, the edges among them and the groups they use. */
export function selectionOf(diagram: Diagram, only: ReadonlySet<string>): Diagram {
  const nodes = diagram.nodes.filter((n) => only.has(n.id));
  const used = new Set(nodes.map((n) => n.group));
  return {
    ...diagram,
    nodes,
    edges: diagram.edges.filter((e) => only.has(e.source) && only.has(e.target)),
    groups: diagram.groups?.filter((g) => used.has(g.id)),
  };
}

/** What a picture without figures is drawn from: no figures at all (the estimate is not run). */
const NO_FIGURES: Estimate = {
  format: 'mlsd-studio/estimate', version: 1, entries: [], nodes: [],
  totals: { storageBytes: 0, costUsdPerMonth: 0 }, budgets: {}, diagnostics: [],
};

/**
 * Exports a laid-out diagram (every node placed) in a format, as bytes or as
 * text in pieces to write one after another (see `exportDiagram` for one
 * string). Figures come from the whole diagram's estimate, so a selection
 * shows the same numbers as the full picture; a format that shows figures,
 * asked for none, is made without running the estimate, and one that shows
 * no breakdown or diagnostic from the figures alone.
 */
export async function exportPieces(diagram: Diagram, format: ExportFormat, services: ExportServices, options: ExportOptions = {}): Promise<ExportOutput> {
  const withoutFigures = format.takesFigures && options.figures === false;
  const figures = withoutFigures ? NO_FIGURES : estimateDiagram(diagram, { catalog: options.catalog, figuresOnly: !format.readsFullEstimate });
  if (!withoutFigures) options.afterEstimate?.();
  const shown = options.only ? selectionOf(diagram, options.only) : diagram;
  const estimate = options.only ? { ...figures, nodes: figures.nodes.filter((n) => options.only!.has(n.id)) } : figures;
  const input: ExportInput = { diagram: shown, estimate, figures: options.figures ?? true, theme: options.theme ?? 'light', paper: options.paper ?? 'fit' };
  if (options.catalog) input.catalog = options.catalog;
  if (options.note) input.note = options.note;
  return format.render(input, services);
}

/** Exports a laid-out diagram in a format (see `exportPieces`): text as one string, or bytes. */
export async function exportDiagram(diagram: Diagram, format: ExportFormat, services: ExportServices, options: ExportOptions = {}): Promise<string | Uint8Array> {
  const output = await exportPieces(diagram, format, services, options);
  return output instanceof Uint8Array ? output : joinPieces(output);
}
