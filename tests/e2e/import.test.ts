import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers';
import { clickAction, dropFile, editorPages, screenshot } from './browser';

const errors: string[] = [];
const { open } = editorPages(errors);

const labels = (page: Page) => page.locator('.react-flow__node-component').allTextContents();

describe('importing into the app', () => {
  it('imports a compressed draw.io file dropped onto the window, shows the guesses, and draws its nodes', async () => {
    errors.length = 0;
    const page = await open('news-feed');
    await page.setViewportSize({ width: 1280, height: 720 });
    await dropFile(page, 'search-ranking.drawio', readFileSync(fixturePath('import/search-ranking.drawio'), 'utf8'));
    const dialog = page.getByRole('dialog', { name: 'Imported search-ranking.drawio' });
    await expect.poll(() => dialog.textContent()).toContain('page 1 of 2 read ("Overview"); pages: 1 "Overview", 2 "Serving"');
    expect(await dialog.textContent()).toContain('"Client app" is a Traffic (from "clients" in its label)');
    await screenshot(page, 'import-report-1280');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect.poll(async () => (await labels(page)).join(' | ')).toMatch(/^Client app.* \| Search backend/);
    await expect.poll(() => page.title()).toBe('• search-ranking.mlsd.json — MLSD Studio');
    expect(errors).toEqual([]);
  });

  it('File > Import reads a hand-drawn Excalidraw scene into a new document', async () => {
    errors.length = 0;
    const page = await open('news-feed');
    await page.setViewportSize({ width: 1920, height: 1080 });
    const choosing = page.waitForEvent('filechooser');
    await clickAction(page, 'Import…');
    await (await choosing).setFiles(fixturePath('import/recsys-sketch.excalidraw'));
    const dialog = page.getByRole('dialog', { name: 'Imported recsys-sketch.excalidraw' });
    await expect.poll(() => dialog.textContent()).toContain('7 nodes and 7 edges from an Excalidraw scene.');
    await screenshot(page, 'import-report-1920');
    await page.keyboard.press('Escape');
    await expect.poll(() => labels(page).then((l) => l.length)).toBe(7);
    expect((await labels(page)).some((l) => l.includes('Thingamajig'))).toBe(true);
    await page.locator('.react-flow__node-component').first().waitFor();
    await screenshot(page, 'import-canvas-1920');
    expect(errors).toEqual([]);
  });
});
