import { EXPORT_FORMATS, PAPERS, exportFormat, exportPieces, type ExportOutput, type Paper } from '../../export/registry';
import { PictureTooLarge } from '../../export/raster';
import { applyLayout, layoutDiagram } from '../../layout/elkGraph';
import type { Diagram } from '../../model/schema';
import { didYouMean } from '../../model/didYouMean';
import { formatDiagramFile } from '../../model/formatFile';
import { withCheckedStructure } from '../../model/structure';
import type { ParsedArgs } from '../args';
import { EXIT, type CliIO } from '../io';
import { readCatalog, readDiagram } from '../readInputs';

const FORMAT_IDS = EXPORT_FORMATS.map((f) => f.id);

export const exportHelp = `mlsd export FILE --format ${FORMAT_IDS.join('|')} -o OUT [--no-figures] [--theme light|dark] [--paper ${PAPERS.join('|')}] [--prices FILE]

Exports a diagram for docs, slides and whiteboards. Diagrams without
positions are laid out first. Figures (rates, p99, replicas) are drawn on
nodes and edges unless --no-figures. PDF pages are the picture's size
(--paper fit, the default) or A4 or Letter landscape with the picture
scaled to fit.`;

export const layoutHelp = `mlsd layout FILE -o OUT

Lays out a diagram with ELK: the request path left to right in call order
(each stage of a caller's calls in its own column), nodes reached only by
async or offline edges in a band below, groups kept together. Writes it
with node positions and edge routes (with their captions' places) filled in.`;

/** Lays out the diagram where any node lacks a position. */
export async function placed(diagram: Diagram, io: CliIO, force = false): Promise<Diagram> {
  if (!force && diagram.nodes.every((n) => n.position)) return diagram;
  return applyLayout(diagram, await layoutDiagram(diagram, io.elk));
}

/** `mlsd export FILE --format F -o OUT`. */
export async function exportCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const formatId = args.flags.get('format');
  const output = args.flags.get('output');
  if (args.positionals.length !== 1 || typeof formatId !== 'string' || typeof output !== 'string') {
    io.stderr(`mlsd export: expected FILE, --format and -o OUT\n\n${exportHelp}\n`);
    return EXIT.usage;
  }
  const format = exportFormat(formatId);
  if (!format) {
    io.stderr(`mlsd export: unknown format "${formatId}"${didYouMean(formatId, FORMAT_IDS)}; one of ${FORMAT_IDS.join(', ')}\n`);
    return EXIT.usage;
  }
  const theme = args.flags.get('theme') ?? 'light';
  if (theme !== 'light' && theme !== 'dark') {
    io.stderr(`mlsd export: --theme is light or dark, not ${JSON.stringify(theme)}\n`);
    return EXIT.usage;
  }
  const paper = args.flags.get('paper') ?? 'fit';
  if (!(PAPERS as readonly unknown[]).includes(paper)) {
    io.stderr(`mlsd export: --paper is ${PAPERS.join(', ')}, not ${JSON.stringify(paper)}${didYouMean(String(paper), PAPERS)}\n`);
    return EXIT.usage;
  }
  const input = args.positionals[0]!;
  if (io.sameFile(input, output)) {
    io.stderr(`mlsd export: ${output} is the input diagram itself; exporting over it would destroy it. Choose another -o\n`);
    return EXIT.invalid;
  }
  const catalog = readCatalog(io, args.flags.get('prices') as string | undefined);
  if (!catalog) return EXIT.invalid;
  const diagram = readDiagram(io, input, catalog, true);
  if (!diagram) return EXIT.invalid;
  let data: ExportOutput;
  try {
    const shown = await placed(diagram, io);
    // Reading checked the file's structure; the estimate an export makes (before its first wait) need not check it again.
    data = await withCheckedStructure(shown, catalog, () => exportPieces(shown, format, io, {
      figures: !args.flags.has('no-figures'), theme, paper: paper as Paper, catalog,
      note: (message) => io.stderr(`mlsd export: note: ${input}: ${message}\n`),
      afterEstimate: shown.nodes.length >= FREE_AFTER_ESTIMATE ? io.collectGarbage : undefined,
    }));
  } catch (error) {
    if (!(error instanceof PictureTooLarge)) throw error;
    io.stderr(`mlsd export: cannot export ${args.positionals[0]} as ${format.label}: ${error.message}\n`);
    return EXIT.invalid;
  }
  const written = io.writeFile(output, data);
  if (!written.ok) {
    io.stderr(`mlsd export: cannot write ${output}: ${written.message}\n`);
    return EXIT.invalid;
  }
  io.stdout(`${output}: ${format.label}\n`);
  return EXIT.ok;
}

/**
 * Nodes from which an export frees the estimate's work before drawing: at this
 * size they are a few hundred MB that would otherwise still be held while the
 * picture is drawn (docs/estimator.md, section 8).
 */
export const FREE_AFTER_ESTIMATE = 20_000;

/** `mlsd layout FILE -o OUT`. */
export async function layoutCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const output = args.flags.get('output');
  if (args.positionals.length !== 1 || typeof output !== 'string') {
    io.stderr(`mlsd layout: expected FILE and -o OUT\n\n${layoutHelp}\n`);
    return EXIT.usage;
  }
  const diagram = readDiagram(io, args.positionals[0]!, (readCatalog(io, undefined))!);
  if (!diagram) return EXIT.invalid;
  const laid = await placed(diagram, io, true);
  const written = io.writeFile(output, formatDiagramFile(laid));
  if (!written.ok) {
    io.stderr(`mlsd layout: cannot write ${output}: ${written.message}\n`);
    return EXIT.invalid;
  }
  io.stdout(`${output}: ${laid.nodes.length} nodes laid out\n`);
  return EXIT.ok;
}
