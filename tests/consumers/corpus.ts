import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { rasterize } from '../../cli/nodeServices';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { exportDiagram, exportFormat, type ExportOptions } from '../../shared/export/registry';
import type { Diagram } from '../../shared/model/schema';
import { CHROMIUM } from '../e2e/browser';
import { fixturePath, mustLoad } from '../helpers';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The global any script injected through a label would set; it must stay unset. */
export const HOSTILE_FLAG = '__hostile';

/** Every diagram the consumers must open: the ten blueprints (stored laid out) and the hostile fixture. */
export const CASES: { name: string; diagram: Diagram }[] = [
  ...BLUEPRINT_SLUGS.map((slug) => ({ name: slug, diagram: blueprint(slug)! })),
  { name: 'hostile', diagram: mustLoad(JSON.parse(readFileSync(fixturePath('hostile.mlsd.json'), 'utf8'))) },
];

/** A diagram exported in a format, as the CLI would write it. */
export async function exported(diagram: Diagram, format: string, options: ExportOptions = {}): Promise<string | Uint8Array> {
  return exportDiagram(diagram, exportFormat(format)!, { rasterize }, options);
}

/** Runs of white space as one space, for comparing text a consumer laid out with the text we gave it. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Headless Chromium allowed to read the consumers' files from node_modules. */
export async function launchConsumerBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files', '--disable-background-networking', '--no-first-run'] });
}

/** A page that records uncaught errors and every dialog (an injected alert would show up here). */
export async function consumerPage(browser: Browser, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return page;
}

/** Whether an injected script ran in the page (after giving late events such as onerror a moment). */
export async function hostileRan(page: Page): Promise<boolean> {
  await page.waitForTimeout(200);
  return page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag] !== undefined, HOSTILE_FLAG);
}

/**
 * One Chromium page for a test file, opened before its tests (then `setup`
 * loads the consumer into it) and closed after; `errors` collects uncaught
 * page errors and dialogs, and each test empties it first.
 */
export function useConsumerPage(setup: (page: Page) => Promise<void> = async () => {}): { page: () => Page; errors: string[] } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchConsumerBrowser();
    page = await consumerPage(browser, errors);
    await setup(page);
  }, 300_000);
  afterAll(async () => browser?.close());
  return { page: () => page!, errors };
}
