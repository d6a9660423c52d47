import { EXIT, type CliIO } from '../io';
import type { ParsedArgs } from '../args';
import { readCatalog, readDiagram } from '../readInputs';

export const validateHelp = `mlsd validate FILE [--prices FILE]

Checks a diagram file against the format: exit 0 when valid, 1 with every
problem on stderr (each as PATH: message), 2 on a usage error.`;

/** `mlsd validate FILE`. */
export function validateCommand(args: ParsedArgs, io: CliIO): number {
  if (args.positionals.length !== 1) {
    io.stderr(`mlsd validate: expected one FILE\n\n${validateHelp}\n`);
    return EXIT.usage;
  }
  const catalog = readCatalog(io, args.flags.get('prices') as string | undefined);
  if (!catalog) return EXIT.invalid;
  const path = args.positionals[0]!;
  const diagram = readDiagram(io, path, catalog);
  if (!diagram) return EXIT.invalid;
  io.stdout(`${path}: valid (${diagram.nodes.length} nodes, ${diagram.edges.length} edges)\n`);
  return EXIT.ok;
}
