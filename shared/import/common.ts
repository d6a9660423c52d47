import { findKind } from '../kinds';
import { LIMITS } from '../model/blocks';
import type { Diagram, DiagramNode } from '../model/schema';

/** How a node's kind was decided on import. */
export type KindSource = 'metadata' | 'label' | 'shape' | 'default';

/** One node whose kind the import had to guess, for the report. */
export interface KindGuess {
  /** The node's id in the imported diagram. */
  node: string;
  label: string;
  kind: string;
  from: Exclude<KindSource, 'metadata'>;
  /** The word of the label or the shape that decided it ("Redis", "cylinder"). */
  clue?: string;
}

/** What an import read and what it had to guess, shown after every import. */
export interface ImportReport {
  format: 'Mermaid flowchart' | 'draw.io file' | 'Excalidraw scene';
  /** A draw.io file's pages, and the one read (0-based). */
  pages?: { names: string[]; chosen: number };
  /** Nodes whose kind and figures came back from MLSD Studio's own metadata. */
  kept: number;
  guesses: KindGuess[];
  /** Everything else worth knowing: what was dropped, changed or assumed, each saying where. */
  notes: string[];
}

/** An imported diagram with its report, or what stopped the import, each problem saying where. */
export type ImportResult = { ok: true; diagram: Diagram; report: ImportReport } | { ok: false; problems: string[] };

/** The format with its article, as a sentence names it: "an Excalidraw scene". */
export function formatName(report: ImportReport): string {
  return `${/^[AEIOU]/.test(report.format) ? 'an' : 'a'} ${report.format}`;
}

/** A report with nothing in it yet. */
export function emptyReport(format: ImportReport['format']): ImportReport {
  return { format, kept: 0, guesses: [], notes: [] };
}

/** An id the file format accepts (a letter first; letters, digits, "_", "-"), not yet taken; it is then taken. */
export function uniqueId(wanted: string, taken: Set<string>): string {
  let base = wanted.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
  if (!/^[A-Za-z]/.test(base)) base = `n${base}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}${i}`;
  taken.add(id);
  return id;
}

/** Labels hold at most this many characters in a diagram file. */
export const MAX_LABEL_CHARS = 120;

/** A label cut to what the format holds, saying so in the report when it was cut; `fallback` when it is empty. */
export function fitLabel(text: string, fallback: string, where: string, report: ImportReport): string {
  const label = text.replace(/\s+/g, ' ').trim();
  if (label.length <= MAX_LABEL_CHARS) return label || fallback;
  report.notes.push(`${where}: label cut to ${MAX_LABEL_CHARS} characters`);
  return label.slice(0, MAX_LABEL_CHARS).trimEnd();
}

/** The report as lines a person reads: pages, kept and guessed kinds, then the notes. */
export function reportLines(report: ImportReport): string[] {
  const lines: string[] = [];
  if (report.pages && report.pages.names.length > 1) {
    const { names, chosen } = report.pages;
    lines.push(`page ${chosen + 1} of ${names.length} read ("${names[chosen]}"); pages: ${names.map((n, i) => `${i + 1} "${n}"`).join(', ')}`);
  }
  if (report.kept > 0) lines.push(`${report.kept} node${report.kept === 1 ? '' : 's'} kept their kind and figures from MLSD Studio's metadata`);
  for (const g of report.guesses) {
    const why = g.from === 'label' ? `from "${g.clue}" in its label` : g.from === 'shape' ? `from its shape (${g.clue})` : 'nothing in its label or shape names a kind';
    lines.push(`"${g.label}" is a ${findKind(g.kind)?.label ?? g.kind} (${why}), with the palette's default figures`);
  }
  return [...lines, ...report.notes];
}

/** A position the file format accepts, or undefined (with a note) for one outside it. */
export function keptPosition(x: number, y: number, where: string, report: ImportReport): DiagramNode['position'] | undefined {
  if (Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= LIMITS.position && Math.abs(y) <= LIMITS.position) return { x, y };
  report.notes.push(`${where}: position (${x}, ${y}) is outside ±${LIMITS.position.toLocaleString('en-US')}; laid out instead`);
  return undefined;
}

