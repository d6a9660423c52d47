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
    await expect.poll(() => page.locator('.sensitivity-top').textContent(), { timeout: 60_000 }).toMatch(/^Most: /);
    await screenshot(page, 'planner-sensitivity-1920');

    await page.getByRole('tab', { name: 'Failures' }).click();
    await page.getByRole('button', { name: 'Survives the loss of any one replica?' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Survives the loss of one replica' }).textContent(), { timeout: 60_000 }).toMatch(/survives|does not survive/);
    await expect.poll(() => page.getByRole('table', { name: 'Figures under the failure' }).textContent()).toContain('one zone of 3 lost');
    await screenshot(page, 'planner-failures-1920');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
