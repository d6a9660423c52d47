import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { SHARED_CHROMIUM_ENV, SHARED_RUN_ENV } from '../setup/rendererBuild';
import { buildRenderer, launchChromium, previewRenderer, type AppServer } from './chromium';

export { CHROMIUM } from './chromium';

const ROOT = resolve(import.meta.dirname, '../..');

/** The viewport a test's page starts with. */
const VIEWPORT = { width: 1440, height: 900 };

/** Longest a test file waits for the run's build of the renderer, ms. */
const SHARED_BUILD_WAIT_MS = 300_000;

/** The app's server of this test run, once its build is served (see tests/setup/rendererBuild.ts); null outside a run. */
async function sharedRun(): Promise<AppServer | null> {
  const dir = process.env[SHARED_RUN_ENV];
  if (!dir) return null;
  for (let waited = 0; waited < SHARED_BUILD_WAIT_MS; waited += 200) {
    if (existsSync(join(dir, 'served'))) return { url: readFileSync(join(dir, 'served'), 'utf8'), outDir: join(dir, 'renderer'), close: async () => {} };
    if (existsSync(join(dir, 'failed'))) throw new Error(`the renderer build of this run failed: ${readFileSync(join(dir, 'failed'), 'utf8')}`);
    await new Promise((wake) => setTimeout(wake, 200));
  }
  throw new Error(`no renderer build after ${SHARED_BUILD_WAIT_MS / 1000} s`);
}

/**
 * The app's server: in a test run, the run's one (closing it is left to the
 * run); elsewhere (a bench, a script) a build of its own, served.
 */
export async function serveRenderer(): Promise<AppServer> {
  const shared = await sharedRun();
  if (shared) return shared;
  const outDir = mkdtempSync(join(tmpdir(), 'mlsd-e2e-'));
  await buildRenderer(outDir);
  return previewRenderer(outDir);
}

/** Chromium: in a test run, a connection to the run's one (closing it closes only this file's pages); elsewhere one of its own. */
export async function launch(): Promise<Browser> {
  const shared = process.env[SHARED_CHROMIUM_ENV];
  return shared ? chromium.connect(shared) : launchChromium();
}

/** A page at 1440 x 900 that fails the test on any uncaught page error. */
export async function newPage(browser: Browser, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT, acceptDownloads: true });
  page.on('pageerror', (e) => errors.push(e.message));
  // Downloads and a file input stand in for the native file pickers, which a headless browser cannot answer.
  await page.addInitScript(() => {
    delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker;
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  return page;
}

/** Set (to anything but "0") to have the browser tests save their screenshots. */
export const SCREENSHOTS_ENV = 'MLSD_SCREENSHOTS';

/**
 * Saves a screenshot for a person to look at (tests/e2e/screenshots, ignored
 * by git) when the run asks for them (`MLSD_SCREENSHOTS=1 npx vitest run
 * tests/e2e/...`); no test asserts on them, so a plain run saves its time.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const wanted = process.env[SCREENSHOTS_ENV];
  if (!wanted || wanted === '0') return;
  await page.screenshot({ path: join(ROOT, 'tests/e2e/screenshots', `${name}.png`) });
}

/** Where a download was saved on this machine (the run's Chromium is another process's: the download is copied here). */
export async function downloaded(download: Download): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'mlsd-download-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Clicks a toolbar action: its button when it fits the window, else its item in the "More" menu. */
export async function clickAction(page: Page, label: string): Promise<void> {
  const button = page.locator('.toolbar').getByRole('button', { name: label, exact: true });
  if ((await button.count()) > 0) return button.click();
  await page.getByRole('button', { name: 'More', exact: true }).click();
  await page.getByRole('menu').locator('.menu-item').filter({ has: page.locator('.menu-label').getByText(label, { exact: true }) }).click();
}

/** For one test file: the app's server and Chromium (in a test run, the run's: see serveRenderer and launch) before its tests, let go after them. */
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
 * Leaves the app and forgets all it kept in the browser (local storage,
 * IndexedDB with its recovery copies, ...), so the page's next load of the
 * app starts as in a new browser profile, without the cost of a new page.
 */
async function forgetApp(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(url).origin, storageTypes: 'all' });
  await cdp.detach();
  await page.setViewportSize(VIEWPORT);
}

/**
 * Serves the app and starts Chromium for the tests of one file (stopped after
 * them); `open(slug)` gives the file's page on a blueprint once its figures
 * are drawn, the whole diagram fitted in the canvas: the app loaded afresh,
 * with nothing kept from the page's earlier tests (storage emptied, window
 * at 1440 x 900, unsaved work left without asking). One page serves the
 * whole file, as a new page costs seconds.
 * Page errors are collected in `errors`.
 */
export function editorPages(errors: string[]): { open: (slug: string) => Promise<Page> } {
  const shared = sharedBrowser();
  let page: Page | undefined;
  return {
    async open(slug: string): Promise<Page> {
      if (!page || page.isClosed()) {
        page = await newPage(shared.browser(), errors);
        // Leaving unsaved work asks first (beforeunload): leave; other dialogs are dismissed, as without a handler.
        page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()));
      } else await forgetApp(page, shared.server().url);
      await page.goto(`${shared.server().url}?blueprint=${slug}`);
      await page.waitForSelector('[data-testid="budget-bar"] .meter');
      await fitWhole(page);
      return page;
    },
  };
}
