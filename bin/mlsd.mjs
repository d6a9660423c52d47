#!/usr/bin/env node
// Runs the prebuilt command line (dist/cli/mlsd.mjs, built by `npm install`); where
// it has not been built, or MLSD_FROM_SOURCE=1 asks for it (while editing the sources),
// runs the TypeScript sources through tsx's loader instead.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/mlsd.mjs', import.meta.url);
if (existsSync(bundle) && !process.env.MLSD_FROM_SOURCE) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/mlsd.ts');
}
