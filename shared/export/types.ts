import type { Catalog } from '../catalog';
import type { Estimate } from '../estimator/output';
import type { Diagram } from '../model/schema';

/** What an export is made from: a laid-out diagram and, when figures are wanted, its estimate. */
export interface ExportInput {
  diagram: Diagram;
  estimate: Estimate;
  /** Live figures on nodes and edges (default on). */
  figures: boolean;
  theme: 'light' | 'dark';
  /** PDF page: the picture's own size (default), or A4 or Letter landscape with the picture scaled to fit. */
  paper: Paper;
  /** The prices the estimate was made with, for the Markdown appendix's derivations; the built-in catalog when absent. */
  catalog?: Catalog;
  /** Told what a picture drew simpler than usual (a very large diagram), in a sentence. */
  note?: (message: string) => void;
}

/** Page sizes a PDF export offers. */
export const PAPERS = ['fit', 'a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

/** Host services an export may need: turning SVG into pixels differs between Node and a browser. */
export interface ExportServices {
  /** Rasterizes an SVG at a scale (1 = one pixel per unit) into PNG bytes. */
  rasterize(svg: string, scale: number): Promise<Uint8Array>;
}

/**
 * A text export as pieces written one after another: a large diagram's
 * file (hundreds of MB) is never held as one string, so it can go to disk
 * as it is made.
 */
export type TextPieces = Generator<string, void, undefined>;

/** What a format makes: bytes (PNG, PDF) or text in pieces. */
export type ExportOutput = Uint8Array | TextPieces;

/** One export format: what it is called, its file, and how it is made. */
export interface ExportFormat {
  id: 'svg' | 'png' | 'pdf' | 'markdown' | 'mermaid' | 'drawio' | 'excalidraw';
  label: string;
  extension: string;
  mimeType: string;
  /** Whether the output is bytes (PNG, PDF) rather than text. */
  binary: boolean;
  /** Whether the format shows live figures, so the figures switch applies. */
  takesFigures: boolean;
  /** Whether the light or dark theme applies. */
  takesTheme: boolean;
  /** Whether the page size (fit, A4, Letter) applies. */
  takesPaper: boolean;
  /**
   * Whether the export shows what only the full estimate has (p99
   * breakdowns, diagnostics); the others are made from its figures alone,
   * which are the same numbers for a fraction of the work.
   */
  readsFullEstimate: boolean;
  render(input: ExportInput, services: ExportServices): Promise<ExportOutput>;
}
