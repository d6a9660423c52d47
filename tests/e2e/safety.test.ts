import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { fitWhole, sharedBrowser } from './browser';

const shared = sharedBrowser();
const errors: string[] = [];

/** A tab in a shared browser profile (one IndexedDB, one set of Web Locks), like a person's. */
async function tab(context: BrowserContext, slug: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${shared.server().url}?blueprint=${slug}`);
  await page.waitForSelector('[data-testid="budget-bar"] .meter');
  // The whole diagram in view and settled, so a node is clicked where it stays.
  await fitWhole(page);
  return page;
}

const nodeCount = (page: Page) => page.locator('.react-flow__node-component').count();

/** The recovery copies stored in this profile, as the browser keeps them. */
function storedCopies(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('mlsd-studio', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('values');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('values').objectStore('values').getAll();
          request.onsuccess = () => resolve((request.result as { name?: string }[]).map((v) => v.name ?? '?').sort());
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Deletes one node so the tab holds unsaved work. */
async function editIn(page: Page, nodeId: string, slug: string): Promise<void> {
  await page.getByTestId(`node-${nodeId}`).click();
  await page.keyboard.press('Delete');
  await expect.poll(() => nodeCount(page)).toBe(blueprint(slug)!.nodes.length - 1);
}

describe('nothing is lost in the browser', () => {
  it('offers back the unsaved work of two tabs killed without unloading, and never the copy of a tab still open', async () => {
    const context = await shared.browser().newContext({ viewport: { width: 1440, height: 900 } });
    const video = await tab(context, 'video-recommendation');
    const feed = await tab(context, 'news-feed');
    await editIn(video, 'ranker', 'video-recommendation');
    await editIn(feed, 'ranker', 'news-feed');
    // Autosave runs every few seconds: both tabs' copies are kept side by side, neither overwrites the other.
    await expect.poll(() => storedCopies(feed), { timeout: 15_000 }).toEqual(['news-feed.mlsd.json', 'video-recommendation.mlsd.json']);

    // A third tab opened while both are open is offered nothing: their work is not lost.
    const early = await tab(context, 'visual-search');
    await early.waitForTimeout(500);
    expect(await early.getByRole('alert', { name: 'Recovered work' }).count()).toBe(0);
    await early.close({ runBeforeUnload: false });

    // Both tabs go without their beforeunload handlers (a crash, a killed browser).
    await video.close({ runBeforeUnload: false });
    await feed.close({ runBeforeUnload: false });

    const after = await tab(context, 'visual-search');
    const banner = after.getByRole('alert', { name: 'Recovered work' });
    const videoCopy = banner.getByRole('listitem', { name: 'Recovered video-recommendation.mlsd.json' });
    const feedCopy = banner.getByRole('listitem', { name: 'Recovered news-feed.mlsd.json' });
    await expect.poll(() => videoCopy.textContent()).toContain('19 nodes');
    expect(await feedCopy.textContent()).toContain('17 nodes');

    await videoCopy.getByRole('button', { name: 'Restore it' }).click();
    await expect.poll(() => nodeCount(after)).toBe(19);
    await expect.poll(() => after.title()).toBe('• video-recommendation.mlsd.json — MLSD Studio');
    expect(await feedCopy.count()).toBe(1);

    // The restored work now lives in the open tab's own slot, so another new tab is offered only the feed.
    const next = await tab(context, 'visual-search');
    await expect.poll(() => next.getByRole('listitem').filter({ hasText: 'nodes' }).allTextContents()).toEqual([expect.stringContaining('news-feed.mlsd.json')]);
    await next.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => storedCopies(next)).toEqual(['video-recommendation.mlsd.json']);
    await context.close();
  }, 120_000);

  it('pastes nothing from a crafted clip, and says why', async () => {
    const context = await shared.browser().newContext({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await tab(context, 'news-feed');
    const count = blueprint('news-feed')!.nodes.length;
    const evil = {
      format: 'mlsd-studio/clip',
      nodes: [{ id: 'evil', label: 'no kind' }, { id: '__proto__', kind: 'cache' }],
      edges: [{ id: 'e1', source: 'evil', target: 'ghost' }],
    };
    await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(evil));
    // An empty spot of the canvas, clear of the scenario bar at its top left.
    const box = (await page.getByTestId('canvas').boundingBox())!;
    await page.getByTestId('canvas').click({ position: { x: box.width / 2, y: box.height - 12 } });
    await page.keyboard.press('Control+v');
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/^Nothing was pasted: the copied nodes are not valid: nodes\[0\]\.kind/);
    expect(await nodeCount(page)).toBe(count);
    expect(await page.title()).toBe('news-feed.mlsd.json — MLSD Studio');

    // A clip of our own still pastes: copied nodes come back with fresh ids.
    await page.getByTestId('node-ranker').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => nodeCount(page)).toBe(count + 1);
    await context.close();
  }, 60_000);

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
