#!/usr/bin/env node
// Runs the TypeScript command line through tsx's loader, so `npx mlsd` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../cli/mlsd.ts');
