import { parseArgs, type FlagSpec, type ParsedArgs } from './args';
import { blueprintsCommand, blueprintsHelp, newCommand, newHelp } from './commands/blueprints';
import { estimateCommand, estimateHelp } from './commands/estimate';
import { exportCommand, exportHelp, layoutCommand, layoutHelp } from './commands/export';
import { importCommand, importHelp } from './commands/import';
import { validateCommand, validateHelp } from './commands/validate';
import { EXIT, type CliIO } from './io';

interface Command {
  summary: string;
  help: string;
  flags: FlagSpec;
  run: (args: ParsedArgs, io: CliIO) => number | Promise<number>;
}

/** Every `mlsd` command, by name. */
export const COMMANDS: Record<string, Command> = {
  validate: { summary: 'check a diagram file against the format', help: validateHelp, flags: { prices: 'value' }, run: validateCommand },
  estimate: {
    summary: 'rates, latency percentiles, servers, storage and cost',
    help: estimateHelp,
    flags: { json: true, check: true, prices: 'value', traffic: 'value' },
    run: estimateCommand,
  },
  blueprints: { summary: 'list the ten case-study blueprints', help: blueprintsHelp, flags: { json: true }, run: blueprintsCommand },
  new: { summary: 'start a new diagram from a blueprint', help: newHelp, flags: { output: 'value', force: true }, run: newCommand },
  export: {
    summary: 'export to SVG, PNG, PDF, Markdown, Mermaid, draw.io or Excalidraw',
    help: exportHelp,
    flags: { format: 'value', output: 'value', 'no-figures': true, theme: 'value', paper: 'value', prices: 'value' },
    run: exportCommand,
  },
  import: { summary: 'read a Mermaid flowchart or a draw.io file into a diagram', help: importHelp, flags: { output: 'value' }, run: importCommand },
  layout: { summary: 'fill in node positions with an automatic layout', help: layoutHelp, flags: { output: 'value' }, run: layoutCommand },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `MLSD Studio command line

Usage: mlsd COMMAND [options]

Commands:
${lines.join('\n')}

mlsd COMMAND --help shows a command's options; mlsd --version prints the version.
`;
}

/**
 * Runs the `mlsd` command line and returns its exit code: 0 done, 1 invalid
 * input, 2 usage error, 3 a failed --check. Never throws for bad input.
 */
export async function runCli(argv: readonly string[], io: CliIO, version: string): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined;
    (name === undefined ? io.stderr : io.stdout)(topic ? `${topic.help}\n` : usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`mlsd ${version}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`mlsd: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.help}\n`);
    return EXIT.ok;
  }
  const parsed = parseArgs(rest, command.flags, { o: 'output' });
  if (!parsed.ok) {
    io.stderr(`mlsd ${name}: ${parsed.message}\n\n${command.help}\n`);
    return EXIT.usage;
  }
  return command.run(parsed.args, io);
}
