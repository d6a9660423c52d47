#!/usr/bin/env node
// Runs the prebuilt command line (dist/cli, built by `npm install`); where it has not
// been built, or MLSD_FROM_SOURCE=1 asks for it (while editing the sources), runs the
// TypeScript sources through tsx's loader instead.
import { existsSync } from 'node:fs';

const dist = new URL('../dist/cli/', import.meta.url);
if (existsSync(new URL('mlsd.mjs', dist)) && !process.env.MLSD_FROM_SOURCE) {
  // Options (--help, --version) are never a reading command: they skip the look.
  const command = process.argv[2];
  const starter = command && !command.startsWith('-') ? await import('./readingBundle.mjs') : undefined;
  const reading = starter?.readingBundle(dist, command);
  if (reading) await starter.runReadingBundle(reading, process.env.MLSD_WRITE_CODE_CACHE === '1');
  else await import(new URL('mlsd.mjs', dist).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/mlsd.ts');
}
