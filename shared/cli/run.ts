import { parseArgs, type FlagSpec, type ParsedArgs } from './args';
import { didYouMean } from '../model/didYouMean';
import { EXIT, type CliIO } from './io';

/** What a command module gives: its help text and how to run it. */
export interface CommandBody {
  help: string;
  run: (args: ParsedArgs, io: CliIO) => number | Promise<number>;
}

/** A command's one-line summary and the flags it takes. */
export interface CommandSpec {
  summary: string;
  flags: FlagSpec;
}

export interface Command extends CommandSpec {
  /** Loads the command's module on use, so each command starts without loading the others (exporters, blueprints). */
  load: () => Promise<CommandBody>;
}

/** The command with this name in `commands`; names of built-in object properties (`constructor`) are no commands. */
export function findCommandIn(name: string, commands: Record<string, Command>): Command | undefined {
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
 * Runs the command line over this table of commands and returns its exit
 * code: 0 done, 1 invalid input, 2 usage error, 3 a failed --check. Never
 * throws for bad input.
 */
export async function runCommands(argv: readonly string[], io: CliIO, version: string, commands: Record<string, Command>): Promise<number> {
  const usage = () => usageOf(commands);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] ? findCommandIn(rest[0], commands) : undefined;
    (name === undefined ? io.stderr : io.stdout)(topic ? `${(await topic.load()).help}\n` : usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`mlsd ${version}\n`);
    return EXIT.ok;
  }
  const command = findCommandIn(name, commands);
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
