import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variable naming the folder the browser tests of one run share their renderer build in. */
export const SHARED_BUILD_ENV = 'MLSD_E2E_BUILD_DIR';

/**
 * Gives the run a folder for one build of the renderer, made by whichever
 * browser test file needs it first and served by every other one (see
 * builtRenderer in tests/e2e/browser.ts); removed when the run ends. Runs
 * that hold no browser test never build it.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-e2e-run-'));
  process.env[SHARED_BUILD_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
