import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { SHARED_BUILD_ENV } from '../setup/rendererBuild';

const ROOT = resolve(import.meta.dirname, '../..');

/** Debian's Chromium, run headless as the machine allows (root, no GPU, no background traffic). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Builds the renderer, as shipped (production mode), into a folder. */
async function buildRenderer(outDir: string): Promise<void> {
  // The test runner sets NODE_ENV=test; the app is tested as shipped, in production mode.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'renderer'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Longest a test file waits for another one's build of the renderer, ms. */
const SHARED_BUILD_WAIT_MS = 300_000;

/**
 * The folder holding a build of the renderer. In a test run, one build is
 * shared by every browser test file (the first file to ask makes it, the
 * others wait for its marker; see tests/setup/rendererBuild.ts); outside a
 * run (a bench, a script) each call builds its own.
 */
async function builtRenderer(): Promise<string> {
  const shared = process.env[SHARED_BUILD_ENV];
  if (!shared) {
    const outDir = mkdtempSync(join(tmpdir(), 'mlsd-e2e-'));
    await buildRenderer(outDir);
    return outDir;
  }
  const outDir = join(shared, 'renderer');
  const done = join(shared, 'built');
  const failed = join(shared, 'failed');
  try {
    mkdirSync(join(shared, 'lock'));
  } catch {
    for (let waited = 0; waited < SHARED_BUILD_WAIT_MS; waited += 200) {
      if (existsSync(done)) return outDir;
      if (existsSync(failed)) throw new Error(`the renderer build failed in another test file: ${readFileSync(failed, 'utf8')}`);
      await new Promise((wake) => setTimeout(wake, 200));
    }
    throw new Error(`no renderer build after ${SHARED_BUILD_WAIT_MS / 1000} s`);
  }
  try {
    await buildRenderer(outDir);
  } catch (error) {
    writeFileSync(failed, String(error));
    throw error;
  }
  writeFileSync(done, '');
  return outDir;
}

/** Serves a build of the renderer on a free local port. */
export async function serveRenderer(): Promise<{ url: string; outDir: string; close: () => Promise<void> }> {
  const outDir = await builtRenderer();
  const port = await freePort();
  const server: PreviewServer = await preview({
    configFile: join(ROOT, 'vite.config.ts'),
    root: join(ROOT, 'renderer'),
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1' },
    logLevel: 'error',
  });
  return { url: `http://127.0.0.1:${port}/`, outDir, close: () => new Promise((done) => server.httpServer.close(() => done())) };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page at 1440 x 900 that fails the test on any uncaught page error. */
export async function newPage(browser: Browser, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => errors.push(e.message));
  // Downloads and a file input stand in for the native file pickers, which a headless browser cannot answer.
  await page.addInitScript(() => {
    delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker;
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  return page;
}

/** Saves a screenshot for a person to look at (tests/e2e/screenshots, ignored by git). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ROOT, 'tests/e2e/screenshots', `${name}.png`) });
}

/** Clicks a toolbar action: its button when it fits the window, else its item in the "More" menu. */
export async function clickAction(page: Page, label: string): Promise<void> {
  const button = page.locator('.toolbar').getByRole('button', { name: label, exact: true });
  if ((await button.count()) > 0) return button.click();
  await page.getByRole('button', { name: 'More', exact: true }).click();
  await page.getByRole('menu').locator('.menu-item').filter({ has: page.locator('.menu-label').getByText(label, { exact: true }) }).click();
}

/** For one test file: serves the renderer and starts Chromium before its tests, closes both after them. */
export function sharedBrowser(): { server: () => Awaited<ReturnType<typeof serveRenderer>>; browser: () => Browser } {
  let server: Awaited<ReturnType<typeof serveRenderer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([serveRenderer(), launch()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { server: () => server!, browser: () => browser! };
}

/** Drops a file onto the canvas the way a file manager does: a drag carrying a File. */
export async function dropFile(page: Page, name: string, content: string): Promise<void> {
  const transfer = await page.evaluateHandle(([fileName, text]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], fileName));
    return data;
  }, [name, content] as const);
  await page.dispatchEvent('.react-flow', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.react-flow', 'drop', { dataTransfer: transfer });
}

/**
 * Fits the whole diagram in the canvas (the zoom controls' fit button), as a test that works on any
 * of its nodes needs: a large diagram opens on its request path at a
 * readable zoom, with the rest off screen. Waits until the view is still.
 */
export async function fitWhole(page: Page): Promise<void> {
  await page.locator('.react-flow__node').first().waitFor();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.locator('.react-flow__controls-fitview').click();
  let last = '';
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(100);
    const now = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
    if (now === last) return;
    last = now;
  }
}

/**
 * Serves the app and starts Chromium for the tests of one file (stopped after
 * them); `open(slug)` gives a page on a blueprint once its figures are drawn,
 * the whole diagram fitted in the canvas.
 * Page errors are collected in `errors`.
 */
export function editorPages(errors: string[]): { open: (slug: string) => Promise<Page> } {
  const shared = sharedBrowser();
  return {
    async open(slug: string): Promise<Page> {
      const page = await newPage(shared.browser(), errors);
      await page.goto(`${shared.server().url}?blueprint=${slug}`);
      await page.waitForSelector('[data-testid="budget-bar"] .meter');
      await fitWhole(page);
      return page;
    },
  };
}
