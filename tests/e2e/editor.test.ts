import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { clickAction, downloaded, editorPages, screenshot } from './browser';

const errors: string[] = [];
const { open } = editorPages(errors);

const p99Text = (page: Page) => page.locator('[aria-label="p99 budget"] .meter-text').textContent();

describe('the editor in Chromium', () => {
  it('draws every node and edge of a blueprint, with live figures', async () => {
    const page = await open('video-recommendation');
    const doc = blueprint('video-recommendation')!;
    await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(doc.nodes.length);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(doc.edges.length);
    expect(await page.getByTestId('figures-ranker').textContent()).toMatch(/QPS.*p99 [\d.]+ ms/);
    expect(await p99Text(page)).toMatch(/^[\d.]+ ms \/ 200 ms$/);
    await screenshot(page, 'video-recommendation');
  });

  it('changes a latency and sees the entry p99 change', async () => {
    const page = await open('video-recommendation');
    const before = await p99Text(page);
    // Re-ranking is on the request path of every entry (the GPU ranker is sized by batching, not by a p50/p99).
    await page.getByTestId('node-rerank').click();
    const p50 = page.getByRole('region', { name: 'Node inspector' }).getByRole('textbox', { name: 'p50', exact: true });
    await p50.fill('60');
    await page.getByRole('region', { name: 'Node inspector' }).getByRole('textbox', { name: 'p99', exact: true }).fill('120');
    await expect.poll(() => p99Text(page)).not.toBe(before);
    const after = Number((await p99Text(page))!.split(' ')[0]);
    expect(after).toBeGreaterThan(Number(before!.split(' ')[0]) + 50);
  });

  it('adds a node from the palette by dragging it, and connects it by dragging between handles', async () => {
    const page = await open('similar-listings');
    const canvas = page.getByTestId('canvas');
    const box = (await canvas.boundingBox())!;
    await page.getByRole('button', { name: 'External API' }).dragTo(canvas, { targetPosition: { x: box.width - 200, y: 80 } });
    const added = page.getByTestId('node-externalApi');
    await expect.poll(() => added.count()).toBe(1);
    const source = page.locator('[data-id="rerank"] .react-flow__handle.source');
    const target = page.locator('[data-id="externalApi"] .react-flow__handle.target');
    await source.dragTo(target);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(blueprint('similar-listings')!.edges.length + 1);
    await expect.poll(() => page.getByTestId('figures-externalApi').textContent()).toMatch(/QPS/);
    await screenshot(page, 'added-and-connected');
  });

  it('deletes with the keyboard and undoes it', async () => {
    const page = await open('similar-listings');
    const count = blueprint('similar-listings')!.nodes.length;
    await page.getByTestId('node-coldStart').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(count - 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(count);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(count - 1);
  });

  it('opens a blueprint, edits, saves, reopens and sees the edit', async () => {
    const page = await open('event-recommendation');
    await page.getByTestId('node-ranker').locator('.component-label').dblclick();
    const rename = page.getByRole('textbox', { name: 'Label' }).first();
    await rename.fill('Neural ranker v2');
    await rename.press('Enter');
    await expect.poll(() => page.title()).toMatch(/^• event-recommendation\.mlsd\.json/);
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('event-recommendation.mlsd.json');
    const saved = await downloaded(download);
    expect(JSON.parse(readFileSync(saved, 'utf8')).nodes.find((n: { id: string }) => n.id === 'ranker').label).toBe('Neural ranker v2');
    await expect.poll(() => page.title()).toBe('event-recommendation.mlsd.json — MLSD Studio');

    const fresh = await open('news-feed');
    const choosing = fresh.waitForEvent('filechooser');
    await clickAction(fresh, 'Open…');
    await (await choosing).setFiles(saved);
    await expect.poll(() => fresh.getByTestId('node-ranker').textContent()).toContain('Neural ranker v2');
  });

  it('exports the picture as PNG and the selection as SVG from the Export dialog', async () => {
    const page = await open('people-you-may-know');
    await clickAction(page, 'Export…');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('PNG image').check();
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export PNG image' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('people-you-may-know.png');
    const png = PNG.sync.read(readFileSync(await downloaded(download)));
    expect(png.width).toBeGreaterThan(2000);

    await page.getByTestId('node-pymk').click();
    await page.getByTestId('node-profiles').click({ modifiers: ['Shift'] });
    await clickAction(page, 'Export…');
    await page.getByRole('dialog', { name: 'Export' }).getByLabel('Selection only (2 nodes)').check();
    const svgDownload = page.waitForEvent('download');
    await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Export SVG picture' }).click();
    const svg = readFileSync(await downloaded(await svgDownload), 'utf8');
    expect(svg.match(/class="node"/g)).toHaveLength(2);
    await screenshot(page, 'after-export');
  });

  it('practises an interview: empty canvas, estimate first, compare with the reference, result kept', async () => {
    const page = await open('video-recommendation');
    await clickAction(page, 'Practice an Interview…');
    const start = page.getByRole('dialog', { name: 'Practice an interview' });
    await start.getByLabel('Case').selectOption('event-recommendation');
    await start.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(0);
    const canvas = page.getByTestId('canvas');
    const box = (await canvas.boundingBox())!;
    await page.getByRole('button', { name: 'Traffic', exact: true }).dragTo(canvas, { targetPosition: { x: 150, y: 150 } });
    await page.getByRole('button', { name: 'Model', exact: true }).dragTo(canvas, { targetPosition: { x: box.width / 2, y: 150 } });
    await page.locator('[data-id="traffic"] .react-flow__handle.source').dragTo(page.locator('[data-id="model"] .react-flow__handle.target'));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    expect(await page.getByTestId('figures-model').textContent()).toBe('');
    const panel = page.getByRole('region', { name: 'Practice' });
    await panel.getByLabel('Notes: Clarify requirements').fill('1M DAU, rank events near the user');
    await panel.getByLabel('Peak QPS at the entry').fill('200');
    await panel.getByLabel('p99 end to end').fill('80');
    await panel.getByLabel('Total storage').fill('10');
    await panel.getByRole('button', { name: 'Lock in and show the figures' }).click();
    await expect.poll(() => page.getByTestId('figures-model').textContent()).toMatch(/QPS/);
    await panel.getByRole('button', { name: 'Compare with reference' }).click();
    const compare = page.getByRole('dialog', { name: /Your design against the reference/ });
    await expect.poll(() => compare.getByLabel('Score').textContent()).toMatch(/Score \d+ \/ 100/);
    await compare.getByRole('button', { name: 'Reveal: Clarify requirements' }).click();
    await screenshot(page, 'practice-compare');
    await compare.getByRole('button', { name: 'Finish and save the result' }).click();
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('mlsd-studio.practice-results') ?? '[]'));
    expect(kept).toEqual([expect.objectContaining({ slug: 'event-recommendation', title: 'Event recommendation' })]);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
