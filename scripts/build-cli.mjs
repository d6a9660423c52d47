// Bundles the command line (cli/mlsd.ts) into dist/cli/mlsd.mjs, so `mlsd` starts
// without compiling TypeScript. Runs from `npm install` / `npm ci` (the prepare
// script); where esbuild is not installed, bin/mlsd.mjs runs the sources through tsx.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.log('esbuild is not installed: mlsd will run from its TypeScript sources');
  process.exit(0);
}
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist/cli', import.meta.url), { recursive: true, force: true });
// Native and large packages load from node_modules, and only when a command needs them.
const external = ['@resvg/resvg-js', 'elkjs', '@hocuspocus/*', 'ioredis', 'yjs', 'ws'];
const define = { MLSD_VERSION: JSON.stringify(version) };
const { metafile } = await esbuild.build({
  entryPoints: [new URL('../cli/mlsd.ts', import.meta.url).pathname],
  outdir: new URL('../dist/cli', import.meta.url).pathname,
  outExtension: { '.js': '.mjs' },
  // One chunk per command, loaded when it runs.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  define,
  logLevel: 'warning',
  metafile: true,
});
// `import { z } from 'zod'` keeps all of zod (every locale) in the bundle and costs each
// command about 0.1 s of start-up; `import * as z from 'zod'` lets the unused parts go.
const bundled = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
const locales = bundled.filter((path) => /zod\/v4\/locales\/(?!en\.js|index\.js)/.test(path));
if (locales.length > 0) console.warn(`mlsd bundle holds ${locales.length} zod locales: import zod as a namespace (import * as z from 'zod')`);

/** Bundles one entry of cli/ into one CommonJS script of dist/cli/reading. */
const buildScript = (entry, script) =>
  esbuild.build({
    entryPoints: [new URL(`../cli/${entry}`, import.meta.url).pathname],
    outfile: new URL(`../dist/cli/reading/${script}`, import.meta.url).pathname,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // A third smaller to read on every start; names stay, so nothing else changes.
    minifyWhitespace: true,
    external,
    define,
    logLevel: 'warning',
  });
// The reading commands (validate, estimate, explain) also as one CommonJS script, which
// bin/mlsd.mjs compiles with V8's code cache: made here by estimating a blueprint once,
// it holds the bytecode of every function that run used.
await buildScript('readingCommands.ts', 'reading.cjs');
// The thread that makes sampled pools' runs beside an estimate (cli/poolRunner.ts starts it from next to the reading bundle).
await buildScript('poolWorker.ts', 'poolWorker.cjs');
// The thread that runs a simulation's other replications beside the first (cli/replicationRunner.ts, started from cli/mlsd.ts).
await buildScript('replicationWorker.ts', 'replicationWorker.cjs');
const readingScript = new URL('../dist/cli/reading/reading.cjs', import.meta.url);
const { READING_COMMAND_NAMES } = createRequire(import.meta.url)(fileURLToPath(readingScript));
writeFileSync(new URL('manifest.json', readingScript), `${JSON.stringify({ commands: READING_COMMAND_NAMES })}\n`);
const warmUp = spawnSync(process.execPath, [fileURLToPath(new URL('../bin/mlsd.mjs', import.meta.url)), 'estimate', fileURLToPath(new URL('../blueprints/news-feed.mlsd.json', import.meta.url))], {
  env: { ...process.env, MLSD_WRITE_CODE_CACHE: '1', MLSD_FROM_SOURCE: '' },
  encoding: 'utf8',
});
if (warmUp.status !== 0) console.warn(`mlsd: no code cache made (the warm-up run failed: ${warmUp.stderr.trim()})`);
console.log('built dist/cli/mlsd.mjs');
