import { describe, expect, it } from 'vitest';
import { editorPages, screenshot } from './browser';

const errors: string[] = [];
const { open } = editorPages(errors);

describe('the capacity planner in Chromium', () => {
  it('opens the load sweep chart and reads where the design breaks', async () => {
    const page = await open('news-feed');
    await page.getByRole('tab', { name: 'Where it breaks' }).click();
    const knees = page.getByRole('list', { name: 'Knees' });
    await expect.poll(() => knees.textContent(), { timeout: 60_000 }).toMatch(/breaks at [\d.]+x: .+ saturates/);
    const chart = page.getByRole('img', { name: 'p99 and monthly cost against load' });
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    // Chart.js has drawn into the canvas: some pixels are not blank.
    const drawn = await chart.evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
      return inked;
    });
    expect(drawn).toBeGreaterThan(1000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, 'planner-sweep-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'planner-sweep-1920');

    await page.getByRole('tab', { name: 'What matters most' }).click();
    const top = page.locator('.sensitivity-top');
    await expect.poll(() => top.textContent(), { timeout: 60_000 }).toMatch(/^Most: /);
    await screenshot(page, 'planner-sensitivity-1920');
    const autoscaled = await top.textContent();
    await page.getByLabel('What matters most').getByRole('checkbox', { name: 'Fixed fleet' }).check();
    await expect.poll(() => top.textContent(), { timeout: 60_000 }).not.toBe(autoscaled);
    await screenshot(page, 'planner-sensitivity-fixed-1920');
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect(page.getByLabel('What matters most').getByRole('checkbox', { name: 'Fixed fleet' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'planner-sensitivity-fixed-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });

    await page.getByRole('tab', { name: 'Failures' }).click();
    await page.getByRole('button', { name: 'Survives the loss of any one replica?' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Survives the loss of one replica' }).textContent(), { timeout: 60_000 }).toMatch(/survives|does not survive/);
    await expect.poll(() => page.getByRole('table', { name: 'Figures under the failure' }).textContent()).toContain('one zone of 3 lost');
    await screenshot(page, 'planner-failures-1920');
    expect(errors).toEqual([]);
  }, 180_000);

  it('keeps the scenarios in the order they were made while switching between them', async () => {
    const page = await open('video-recommendation');
    const bar = page.getByRole('toolbar', { name: 'Scenarios' });
    for (const name of ['add a cache', 'GPU ranker']) {
      await bar.getByRole('button', { name: /^\+/ }).click();
      await bar.getByRole('textbox', { name: 'New scenario name' }).fill(name);
      await bar.getByRole('textbox', { name: 'New scenario name' }).press('Enter');
    }
    const order = () => bar.locator('button.scenario').allTextContents();
    expect(await order()).toEqual(['baseline', 'add a cache', 'GPU ranker']);
    for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      for (const name of ['add a cache', 'baseline', 'GPU ranker']) {
        await bar.getByRole('button', { name, exact: true }).click();
        await expect.poll(() => bar.locator('button.scenario[aria-pressed="true"]').textContent()).toBe(name);
        expect(await order()).toEqual(['baseline', 'add a cache', 'GPU ranker']);
      }
      await bar.getByRole('button', { name: 'add a cache', exact: true }).click();
      await screenshot(page, `scenarios-order-${width}`);
    }
    expect(errors).toEqual([]);
  }, 180_000);
});
