import { formatName, importDiagram, reportLines } from '../../import';
import { decodeText, loadDiagramValue } from '../../model/load';
import { formatDiagramFile } from '../../model/formatFile';
import { formatProblem } from '../../model/problems';
import type { ParsedArgs } from '../args';
import { EXIT, type CliIO } from '../io';

export const importHelp = `mlsd import FILE -o OUT.mlsd.json [--page NAME|N]

Reads a Mermaid flowchart (.mmd), a draw.io file (.drawio, .xml, or an SVG
with the diagram embedded; plain or compressed) or an Excalidraw scene
(.excalidraw) and writes it as a diagram, then says what it guessed.
Files exported by MLSD Studio come back with their kinds and numbers;
from elsewhere, a kind is guessed from each label (the palette's names:
"Redis" is a cache, "FAISS" a vector index) or shape, with the palette's
default figures, and an unrecognised shape becomes a Service. Groups,
subgraphs, containers and frames become groups; positions are kept where
the file has them, and nodes without are laid out when the diagram opens.

  --page NAME|N   the draw.io page to read, by name or number from 1 (default: the first)`;

/** `mlsd import FILE -o OUT [--page P]`. */
export async function importCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const output = args.flags.get('output');
  const page = args.flags.get('page');
  if (args.positionals.length !== 1 || typeof output !== 'string') {
    io.stderr(`mlsd import: expected FILE and -o OUT\n\n${importHelp}\n`);
    return EXIT.usage;
  }
  const path = args.positionals[0]!;
  const file = io.readFile(path);
  const text = file.ok ? decodeText(file.bytes) : { ok: false as const, message: file.message };
  if (!text.ok) {
    io.stderr(`mlsd import: cannot read ${path}: ${text.message}\n`);
    return EXIT.invalid;
  }
  const imported = await importDiagram(text.text, { fileName: path, ...(typeof page === 'string' && { page }) });
  if (!imported.ok) {
    for (const problem of imported.problems) io.stderr(`${path}: ${problem}\n`);
    return EXIT.invalid;
  }
  const loaded = loadDiagramValue(imported.diagram);
  if (!loaded.ok) {
    io.stderr(`${path} does not make a valid diagram:\n`);
    for (const problem of loaded.problems) io.stderr(`${formatProblem(problem)}\n`);
    return EXIT.invalid;
  }
  const written = io.writeFile(output, formatDiagramFile(loaded.diagram));
  if (!written.ok) {
    io.stderr(`mlsd import: cannot write ${output}: ${written.message}\n`);
    return EXIT.invalid;
  }
  io.stdout(`${output}: ${loaded.diagram.nodes.length} nodes, ${loaded.diagram.edges.length} edges from ${formatName(imported.report)}\n`);
  for (const line of reportLines(imported.report)) io.stdout(`  ${line}\n`);
  return EXIT.ok;
}
