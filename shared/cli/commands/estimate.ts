import type { Catalog } from '../../catalog';
import { estimate } from '../../estimator/estimate';
import type { Estimate } from '../../estimator/output';
import type { Diagram } from '../../model/schema';
import { withCheckedStructure } from '../../model/structure';
import { scenarioDiagram, scenarioNames } from '../../scenarios/variants';
import type { ParsedArgs } from '../args';
import { estimateReport } from '../estimateReport';
import { writeJsonPieces } from '../jsonPieces';
import { EXIT, type CliIO } from '../io';
import { readCatalog, readDiagram } from '../readInputs';

export const estimateHelp = `mlsd estimate FILE [--json] [--check] [--prices FILE] [--traffic X] [--scenario NAME]

Estimates rates, latency percentiles, servers, storage and monthly cost.
  --json      print the estimate as JSON (format mlsd-studio/estimate)
  --check     exit 3 when a budget is exceeded or an error diagnostic stands
  --prices    use this price catalog instead of the built-in one
  --traffic   multiply every traffic entry's load (what-if), e.g. 2 or 0.5
  --scenario  estimate this scenario of the file instead of the one shown
Exit codes: 0 estimated; 1 unreadable, invalid or structurally broken file;
2 usage error; 3 with --check, over budget or an error diagnostic.`;

/** Largest --traffic: ten times the app's slider, and loads stay within what a number holds. */
export const MAX_TRAFFIC_MULTIPLIER = 1000;

/** The --traffic multiplier (1 without it), or undefined after saying on stderr why it is not one. */
export function parseTrafficFlag(args: ParsedArgs, io: CliIO, command: string): number | undefined {
  const trafficFlag = args.flags.get('traffic');
  const trafficMultiplier = typeof trafficFlag === 'string' ? Number(trafficFlag) : 1;
  if (!(trafficMultiplier > 0) || !(trafficMultiplier <= MAX_TRAFFIC_MULTIPLIER)) {
    io.stderr(`mlsd ${command}: --traffic must be a positive number up to ${MAX_TRAFFIC_MULTIPLIER}, not ${JSON.stringify(trafficFlag)}\n`);
    return undefined;
  }
  return trafficMultiplier;
}

/** Says on stderr that a file has no such scenario, naming those it has; the usage exit code. */
export function noScenario(io: CliIO, command: string, path: string, file: Diagram, name: string): number {
  io.stderr(`mlsd ${command}: ${path} has no scenario "${name}" (it has: ${scenarioNames(file).map((n) => `"${n}"`).join(', ')})\n`);
  return EXIT.usage;
}

/** What a command that reads one FILE and estimates it has to work with. */
export interface Estimated {
  diagram: Diagram;
  result: Estimate;
  catalog: Catalog;
  trafficMultiplier: number;
}

/**
 * Reads the first positional FILE with --prices and --traffic, and estimates
 * it (the summary only, with `summary`: see EstimateOptions); or returns the
 * exit code after saying on stderr what is wrong.
 */
export function readAndEstimate(args: ParsedArgs, io: CliIO, command: string, summary = false): Estimated | number {
  const trafficMultiplier = parseTrafficFlag(args, io, command);
  if (trafficMultiplier === undefined) return EXIT.usage;
  // Started first, so a second thread is ready by the time the estimate has pools to hand it.
  const poolRunner = io.poolRunner?.(args.positionals[0]!);
  const catalog = readCatalog(io, args.flags.get('prices') as string | undefined);
  if (!catalog) return EXIT.invalid;
  const file = readDiagram(io, args.positionals[0]!, catalog, true);
  if (!file) return EXIT.invalid;
  const scenario = args.flags.get('scenario');
  const diagram = typeof scenario === 'string' ? scenarioDiagram(file, scenario) : file;
  if (!diagram) return noScenario(io, command, args.positionals[0]!, file, scenario as string);
  // Reading checked the file's structure; the estimator need not check it again.
  const result = withCheckedStructure(file, catalog, () => estimate(diagram, { catalog, trafficMultiplier, summary, poolRunner }));
  return { diagram, result, catalog, trafficMultiplier };
}

/** `mlsd estimate FILE`. */
export function estimateCommand(args: ParsedArgs, io: CliIO): number {
  if (args.positionals.length !== 1) {
    io.stderr(`mlsd estimate: expected one FILE\n\n${estimateHelp}\n`);
    return EXIT.usage;
  }
  const json = args.flags.has('json');
  // The printed report shows neither batching figures nor the worst moment of the day: they are left out, not worked out.
  const read = readAndEstimate(args, io, 'estimate', !json);
  if (typeof read === 'number') return read;
  const { diagram, result } = read;
  if (json) {
    // In pieces: a large estimate's text made whole would cost as much memory again as the estimate.
    writeJsonPieces(result, io.stdout);
    io.stdout('\n');
  } else io.stdout(estimateReport(diagram, result));
  if (args.flags.has('check')) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const over = Object.values(result.budgets).some((b) => b && !b.ok);
    if (errors.length > 0 || over) {
      io.stderr(`mlsd estimate --check: ${errors.length} error${errors.length === 1 ? '' : 's'}${over ? ', over budget' : ''}\n`);
      return EXIT.check;
    }
  }
  return EXIT.ok;
}
