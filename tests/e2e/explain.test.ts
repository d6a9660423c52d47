import { describe, expect, it } from 'vitest';
import { editorPages, screenshot } from './browser';

const errors: string[] = [];
const { open } = editorPages(errors);

describe('numbers explained and scenarios, in Chromium', () => {
  it('a blueprint opens in study mode; a figure opens its derivation; "why" follows; Escape closes', async () => {
    const page = await open('video-recommendation');
    const study = page.getByRole('region', { name: 'Study' });
    await expect.poll(() => study.getByRole('heading', { name: 'Clarify requirements' }).count()).toBe(1);
    for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      await screenshot(page, `study-${size.width}`);
    }
    // A figure in the headline bar, by keyboard.
    await page.getByTestId('budget-bar').getByRole('button', { name: 'How the monthly cost is derived' }).focus();
    await page.keyboard.press('Enter');
    const popover = page.getByRole('dialog', { name: 'How this figure is derived' });
    await expect.poll(() => popover.textContent()).toMatch(/Monthly cost\s*\$[\d.]+k = \$[\d.]+k “Two-tower ANN/);
    await screenshot(page, 'explain-cost-1920');
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);

    // A node's replicas in the inspector, then "why" to the peak rate it is sized for.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('node-features').click();
    const inspector = page.getByRole('region', { name: 'Node inspector' });
    await inspector.getByRole('button', { name: 'How replicas is derived' }).click();
    await expect.poll(() => popover.textContent()).toMatch(/Replicas\s*\d+ replicas = max\(\d+ min, ceil\([\d.]+ busy servers \/ \(\d+ concurrency x 60% target\)\)\)/);
    await screenshot(page, 'explain-replicas-1280');
    await popover.getByRole('button', { name: /QPS peak$/ }).click();
    await expect.poll(() => popover.getByRole('heading').textContent()).toMatch(/^Peak QPS of/);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  }, 90_000);

  it('a new scenario is switched in one click and compared side by side', async () => {
    const page = await open('news-feed');
    const bar = page.getByRole('toolbar', { name: 'Scenarios' });
    await bar.getByRole('button', { name: '+ Scenario' }).click();
    await bar.getByRole('textbox', { name: 'New scenario name' }).fill('no feed cache');
    await page.keyboard.press('Enter');
    await expect.poll(() => bar.getByRole('button', { name: 'no feed cache', exact: true }).getAttribute('aria-pressed')).toBe('true');
    // In the new scenario, the feed cache never hits.
    const cost = () => page.locator('[data-headline="cost"]').textContent();
    await expect.poll(cost).toMatch(/\$/);
    const withCache = await cost();
    await page.getByTestId('node-feedCache').click();
    const hitRate = page.getByRole('region', { name: 'Node inspector' }).getByLabel('Hit rate');
    await hitRate.fill('0');
    await hitRate.press('Tab');
    // The estimate runs in a worker: wait for the new figure before reading it.
    await expect.poll(cost).not.toBe(withCache);
    const without = await cost();
    await bar.getByRole('button', { name: 'baseline', exact: true }).click();
    await expect.poll(cost).toBe(withCache);
    await bar.getByRole('button', { name: 'no feed cache', exact: true }).click();
    await expect.poll(cost).toBe(without);
    expect(await hitRate.count()).toBe(0);
    await bar.getByRole('button', { name: 'Compare…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare scenarios' });
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/cost [+-]\$/);
    expect(await dialog.getByRole('list', { name: 'What changes' }).textContent()).toContain('cache.hitRate');
    for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      await screenshot(page, `scenarios-compare-${size.width}`);
    }
    await page.keyboard.press('Escape');
    await screenshot(page, 'scenarios-bar-1920');
    expect(errors).toEqual([]);
  }, 90_000);
});
