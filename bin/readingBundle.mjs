// Starts the reading commands (validate, estimate, explain) from their own bundle,
// dist/cli/reading/reading.cjs, compiled from V8's code cache where the build left
// one for this Node: the bundle's functions then start as bytecode instead of being
// parsed and compiled on every run. A cache V8 rejects (another Node, other flags)
// is ignored and the bundle compiles from its source, with the same output.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { constants, Script } from 'node:vm';

/** Where the build writes the code cache for this Node (V8 reads only its own version's). */
export function cacheFileName() {
  return `reading-${process.versions.v8}-${process.arch}.cache`;
}

/** The reading bundle's files when it runs `command`, or undefined to run the full command line. */
export function readingBundle(dist, command) {
  const folder = new URL('reading/', dist);
  const manifest = new URL('manifest.json', folder);
  if (command === undefined || !existsSync(manifest)) return undefined;
  const { commands } = JSON.parse(readFileSync(manifest, 'utf8'));
  if (!commands.includes(command)) return undefined;
  return { script: fileURLToPath(new URL('reading.cjs', folder)), cache: fileURLToPath(new URL(cacheFileName(), folder)) };
}

/**
 * Runs the bundle as a CommonJS module, from the code cache when V8 accepts
 * it. With `writeCache` (the build), writes the cache once the command is done,
 * holding every function the command ran.
 */
export async function runReadingBundle({ script, cache }, writeCache = false) {
  // A reading command on a design of a few dozen nodes ends within a few hundred ms,
  // before code optimized by V8's top tier would pay for its compilation (on the
  // news-feed estimate that compilation was a quarter of the process's work). A
  // function now has to run longer before it is optimized; on large designs the hot
  // ones still are, and take no longer. Set before compiling: the cache holds the flags.
  setFlagsFromString('--interrupt-budget=1000000');
  const source = readFileSync(script, 'utf8');
  const cachedData = !writeCache && existsSync(cache) ? readFileSync(cache) : undefined;
  const compiled = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: script,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  compiled.runInThisContext()(module.exports, createRequire(script), module, script, dirname(script));
  await module.exports.runReadingCommand();
  if (writeCache) writeFileSync(cache, compiled.createCachedData());
}
