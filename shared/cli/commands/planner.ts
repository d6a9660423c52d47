import type { Catalog } from '../../catalog';
import type { Diagram } from '../../model/schema';
import { DEFAULT_ZONES, failureFigures, survivesOneReplicaLoss, type Failure } from '../../planner/failures';
import { labelOf, type PlanFigures } from '../../planner/figures';
import { sensitivity } from '../../planner/sensitivity';
import { formatMultiplier, MAX_SWEEP_POINTS, sweep } from '../../planner/sweep';
import { formatMs, formatUsd, significant } from '../../units';
import type { ParsedArgs } from '../args';
import { EXIT, type CliIO } from '../io';
import { readCatalog, readDiagram } from '../readInputs';
import { renderTable } from '../table';
import { MAX_TRAFFIC_MULTIPLIER } from './estimate';

export const sweepHelp = `mlsd sweep FILE [--from X] [--to X] [--points N] [--fixed-fleet] [--json | --csv] [--prices FILE]

p99 of each traffic entry and monthly cost against a load multiplier, and
where the design breaks: the load at which the first node saturates and
each budget is first missed ("breaks at 3.1x: Ranker saturates").
  --from, --to    the multipliers, log-spaced (default 0.1 to 100)
  --points        how many (default 100, at most ${MAX_SWEEP_POINTS})
  --fixed-fleet   hold "auto" pools at their replicas at 1x
  --json, --csv   print the points as JSON or CSV (p99 empty where unbounded)
Exit codes: 0 swept; 1 unreadable or invalid file; 2 usage error.`;

export const sensitivityHelp = `mlsd sensitivity FILE [--range R] [--fixed-fleet] [--json] [--prices FILE]

Moves every numeric input (latencies, hit rates, calls, replica limits,
DAU/QPS, payload and storage sizes) down and up by R (default 0.5, +-50%),
one at a time, and ranks them by how far they move the worst entry p99 and
the monthly cost.
Exit codes: 0 done; 1 unreadable or invalid file; 2 usage error.`;

export const failuresHelp = `mlsd failures FILE [--zones N] [--json] [--prices FILE]

The figures under each failure beside the normal ones, on the fleet sized
at 1x: every node down in turn (calls go to an edge's fallback or fail),
every cache cold, one zone of N lost (default ${DEFAULT_ZONES}), and per pool
whether the design survives the loss of any one replica.
Exit codes: 0 done; 1 unreadable or invalid file; 2 usage error.`;

function load(name: string, args: ParsedArgs, io: CliIO, help: string): { diagram: Diagram; catalog: Catalog } | number {
  if (args.positionals.length !== 1) {
    io.stderr(`mlsd ${name}: expected one FILE\n\n${help}\n`);
    return EXIT.usage;
  }
  const catalog = readCatalog(io, args.flags.get('prices') as string | undefined);
  if (!catalog) return EXIT.invalid;
  const diagram = readDiagram(io, args.positionals[0]!, catalog);
  return diagram ? { diagram, catalog } : EXIT.invalid;
}

/** A numeric flag within bounds, or an error message naming the flag. */
function numberFlag(args: ParsedArgs, flag: string, fallback: number, ok: (n: number) => boolean, bounds: string): number | string {
  const raw = args.flags.get(flag);
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return ok(value) ? value : `--${flag} must be ${bounds}, not ${JSON.stringify(raw)}`;
}

const p99Text = (ms: number | null) => (ms === null ? 'unbounded' : formatMs(ms));

/** `mlsd sweep FILE`. */
export function sweepCommand(args: ParsedArgs, io: CliIO): number {
  const from = numberFlag(args, 'from', 0.1, (n) => n > 0 && n <= MAX_TRAFFIC_MULTIPLIER, `a positive number up to ${MAX_TRAFFIC_MULTIPLIER}`);
  const to = numberFlag(args, 'to', 100, (n) => n > 0 && n <= MAX_TRAFFIC_MULTIPLIER, `a positive number up to ${MAX_TRAFFIC_MULTIPLIER}`);
  const points = numberFlag(args, 'points', 100, (n) => Number.isInteger(n) && n >= 2 && n <= MAX_SWEEP_POINTS, `a whole number from 2 to ${MAX_SWEEP_POINTS}`);
  const problem = [from, to, points].find((v) => typeof v === 'string') ?? (from >= to ? '--from must be below --to' : undefined);
  if (problem !== undefined || (args.flags.has('json') && args.flags.has('csv'))) {
    io.stderr(`mlsd sweep: ${problem ?? '--json and --csv are exclusive'}\n`);
    return EXIT.usage;
  }
  const input = load('sweep', args, io, sweepHelp);
  if (typeof input === 'number') return input;
  const { diagram, catalog } = input;
  const result = sweep(diagram, { catalog, fromMultiplier: from as number, toMultiplier: to as number, points: points as number, fixedFleet: args.flags.has('fixed-fleet') });
  const entries = diagram.nodes.filter((n) => n.kind === 'traffic');
  if (args.flags.has('json')) {
    io.stdout(`${JSON.stringify({ format: 'mlsd-studio/sweep', version: 1, ...result }, (_k, v) => (v === Infinity ? null : v), 2)}\n`);
    return EXIT.ok;
  }
  const knees = [result.saturation, result.p99Budget, result.costBudget].filter((k) => k !== undefined).map((k) => k.text);
  if (args.flags.has('csv')) {
    const header = ['multiplier', ...entries.map((e) => `p99_ms_${e.id}`), 'worst_p99_ms', 'cost_usd_per_month', 'saturated'];
    const rows = result.points.map((p) => [
      significant(p.multiplier, 6), ...p.entries.map((e) => (e.p99Ms === null ? '' : String(e.p99Ms))),
      p.worstP99Ms === null ? '' : String(p.worstP99Ms), p.costUsdPerMonth.toFixed(2), p.saturated.join(' '),
    ]);
    io.stdout([header, ...rows].map((r) => r.join(',')).join('\n') + '\n');
    return EXIT.ok;
  }
  const rows = result.points.map((p) => [formatMultiplier(p.multiplier), p99Text(p.worstP99Ms), `${formatUsd(p.costUsdPerMonth)}/mo`, p.saturated.join(', ')]);
  io.stdout(`${diagram.title}: load sweep\n\n${renderTable([['load', 'worst p99', 'cost', 'saturated'], ...rows], new Set([1, 2]))}\n${knees.join('\n')}\n`);
  return EXIT.ok;
}

