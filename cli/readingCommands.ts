/**
 * The commands that read one design and print its figures (validate,
 * estimate, explain), bundled on their own by scripts/build-cli.mjs: a
 * script small enough to start from V8's code cache (see bin/mlsd.mjs),
 * with the same command table and output as the full command line.
 */
import { estimateCommand, estimateHelp } from '../shared/cli/commands/estimate';
import { explainCommand, explainHelp } from '../shared/cli/commands/explain';
import { validateCommand, validateHelp } from '../shared/cli/commands/validate';
import { runCommands, type Command } from '../shared/cli/run';
import { COMMAND_SPECS } from '../shared/cli/specs';
import { runInProcess } from './host';

/** Set by the bundler (scripts/build-cli.mjs); the reading commands never print it (`mlsd --version` runs the full command line). */
declare const MLSD_VERSION: string | undefined;
const version = typeof MLSD_VERSION === 'string' ? MLSD_VERSION : 'unbundled';

const READING_COMMANDS: Record<string, Command> = {
  validate: { ...COMMAND_SPECS.validate, load: async () => ({ help: validateHelp, run: validateCommand }) },
  estimate: { ...COMMAND_SPECS.estimate, load: async () => ({ help: estimateHelp, run: estimateCommand }) },
  explain: { ...COMMAND_SPECS.explain, load: async () => ({ help: explainHelp, run: explainCommand }) },
};

/** The names of the commands this bundle runs; the build writes them next to it for bin/mlsd.mjs. */
export const READING_COMMAND_NAMES = Object.keys(READING_COMMANDS);

/** Runs the command line's reading commands in this process. */
export function runReadingCommand(): Promise<void> {
  return runInProcess((argv, io) => runCommands(argv, io, version, READING_COMMANDS));
}
