import { emptyReport, type ImportResult } from './common';
import { importDrawioModel } from './drawio';
import { choosePage, drawioPages, pageGraph } from './drawioFile';
import { importExcalidraw } from './excalidraw';
import { MAX_IMPORT_CHARS } from './limits';
import { importMermaid } from './mermaid';
import { mendDrawing } from './repair';

export type { ImportReport, ImportResult, KindGuess } from './common';
export { formatName, reportLines } from './common';

export interface ImportOptions {
  /** A draw.io page to read: its name or its number from 1; the first page by default. */
  page?: string;
  /** The file's name, which titles a diagram whose file carries no title. */
  fileName?: string;
}

/** The file extensions import reads, for file pickers and drop targets. */
export const IMPORT_EXTENSIONS = ['.mmd', '.mermaid', '.drawio', '.xml', '.svg', '.excalidraw', '.json'] as const;

/** A draw.io file's chosen page as a diagram; the report lists the pages. */
async function importDrawio(xml: string, options: ImportOptions): Promise<ImportResult> {
  const file = await drawioPages(xml);
  if (!file.ok) return file;
  const names = file.pages.map((p) => p.name);
  const chosen = choosePage(names, options.page);
  if (typeof chosen === 'string') return { ok: false, problems: [chosen] };
  const model = await pageGraph(file.pages[chosen]!, chosen);
  if (typeof model === 'string') return { ok: false, problems: [model] };
  const report = { ...emptyReport('draw.io file'), pages: { names, chosen } };
  return importDrawioModel(model, report);
}

/**
 * A diagram from a file another tool wrote, told apart by its content:
 * draw.io (`.drawio`, `.xml`, or an SVG with the diagram embedded; plain or
 * compressed pages), an Excalidraw scene (JSON), or a Mermaid flowchart.
 * The diagram still has to pass the file format's checks; the report says
 * what was guessed.
 */
export async function importDiagram(text: string, options: ImportOptions = {}): Promise<ImportResult> {
  const result = await importAny(text, options);
  if (!result.ok) return result;
  const named = options.fileName?.replace(/^.*[\\/]/, '').replace(/(\.[a-z]+)+$/i, '').slice(0, 200).trim();
  const title = result.diagram.title || named || `Imported ${result.report.format}`;
  return { ...result, diagram: { ...mendDrawing(result.diagram, result.report), title } };
}

async function importAny(text: string, options: ImportOptions): Promise<ImportResult> {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, problems: [`the file holds ${text.length.toLocaleString('en-US')} characters: at most ${MAX_IMPORT_CHARS.toLocaleString('en-US')} are imported`] };
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return importDrawio(start, options);
  if (start.startsWith('{')) return importExcalidraw(start);
  const first = start.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith('%%'))?.trim() ?? '';
  if (/^(flowchart|graph)\b/.test(first)) return importMermaid(start);
  return { ok: false, problems: ['not a draw.io file (XML), an Excalidraw scene (JSON) or a Mermaid flowchart (first line "flowchart" or "graph")'] };
}
