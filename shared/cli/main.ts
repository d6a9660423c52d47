import { parseArgs, type FlagSpec, type ParsedArgs } from './args';
import { didYouMean } from '../model/didYouMean';
import { EXIT, type CliIO } from './io';

/** What a command module gives: its help text and how to run it. */
interface CommandBody {
  help: string;
  run: (args: ParsedArgs, io: CliIO) => number | Promise<number>;
}

export interface Command {
  summary: string;
  flags: FlagSpec;
  /** Loads the command's module on use, so each command starts without loading the others (exporters, blueprints). */
  load: () => Promise<CommandBody>;
}

/** Every `mlsd` command, by name. */
export const COMMANDS: Record<string, Command> = {
  validate: {
    summary: 'check a diagram file against the format',
    flags: { prices: 'value' },
    load: () => import('./commands/validate').then((m) => ({ help: m.validateHelp, run: m.validateCommand })),
  },
  estimate: {
    summary: 'rates, latency percentiles, servers, storage and cost',
    flags: { json: true, check: true, prices: 'value', traffic: 'value', scenario: 'value' },
    load: () => import('./commands/estimate').then((m) => ({ help: m.estimateHelp, run: m.estimateCommand })),
  },
  explain: {
    summary: 'how each figure of a node is derived, with the actual inputs',
    flags: { json: true, traffic: 'value', prices: 'value', scenario: 'value' },
    load: () => import('./commands/explain').then((m) => ({ help: m.explainHelp, run: m.explainCommand })),
  },
  diff: {
    summary: 'compare two designs or two scenarios: changes and figure deltas',
    flags: { json: true, scenario: 'value', traffic: 'value', prices: 'value' },
    load: () => import('./commands/diff').then((m) => ({ help: m.diffHelp, run: m.diffCommand })),
  },
  simulate: {
    summary: 'check the estimate by a discrete-event simulation',
    flags: { json: true, requests: 'value', seed: 'value' },
    load: () => import('./commands/simulate').then((m) => ({ help: m.simulateHelp, run: m.simulateCommand })),
  },
  sweep: {
    summary: 'p99 and cost from 0.1x to 100x load, and where the design breaks',
    flags: { json: true, csv: true, from: 'value', to: 'value', points: 'value', 'fixed-fleet': true, prices: 'value' },
    load: () => import('./commands/planner').then((m) => ({ help: m.sweepHelp, run: m.sweepCommand })),
  },
  sensitivity: {
    summary: 'which inputs move p99 and cost most, each moved +-50%',
    flags: { json: true, range: 'value', 'fixed-fleet': true, prices: 'value' },
    load: () => import('./commands/planner').then((m) => ({ help: m.sensitivityHelp, run: m.sensitivityCommand })),
  },
  failures: {
    summary: 'figures with a node down, a cache cold or a zone lost; survives one replica lost?',
    flags: { json: true, zones: 'value', prices: 'value' },
    load: () => import('./commands/planner').then((m) => ({ help: m.failuresHelp, run: m.failuresCommand })),
  },
  blueprints: {
    summary: 'list the ten case-study blueprints',
    flags: { json: true },
    load: () => import('./commands/blueprints').then((m) => ({ help: m.blueprintsHelp, run: m.blueprintsCommand })),
  },
  new: {
    summary: 'start a new diagram from a blueprint',
    flags: { output: 'value', force: true },
    load: () => import('./commands/blueprints').then((m) => ({ help: m.newHelp, run: m.newCommand })),
  },
  export: {
    summary: 'export to SVG, PNG, PDF, Markdown, Mermaid, draw.io or Excalidraw',
    flags: { format: 'value', output: 'value', 'no-figures': true, theme: 'value', paper: 'value', prices: 'value' },
    load: () => import('./commands/export').then((m) => ({ help: m.exportHelp, run: m.exportCommand })),
  },
  import: {
    summary: 'read a Mermaid flowchart, a draw.io file or an Excalidraw scene into a diagram',
    flags: { output: 'value', page: 'value' },
    load: () => import('./commands/import').then((m) => ({ help: m.importHelp, run: m.importCommand })),
  },
  layout: {
    summary: 'fill in node positions with an automatic layout',
    flags: { output: 'value' },
    load: () => import('./commands/export').then((m) => ({ help: m.layoutHelp, run: m.layoutCommand })),
  },
};

/** The command with this name; names of built-in object properties (`constructor`) are no commands. */
export function findCommand(name: string, commands: Record<string, Command> = COMMANDS): Command | undefined {
  return Object.hasOwn(commands, name) ? commands[name] : undefined;
}

function usageOf(commands: Record<string, Command>): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `MLSD Studio command line

Usage: mlsd COMMAND [options]

Commands:
${lines.join('\n')}

mlsd COMMAND --help shows a command's options; mlsd --version prints the version.
`;
}

/**
 * Runs the `mlsd` command line (with `hostCommands`, commands only its host
 * can run, such as `serve` on Node) and returns its exit code: 0 done, 1 invalid
 * input, 2 usage error, 3 a failed --check. Never throws for bad input.
 */
export async function runCli(argv: readonly string[], io: CliIO, version: string, hostCommands: Record<string, Command> = {}): Promise<number> {
  const commands = { ...COMMANDS, ...hostCommands };
  const usage = () => usageOf(commands);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] ? findCommand(rest[0], commands) : undefined;
    (name === undefined ? io.stderr : io.stdout)(topic ? `${(await topic.load()).help}\n` : usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`mlsd ${version}\n`);
    return EXIT.ok;
  }
  const command = findCommand(name, commands);
  if (!command) {
    io.stderr(`mlsd: unknown command "${name}"${didYouMean(name, Object.keys(commands))}\n\n${usage()}`);
    return EXIT.usage;
  }
  const body = await command.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${body.help}\n`);
    return EXIT.ok;
  }
  const parsed = parseArgs(rest, command.flags, { o: 'output' });
  if (!parsed.ok) {
    io.stderr(`mlsd ${name}: ${parsed.message}\n\n${body.help}\n`);
    return EXIT.usage;
  }
  return body.run(parsed.args, io);
}
