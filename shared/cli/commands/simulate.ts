import { estimate } from '../../estimator/estimate';
import { formatMs } from '../../units';
import { compareWithEstimate } from '../../sim/compare';
import { REPLICATIONS } from '../../sim/replicationParts';
import { DEFAULT_REQUESTS, simulateAcross } from '../../sim/simulate';
import { checkStructure } from '../../model/structure';
import type { ParsedArgs } from '../args';
import { EXIT, type CliIO } from '../io';
import { renderTable } from '../table';
import { readCatalog, readDiagram } from '../readInputs';

export const simulateHelp = `mlsd simulate FILE [--requests N] [--seed S] [--json]

Checks the estimate by a seeded discrete-event simulation of the diagram
(Poisson arrivals at peak, FCFS pools, the estimator's call semantics) and
prints each entry's p50/p99/p999 with 95% confidence intervals beside the
estimator's figures; "!" marks a figure off by more than the interval + 5%.
  --requests  requests measured, shared between ${REPLICATIONS} independent runs, each after a
              10% warm-up of its own (default ${DEFAULT_REQUESTS.toLocaleString('en-US')}), side by side on two cores
  --seed      seed of the random draws (default 1); the same seed, the same figures
  --json      print the simulation and the comparison as JSON
Exit codes: 0 simulated; 1 unreadable, invalid or structurally broken file;
2 usage error.`;

function positiveInteger(io: CliIO, name: string, value: string | boolean | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 0 || (name === 'requests' && n < 1)) {
    io.stderr(`mlsd simulate: --${name} must be a whole number${name === 'requests' ? ' of at least 1' : ''}, not ${JSON.stringify(value)}\n`);
    return undefined;
  }
  return n;
}

function interval(value: number | null, halfWidth: number | null): string {
  if (value === null) return 'unbounded';
  return `${formatMs(value)} ± ${halfWidth !== null && Number.isFinite(halfWidth) ? formatMs(halfWidth) : '?'}`;
}

/** `mlsd simulate FILE`. */
export async function simulateCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length !== 1) {
    io.stderr(`mlsd simulate: expected one FILE\n\n${simulateHelp}\n`);
    return EXIT.usage;
  }
  const requests = positiveInteger(io, 'requests', args.flags.get('requests'), DEFAULT_REQUESTS);
  const seed = positiveInteger(io, 'seed', args.flags.get('seed'), 1);
  if (requests === undefined || seed === undefined) return EXIT.usage;
  const catalog = readCatalog(io, undefined)!;
  const diagram = readDiagram(io, args.positionals[0]!, catalog);
  if (!diagram) return EXIT.invalid;
  const problems = checkStructure(diagram, catalog);
  if (problems.length > 0) {
    io.stderr(`${args.positionals[0]} cannot be simulated:\n${problems.map((p) => `${p.path}: ${p.message}\n`).join('')}`);
    return EXIT.invalid;
  }

  const simulation = await simulateAcross(diagram, { requests, seed }, io.replicationHost);
  const comparison = compareWithEstimate(estimate(diagram, { catalog }), simulation);
  if (args.flags.has('json')) {
    io.stdout(`${JSON.stringify({ ...simulation, comparison }, null, 2)}\n`);
    return EXIT.ok;
  }
  const labels = new Map(diagram.nodes.map((n) => [n.id, n.label]));
  const rows: string[][] = [['entry', 'figure', 'simulated (95% CI)', 'estimated', 'error', '']];
  for (const entry of comparison) {
    entry.figures.forEach((f, i) => {
      rows.push([
        i === 0 ? `${labels.get(entry.node) ?? entry.node} (${entry.requests.toLocaleString('en-US')} requests)` : '',
        f.figure,
        interval(f.simulatedMs, f.halfWidthMs),
        f.estimatedMs === null ? 'unbounded' : formatMs(f.estimatedMs),
        f.relativeError === null ? '' : `${f.relativeError >= 0 ? '+' : ''}${(f.relativeError * 100).toFixed(1)}%`,
        f.disagrees ? '!' : '',
      ]);
    });
  }
  const flagged = comparison.some((e) => e.figures.some((f) => f.disagrees));
  io.stdout(
    `Simulated ${simulation.requests.toLocaleString('en-US')} requests (seed ${simulation.seed}, ${simulation.replications} runs, ${simulation.simulatedSeconds.toFixed(1)} s of traffic after their warm-ups)\n\n` +
      `${renderTable(rows, new Set([2, 3, 4]))}\n` +
      (flagged ? '\n! the estimate is off by more than the interval + 5% here: trust the simulation\n' : ''),
  );
  return EXIT.ok;
}
