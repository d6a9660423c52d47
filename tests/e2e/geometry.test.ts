import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitWhole, newPage, sharedBrowser } from './browser';
import { drawn, openBlueprint } from './canvasChecks';

// The opening view of every blueprint (names, captions, zoom) is checked by the window test (layout.test.ts), which opens each once per size.
const shared = sharedBrowser();
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  page = await newPage(shared.browser(), errors);
});

describe('call stages on the canvas', () => {
  it('numbers the stages of the video recommendation fan-out, and a click on each caption selects that edge', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openBlueprint(page, shared.server().url, 'video-recommendation');
    await fitWhole(page);
    const { markers } = await drawn(page);
    expect(Object.fromEntries(markers.map((m) => [m.id, m.text]))).toEqual({ e4: '1', e6: '1', e7: '1', e8: '1', e12: '2', e13: '3', e14: '4' });
    for (const id of ['e4', 'e6', 'e7', 'e8', 'e12', 'e13', 'e14']) {
      await page.getByTestId(`edge-label-${id}`).click();
      await expect.poll(() => page.locator('path.flow-edge.selected').evaluateAll((paths) => paths.map((p) => p.id))).toEqual([id]);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
