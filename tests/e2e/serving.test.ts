import { describe, expect, it } from 'vitest';
import { editorPages, screenshot } from './browser';

describe('GPU serving in the inspector', () => {
  const errors: string[] = [];
  const pages = editorPages(errors);

  it('shows a batching ranker\'s figures, its queue-delay what-if and its day, and re-estimates as the delay is edited', async () => {
    const page = await pages.open('video-recommendation');
    for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForFunction(([w]) => document.querySelector('.workspace')!.getBoundingClientRect().right > w! - 40, [width]);
      await page.getByTestId('node-ranker').dispatchEvent('click');
      const figures = page.getByLabel('Batching figures');
      await figures.waitFor();
      expect(await figures.locator('[role="row"]').count()).toBe(7);
      await expect.poll(() => page.getByLabel('Day chart').locator('figcaption').textContent()).toMatch(/replica-hours a day/);
      await page.locator('.inspector').evaluate((el) => el.scrollTo(0, 0));
      await screenshot(page, `serving-ranker-${width}x${height}`);
    }
    const before = await page.getByLabel('Batching figures').locator('p').textContent();
    const delay = page.getByLabel('Max queue delay', { exact: true });
    await delay.fill('0');
    await expect.poll(() => page.getByLabel('Batching figures').locator('p').textContent()).not.toBe(before);
    await page.getByLabel('Batching figures').scrollIntoViewIfNeeded();
    await screenshot(page, 'serving-ranker-delay-0');
    expect(errors).toEqual([]);
  }, 120_000);
});
