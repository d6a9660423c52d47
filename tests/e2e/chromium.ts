import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

/**
 * Chromium and the app's server for the browser tests, without the test
 * runner: used by the run's set-up (tests/setup/rendererBuild.ts), which
 * starts one of each for every browser test file, and by the benchmarks.
 */

const ROOT = resolve(import.meta.dirname, '../..');

/** Debian's Chromium, run headless as the machine allows (root, no GPU, no background traffic). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Starts Chromium for this process alone. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Starts Chromium for other processes to connect to (its `wsEndpoint()`). */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * Builds the renderer, as shipped (production mode), into a folder, in a
 * process of its own (the test runner's NODE_ENV is "test", and its workers
 * inherit the environment). `onStart` gets the process, to stop it early.
 */
export async function buildRenderer(outDir: string, onStart?: (stop: () => void) => void): Promise<void> {
  const vite = join(dirname(createRequire(join(ROOT, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
  const build = spawn(process.execPath, [vite, 'build', '--config', join(ROOT, 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  onStart?.(() => build.kill());
  let stderr = '';
  build.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  await new Promise<void>((done, fail) => {
    build.once('error', fail);
    build.once('close', (code, signal) => (code === 0 ? done() : fail(new Error(`vite build exited with ${code ?? signal}: ${stderr}`))));
  });
}

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** A running server of the app. */
export interface AppServer {
  url: string;
  outDir: string;
  close: () => Promise<void>;
}

/** Serves a build of the renderer on a free local port. */
export async function previewRenderer(outDir: string): Promise<AppServer> {
  const { preview } = await import('vite');
  const port = await freePort();
  const server = await preview({
    configFile: join(ROOT, 'vite.config.ts'),
    root: join(ROOT, 'renderer'),
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1' },
    logLevel: 'error',
  });
  return { url: `http://127.0.0.1:${port}/`, outDir, close: () => new Promise((done) => server.httpServer.close(() => done())) };
}
