import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runCli, type Command } from '../shared/cli/main';
import { runInProcess } from './host';
import { replicationHostFor } from './replicationRunner';
import { bundledWorker } from './workerThread';

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

/** The worker scripts the build writes next to this bundle (dist/cli/reading); absent when running from the sources. */
const workers = fileURLToPath(new URL('reading/', import.meta.url));

await runInProcess((argv, io) =>
  runCli(argv, { ...io, replicationHost: replicationHostFor(bundledWorker(workers, 'replicationWorker.cjs'), availableParallelism()) }, version, nodeCommands),
);
