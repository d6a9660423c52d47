import { readFileSync } from 'node:fs';
import { runCli } from '../shared/cli/main';
import { nodeIO } from './nodeIO';

/** Set by the bundler (scripts/build-cli.mjs); absent when running from the sources. */
declare const MLSD_VERSION: string | undefined;

const version =
  typeof MLSD_VERSION === 'string'
    ? MLSD_VERSION
    : (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

try {
  process.exitCode = await runCli(process.argv.slice(2), nodeIO, version);
} catch (error) {
  process.stderr.write(`mlsd: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
