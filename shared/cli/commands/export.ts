import { EXPORT_FORMATS, exportDiagram, exportFormat } from '../../export/registry';
import { applyLayout, layoutDiagram } from '../../layout/elkGraph';
import type { Diagram } from '../../model/schema';
import { didYouMean } from '../../model/didYouMean';
import { formatDiagramFile } from '../../model/formatFile';
import type { ParsedArgs } from '../args';
import { EXIT, type CliIO } from '../io';
import { readCatalog, readDiagram } from '../readInputs';

const FORMAT_IDS = EXPORT_FORMATS.map((f) => f.id);

export const exportHelp = `mlsd export FILE --format ${FORMAT_IDS.join('|')} -o OUT [--no-figures] [--theme light|dark] [--prices FILE]

Exports a diagram for docs, slides and whiteboards. Diagrams without
positions are laid out first. Figures (rates, p99, replicas) are drawn on
nodes and edges unless --no-figures.`;

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
  const catalog = readCatalog(io, args.flags.get('prices') as string | undefined);
  if (!catalog) return EXIT.invalid;
  const diagram = readDiagram(io, args.positionals[0]!, catalog);
  if (!diagram) return EXIT.invalid;
  const data = await exportDiagram(await placed(diagram, io), format, io, { figures: !args.flags.has('no-figures'), theme, catalog });
  const written = io.writeFile(output, data);
  if (!written.ok) {
    io.stderr(`mlsd export: cannot write ${output}: ${written.message}\n`);
    return EXIT.invalid;
  }
  io.stdout(`${output}: ${format.label}\n`);
  return EXIT.ok;
}

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
