import { importDiagram } from '../../import';
import { decodeText, loadDiagramValue } from '../../model/load';
import { formatDiagramFile } from '../../model/formatFile';
import { formatProblem } from '../../model/problems';
import type { ParsedArgs } from '../args';
import { EXIT, type CliIO } from '../io';

export const importHelp = `mlsd import FILE -o OUT.mlsd.json

Reads a Mermaid flowchart or an uncompressed draw.io file and writes it as
a diagram. Files exported by MLSD Studio come back with their kinds and
numbers; from elsewhere, shapes become "service" nodes (kinds named on a
label's last line are recognised), subgraphs and containers become groups,
and nodes without positions are laid out when the diagram is opened.`;

/** `mlsd import FILE -o OUT`. */
export async function importCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const output = args.flags.get('output');
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
  const imported = importDiagram(text.text);
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
  io.stdout(`${output}: ${loaded.diagram.nodes.length} nodes, ${loaded.diagram.edges.length} edges\n`);
  return EXIT.ok;
}
