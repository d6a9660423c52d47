import { readFileSync } from 'node:fs';
import { runCli, type Command } from '../shared/cli/main';
import { nodeIO } from './nodeIO';

/** Set by the bundler (scripts/build-cli.mjs); absent when running from the sources. */
declare const MLSD_VERSION: string | undefined;

const version =
  typeof MLSD_VERSION === 'string'
    ? MLSD_VERSION
    : (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Commands that need Node itself: a server. */
const nodeCommands: Record<string, Command> = {
  serve: {
    summary: 'run a collaboration server for live rooms (interviews in pairs)',
    flags: { port: 'value', host: 'value', data: 'value', redis: 'value', secret: 'value' },
    load: () => import('../server/serveCommand').then((m) => ({ help: m.serveHelp, run: m.serveCommand })),
  },
};

// A reader that stops early (`mlsd estimate --json F | head`) closes the pipe: the rest
// of the output has nowhere to go, which is what the reader asked for, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`mlsd: cannot write the output: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? 0 : 1);
});

try {
  process.exitCode = await runCli(process.argv.slice(2), nodeIO, version, nodeCommands);
} catch (error) {
  process.stderr.write(`mlsd: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
