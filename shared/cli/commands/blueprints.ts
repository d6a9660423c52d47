import { blueprint, BLUEPRINT_SLUGS } from '../../blueprints';
import { estimate } from '../../estimator/estimate';
import { didYouMean } from '../../model/didYouMean';
import { formatMs, formatUsd } from '../../units';
import { formatDiagramFile } from '../../model/formatFile';
import type { ParsedArgs } from '../args';
import { EXIT, type CliIO } from '../io';
import { renderTable } from '../table';

export const blueprintsHelp = `mlsd blueprints [--json]

Lists the built-in case-study blueprints: slug, title, nodes, worst p99 and
monthly cost at their stated load.`;

export const newHelp = `mlsd new SLUG -o FILE [--force]

Starts a new diagram from a blueprint (see mlsd blueprints). Refuses to
replace an existing FILE unless --force is given.`;

/** `mlsd blueprints`. */
export function blueprintsCommand(args: ParsedArgs, io: CliIO): number {
  if (args.positionals.length > 0) {
    io.stderr(`mlsd blueprints: takes no arguments\n\n${blueprintsHelp}\n`);
    return EXIT.usage;
  }
  const rows = BLUEPRINT_SLUGS.map((slug) => {
    const diagram = blueprint(slug)!;
    const figures = estimate(diagram);
    const p99 = Math.max(...figures.entries.map((e) => e.latencyMs?.p99 ?? Infinity));
    return { slug, title: diagram.title, nodes: diagram.nodes.length, p99Ms: p99, costUsdPerMonth: figures.totals.costUsdPerMonth };
  });
  if (args.flags.has('json')) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  const table = [['slug', 'title', 'nodes', 'p99', 'cost/mo'], ...rows.map((r) => [r.slug, r.title, String(r.nodes), formatMs(r.p99Ms), formatUsd(r.costUsdPerMonth)])];
  io.stdout(`${renderTable(table, new Set([2, 3, 4]))}\n`);
  return EXIT.ok;
}

/** `mlsd new SLUG -o FILE`. */
export function newCommand(args: ParsedArgs, io: CliIO): number {
  const output = args.flags.get('output');
  if (args.positionals.length !== 1 || typeof output !== 'string') {
    io.stderr(`mlsd new: expected a SLUG and -o FILE\n\n${newHelp}\n`);
    return EXIT.usage;
  }
  const slug = args.positionals[0]!;
  const diagram = blueprint(slug);
  if (!diagram) {
    io.stderr(`mlsd new: no blueprint "${slug}"${didYouMean(slug, BLUEPRINT_SLUGS)}; mlsd blueprints lists them\n`);
    return EXIT.usage;
  }
  if (!args.flags.has('force') && io.readFile(output).ok) {
    io.stderr(`mlsd new: ${output} already exists; pass --force to replace it\n`);
    return EXIT.invalid;
  }
  const written = io.writeFile(output, formatDiagramFile(diagram));
  if (!written.ok) {
    io.stderr(`mlsd new: cannot write ${output}: ${written.message}\n`);
    return EXIT.invalid;
  }
  io.stdout(`${output}: new diagram from "${diagram.title}" (${diagram.nodes.length} nodes)\n`);
  return EXIT.ok;
}
