import type { CliIO } from './io';
import { findCommandIn, runCommands, type Command } from './run';
import { COMMAND_SPECS } from './specs';

export type { Command } from './run';

/** Every `mlsd` command, by name. */
export const COMMANDS: Record<string, Command> = {
  validate: { ...COMMAND_SPECS.validate, load: () => import('./commands/validate').then((m) => ({ help: m.validateHelp, run: m.validateCommand })) },
  estimate: { ...COMMAND_SPECS.estimate, load: () => import('./commands/estimate').then((m) => ({ help: m.estimateHelp, run: m.estimateCommand })) },
  explain: { ...COMMAND_SPECS.explain, load: () => import('./commands/explain').then((m) => ({ help: m.explainHelp, run: m.explainCommand })) },
  diff: { ...COMMAND_SPECS.diff, load: () => import('./commands/diff').then((m) => ({ help: m.diffHelp, run: m.diffCommand })) },
  simulate: { ...COMMAND_SPECS.simulate, load: () => import('./commands/simulate').then((m) => ({ help: m.simulateHelp, run: m.simulateCommand })) },
  sweep: { ...COMMAND_SPECS.sweep, load: () => import('./commands/planner').then((m) => ({ help: m.sweepHelp, run: m.sweepCommand })) },
  sensitivity: { ...COMMAND_SPECS.sensitivity, load: () => import('./commands/planner').then((m) => ({ help: m.sensitivityHelp, run: m.sensitivityCommand })) },
  failures: { ...COMMAND_SPECS.failures, load: () => import('./commands/planner').then((m) => ({ help: m.failuresHelp, run: m.failuresCommand })) },
  blueprints: { ...COMMAND_SPECS.blueprints, load: () => import('./commands/blueprints').then((m) => ({ help: m.blueprintsHelp, run: m.blueprintsCommand })) },
  new: { ...COMMAND_SPECS.new, load: () => import('./commands/blueprints').then((m) => ({ help: m.newHelp, run: m.newCommand })) },
  export: { ...COMMAND_SPECS.export, load: () => import('./commands/export').then((m) => ({ help: m.exportHelp, run: m.exportCommand })) },
  import: { ...COMMAND_SPECS.import, load: () => import('./commands/import').then((m) => ({ help: m.importHelp, run: m.importCommand })) },
  layout: { ...COMMAND_SPECS.layout, load: () => import('./commands/export').then((m) => ({ help: m.layoutHelp, run: m.layoutCommand })) },
};

/** The command with this name; names of built-in object properties (`constructor`) are no commands. */
export function findCommand(name: string, commands: Record<string, Command> = COMMANDS): Command | undefined {
  return findCommandIn(name, commands);
}

/**
 * Runs the `mlsd` command line (with `hostCommands`, commands only its host
 * can run, such as `serve` on Node) and returns its exit code: 0 done, 1 invalid
 * input, 2 usage error, 3 a failed --check. Never throws for bad input.
 */
export function runCli(argv: readonly string[], io: CliIO, version: string, hostCommands: Record<string, Command> = {}): Promise<number> {
  return runCommands(argv, io, version, { ...COMMANDS, ...hostCommands });
}
