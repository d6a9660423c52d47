import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRenderer, launchChromiumServer, previewRenderer, type AppServer } from '../e2e/chromium';

/** The environment variable naming the folder where the browser tests of one run find the app's server (see sharedRun in tests/e2e/browser.ts). */
export const SHARED_RUN_ENV = 'MLSD_E2E_RUN_DIR';
/** The environment variable holding the address of the run's Chromium, which every browser test file connects to. */
export const SHARED_CHROMIUM_ENV = 'MLSD_E2E_CHROMIUM';

/**
 * For a run that holds browser tests (the browser project's set-up): starts
 * one Chromium, and builds the renderer and serves it, once for every browser
 * test file. The build runs in the background, while the tests that need no
 * browser do; the run's folder then gets `served` (the app's address) or
 * `failed` (why not). All is stopped and removed when the run ends.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-e2e-run-'));
  process.env[SHARED_RUN_ENV] = dir;
  let stopBuild = () => {};
  let server: AppServer | undefined;
  const serving = buildRenderer(join(dir, 'renderer'), (stop) => void (stopBuild = stop))
    .then(async () => {
      server = await previewRenderer(join(dir, 'renderer'));
      writeFileSync(join(dir, 'served'), server.url);
    })
    .catch((error: unknown) => writeFileSync(join(dir, 'failed'), String(error)));
  const browser = await launchChromiumServer();
  process.env[SHARED_CHROMIUM_ENV] = browser.wsEndpoint();
  return async () => {
    stopBuild();
    await serving;
    await Promise.all([browser.close(), server?.close()]);
    rmSync(dir, { recursive: true, force: true });
  };
}
