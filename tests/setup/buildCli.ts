import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Rebuilds the prebuilt command line before the tests, so the tests that run
 * `mlsd` as a process never run a bundle older than the sources.
 */
export default function setup(): void {
  execFileSync(process.execPath, [resolve(import.meta.dirname, '../../scripts/build-cli.mjs')], { stdio: 'ignore' });
}