/** `mlsd sensitivity FILE`. */
export function sensitivityCommand(args: ParsedArgs, io: CliIO): number {
  const range = numberFlag(args, 'range', 0.5, (n) => n > 0 && n < 1, 'a share between 0 and 1 (0.5 is +-50%)');
  if (typeof range === 'string') {
    io.stderr(`mlsd sensitivity: ${range}\n`);
    return EXIT.usage;
  }
  const input = load('sensitivity', args, io, sensitivityHelp);
  if (typeof input === 'number') return input;
  const { diagram, catalog } = input;
  const result = sensitivity(diagram, { catalog, range, fixedFleet: args.flags.has('fixed-fleet') });
  if (args.flags.has('json')) {
    io.stdout(`${JSON.stringify({ format: 'mlsd-studio/sensitivity', version: 1, ...result }, (_k, v) => (v === Infinity ? 'unbounded' : v), 2)}\n`);
    return EXIT.ok;
  }
  const pct = `${Math.round(range * 100)}%`;
  const effect = (ms: number) => (ms === Infinity ? 'saturates' : `${significant(ms)} ms`);
  const p99Rows = result.byP99.slice(0, 15).map((e) => [e.label, effect(e.p99EffectMs), p99Text(e.low.worstP99Ms), p99Text(e.high.worstP99Ms)]);
  const costRows = result.byCost.slice(0, 15).map((e) => [e.label, formatUsd(e.costEffectUsd), formatUsd(e.low.costUsdPerMonth), formatUsd(e.high.costUsdPerMonth)]);
  io.stdout(
    `${diagram.title}: each input moved -${pct} and +${pct}; worst p99 ${p99Text(result.base.worstP99Ms)}, cost ${formatUsd(result.base.costUsdPerMonth)}/mo\n\n` +
      `What moves p99 most\n${renderTable([['input', 'effect', `at -${pct}`, `at +${pct}`], ...p99Rows], new Set([1, 2, 3]))}\n` +
      `What moves cost most (per month)\n${renderTable([['input', 'effect', `at -${pct}`, `at +${pct}`], ...costRows], new Set([1, 2, 3]))}`,
  );
  return EXIT.ok;
}

/** Every failure the command reports: each node down, each cache cold, one zone lost. */
export function everyFailure(diagram: Diagram, zones: number): Failure[] {
  return [
    ...diagram.nodes.filter((n) => n.kind !== 'traffic').map((n): Failure => ({ kind: 'node-down', node: n.id })),
    ...diagram.nodes.filter((n) => n.cache && n.cache.hitRate > 0).map((n): Failure => ({ kind: 'cold-cache', node: n.id })),
    { kind: 'zone-lost', zones },
  ];
}

const summary = (f: PlanFigures) => `${p99Text(f.worstP99Ms)}, ${formatUsd(f.costUsdPerMonth)}/mo`;

/** `mlsd failures FILE`. */
export function failuresCommand(args: ParsedArgs, io: CliIO): number {
  const zones = numberFlag(args, 'zones', DEFAULT_ZONES, (n) => Number.isInteger(n) && n >= 2 && n <= 100, 'a whole number from 2 to 100');
  if (typeof zones === 'string') {
    io.stderr(`mlsd failures: ${zones}\n`);
    return EXIT.usage;
  }
  const input = load('failures', args, io, failuresHelp);
  if (typeof input === 'number') return input;
  const { diagram, catalog } = input;
  const results = everyFailure(diagram, zones).map((f) => failureFigures(diagram, f, { catalog }));
  const replicas = survivesOneReplicaLoss(diagram, { catalog });
  if (args.flags.has('json')) {
    io.stdout(`${JSON.stringify({ format: 'mlsd-studio/failures', version: 1, failures: results, replicaLoss: replicas }, null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = results.map((r) => [r.title, summary(r.normal), summary(r.failed), [...r.failed.saturated.map((id) => `${labelOf(diagram, id)} saturates`), ...r.failingCalls.map((c) => c.text)].join('; ')]);
  const checks = replicas.map((c) => [c.label, String(c.replicas), c.survives ? 'yes' : 'no', c.reason ?? '']);
  io.stdout(
    `${diagram.title}: failures (worst p99, cost) on the fleet sized at 1x\n\n` +
      `${renderTable([['failure', 'normal', 'under failure', 'saturated or failing'], ...rows])}\n` +
      `Survives the loss of any one replica?\n${renderTable([['pool', 'replicas', 'survives', 'why not'], ...checks])}`,
  );
  return EXIT.ok;
}
