import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { newPage, screenshot, sharedBrowser } from './browser';
import { canvasProblems, openBlueprint } from './canvasChecks';

const shared = sharedBrowser();
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  page = await newPage(shared.browser(), errors);
});


/** Opens a blueprint at a window size and waits until its nodes are drawn, its figures shown and the view fitted. */
async function open(slug: string, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await openBlueprint(page, shared.server().url, slug);
}

/** What a person would find wrong with the window: figures off screen, page scrolling sideways, the minimap or the zoom controls over a node. */
async function layoutProblems(slug: string): Promise<string[]> {
  return page.evaluate((name) => {
    const problems: string[] = [];
    const inside = (r: DOMRect) => r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight && r.width > 0;
    const figures = [...document.querySelectorAll('[data-headline]')];
    if (figures.length !== 4) problems.push(`${name}: ${figures.length} headline figures`);
    for (const f of figures) if (!inside(f.getBoundingClientRect())) problems.push(`${name}: ${f.getAttribute('data-headline')} outside the window`);
    if (document.scrollingElement!.scrollWidth > innerWidth) problems.push(`${name}: page scrolls sideways (${document.scrollingElement!.scrollWidth} > ${innerWidth})`);
    for (const [what, selector] of [['minimap', '.react-flow__minimap'], ['zoom controls', '.react-flow__controls']]) {
      const panel = document.querySelector(selector!);
      if (!panel) continue;
      const m = panel.getBoundingClientRect();
      for (const node of document.querySelectorAll('.react-flow__node-component')) {
        const n = node.getBoundingClientRect();
        if (m.left < n.right && n.left < m.right && m.top < n.bottom && n.top < m.bottom) problems.push(`${name}: ${what} covers ${node.getAttribute('data-id')}`);
      }
    }
    return problems;
  }, slug);
}

