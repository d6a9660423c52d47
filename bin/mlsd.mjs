#!/usr/bin/env node
// Runs the prebuilt command line (dist/cli/mlsd.mjs, built by `npm install`); where
// it has not been built, runs the TypeScript sources through tsx's loader instead.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/mlsd.mjs', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/mlsd.ts');
}
