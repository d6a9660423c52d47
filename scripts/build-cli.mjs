// Bundles the command line (cli/mlsd.ts) into dist/cli/mlsd.mjs, so `mlsd` starts
// without compiling TypeScript. Runs from `npm install` / `npm ci` (the prepare
// script); where esbuild is not installed, bin/mlsd.mjs runs the sources through tsx.
import { readFileSync, rmSync } from 'node:fs';

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.log('esbuild is not installed: mlsd will run from its TypeScript sources');
  process.exit(0);
}
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist/cli', import.meta.url), { recursive: true, force: true });
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
  // Native and large packages load from node_modules, and only when a command needs them.
  external: ['@resvg/resvg-js', 'elkjs', '@hocuspocus/*', 'ioredis', 'yjs', 'ws'],
  define: { MLSD_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
  metafile: true,
});
// `import { z } from 'zod'` keeps all of zod (every locale) in the bundle and costs each
// command about 0.1 s of start-up; `import * as z from 'zod'` lets the unused parts go.
const bundled = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
const locales = bundled.filter((path) => /zod\/v4\/locales\/(?!en\.js|index\.js)/.test(path));
if (locales.length > 0) console.warn(`mlsd bundle holds ${locales.length} zod locales: import zod as a namespace (import * as z from 'zod')`);
console.log('built dist/cli/mlsd.mjs');
