import { estimate } from '../../estimator/estimate';
import type { Diagram } from '../../model/schema';
import { activeScenario, diffDesigns, scenarioDiagram } from '../../scenarios';
import { diffLines } from '../../scenarios/report';
import type { ParsedArgs } from '../args';
import { EXIT, type CliIO } from '../io';
import { readCatalog, readDiagram } from '../readInputs';
import { noScenario, parseTrafficFlag } from './estimate';

export const diffHelp = `mlsd diff A B [--json]
mlsd diff FILE --scenario X [--scenario Y] [--json]

Compares two designs: two files (each as shown), or two scenarios of one
file (with one --scenario, that scenario against the one shown). Lists the
nodes and edges added, removed and changed, and how the figures move:
"p99 -12 ms, cost +$7.3k/mo, storage +1.2 TB", overall and per node.
  --scenario  a scenario of FILE, by name (give it once or twice)
  --json      print the comparison as JSON (format mlsd-studio/diff)
  --traffic   multiply every traffic entry's load in both (what-if)
  --prices    use this price catalog instead of the built-in one`;

/** `mlsd diff`. */
export function diffCommand(args: ParsedArgs, io: CliIO): number {
  const scenarios = args.values.get('scenario') ?? [];
  const files = args.positionals;
  const usage = (why: string) => {
    io.stderr(`mlsd diff: ${why}\n\n${diffHelp}\n`);
    return EXIT.usage;
  };
  if (scenarios.length > 2) return usage('at most two --scenario');
  if (scenarios.length === 0 && files.length !== 2) return usage('expected two FILEs, or one FILE with --scenario');
  if (scenarios.length > 0 && files.length !== 1) return usage('--scenario compares scenarios of one FILE');
  const trafficMultiplier = parseTrafficFlag(args, io, 'diff');
  if (trafficMultiplier === undefined) return EXIT.usage;
  const catalog = readCatalog(io, args.flags.get('prices') as string | undefined);
  if (!catalog) return EXIT.invalid;
  const diagrams: Diagram[] = [];
  for (const file of files) {
    const d = readDiagram(io, file, catalog);
    if (!d) return EXIT.invalid;
    diagrams.push(d);
  }
  let sides: { name: string; diagram: Diagram }[];
  if (scenarios.length === 0) sides = files.map((f, i) => ({ name: f, diagram: diagrams[i]! }));
  else {
    const file = diagrams[0]!;
    const names = scenarios.length === 1 ? [activeScenario(file), scenarios[0]!] : scenarios;
    const missing = names.find((n) => !scenarioDiagram(file, n));
    if (missing !== undefined) return noScenario(io, 'diff', files[0]!, file, missing);
    sides = names.map((name) => ({ name, diagram: scenarioDiagram(file, name)! }));
  }
  const [a, b] = sides.map((s) => ({ ...s, estimate: estimate(s.diagram, { catalog, trafficMultiplier }) }));
  const diff = diffDesigns(a!, b!);
  io.stdout(args.flags.has('json') ? `${JSON.stringify({ format: 'mlsd-studio/diff', version: 1, ...diff }, null, 2)}\n` : `${diffLines(diff).join('\n')}\n`);
  return EXIT.ok;
}