describe('the window on laptop and desktop screens', () => {
  /**
   * Each blueprint is opened once per window size: the opening view is
   * measured first, as the app shows it (zoom, traffic entry in view, names
   * in full, captions clear of nodes and of each other), then the window
   * around it (figures in view, minimap and zoom controls off the nodes).
   */
  for (const [width, height, canvas] of [[1280, 720, true], [1920, 1080, true], [1024, 700, false]] as const) {
    it(`opens every blueprint at ${width}x${height} with ${canvas ? 'names readable and in full, captions clear, ' : ''}the headline figures in view and the minimap off the nodes`, async () => {
      const problems: string[] = [];
      const names: string[] = [];
      let minimaps = 0;
      for (const slug of BLUEPRINT_SLUGS) {
        await open(slug, width, height);
        if (canvas) {
          const opening = await canvasProblems(page, slug);
          problems.push(...opening.problems);
          names.push(`${slug} ${opening.namePx.toFixed(1)} px`);
        }
        problems.push(...(await layoutProblems(slug)));
        minimaps += await page.locator('.react-flow__minimap').count();
        if (width !== 1024 || slug === BLUEPRINT_SLUGS[0]) await screenshot(page, `layout-${width}-${slug}`);
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      if (canvas) console.info(`node names at ${width}x${height}: ${names.join(', ')}`);
      console.info(`${width}x${height}: minimap shown in ${minimaps} of ${BLUEPRINT_SLUGS.length} blueprints`);
    }, 240_000);
  }

  it('collapses, resizes and remembers the panels with the pointer', async () => {
    await page.evaluate(() => localStorage.clear());
    await open('news-feed', 1280, 720);
    const canvas = page.getByTestId('canvas');
    const before = (await canvas.boundingBox())!.width;
    await page.getByRole('button', { name: 'Hide palette' }).click();
    expect(await page.getByRole('navigation', { name: 'Components' }).count()).toBe(0);
    await expect.poll(async () => (await canvas.boundingBox())!.width).toBeGreaterThan(before + 150);
    await page.getByRole('button', { name: 'Show palette' }).click();
    expect(await page.getByRole('navigation', { name: 'Components' }).count()).toBe(1);

    const inspector = page.getByRole('separator', { name: 'Resize inspector' });
    const box = (await inspector.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + 200, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 - 100, box.y + 200, { steps: 4 });
    await page.mouse.up();
    expect(await inspector.getAttribute('aria-valuenow')).toBe('400');
    expect(Math.round((await page.locator('aside.side').boundingBox())!.width)).toBe(400);

    const bottom = page.getByRole('separator', { name: 'Resize diagnostics panel' });
    const edge = (await bottom.boundingBox())!;
    await page.mouse.move(edge.x + 300, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + 300, edge.y + edge.height / 2 - 80, { steps: 5 });
    await page.mouse.up();
    expect(await bottom.getAttribute('aria-valuenow')).toBe('220');

    await page.getByRole('button', { name: 'Hide diagnostics' }).click();
    expect(await page.getByRole('tabpanel').count()).toBe(0);
    await screenshot(page, 'layout-resized-1280');
    await page.reload();
    await page.waitForSelector('[data-headline="peak"]');
    expect(await page.getByRole('separator', { name: 'Resize inspector' }).getAttribute('aria-valuenow')).toBe('400');
    expect(await page.getByRole('tabpanel').count()).toBe(0);
    await page.getByRole('button', { name: 'Show diagnostics' }).click();
    expect(await page.getByRole('separator', { name: 'Resize diagnostics panel' }).getAttribute('aria-valuenow')).toBe('220');
    await page.evaluate(() => localStorage.clear());
  }, 60_000);

  it('hides every panel in focus mode and brings them back with the same key', async () => {
    await open('video-search', 1280, 720);
    await page.keyboard.press('Control+Shift+F');
    await expect.poll(() => page.locator('nav.palette, aside.side, .bottom-panel, .rail').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Focus Mode' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'layout-focus-1280');
    await page.keyboard.press('Control+Shift+F');
    await expect.poll(() => page.locator('nav.palette, aside.side, .bottom-panel').count()).toBe(3);
  });

  it('folds the toolbar into a keyboard menu and highlights the critical path, a row going to its node', async () => {
    await open('video-recommendation', 1280, 720);
    const more = page.getByRole('button', { name: 'More' });
    await more.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu', { name: 'More actions' });
    await expect.poll(() => menu.isVisible()).toBe(true);
    expect(await menu.getByRole('menuitem', { name: /Keyboard Shortcuts/ }).count()).toBe(1);
    await screenshot(page, 'layout-more-menu-1280');
    await page.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);

    await page.getByRole('tab', { name: 'Why is p99 this high?' }).click();
    const rows = page.getByLabel('p99 breakdown').getByRole('listitem');
    const count = await rows.count();
    expect(count).toBeGreaterThan(2);
    // The rows, and the traffic entry the requests come from.
    await expect.poll(() => page.locator('.react-flow__node.critical-path').count()).toBeGreaterThanOrEqual(count);
    expect(await page.locator('.react-flow__edge.critical-path').count()).toBeGreaterThan(0);
    await screenshot(page, 'layout-critical-path-1280');
    const last = rows.last().getByRole('button');
    const name = (await last.locator('.bar-label').textContent())!;
    await last.click();
    const node = page.locator('.react-flow__node.selected').filter({ hasText: name });
    await expect.poll(() => node.count()).toBe(1);
    // Panned to: the node's centre is near the canvas's centre.
    await expect.poll(async () => {
      const n = (await node.boundingBox())!;
      const c = (await page.getByTestId('canvas').boundingBox())!;
      return Math.abs(n.x + n.width / 2 - (c.x + c.width / 2)) < 40 && Math.abs(n.y + n.height / 2 - (c.y + c.height / 2)) < 40;
    }).toBe(true);
    await page.getByRole('tab', { name: /^Diagnostics/ }).click();
    await expect.poll(() => page.locator('.critical-path').count()).toBe(0);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
