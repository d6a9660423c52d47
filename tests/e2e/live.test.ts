import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollabServer, type CollabServer } from '../../server/collab';
import { freePort } from '../live/servers';
import { fitWhole, screenshot, sharedBrowser } from './browser';

const SECRET = 'e2e-secret';
const shared = sharedBrowser();
const errors: string[] = [];
let server: CollabServer;
const dataDir = mkdtempSync(join(tmpdir(), 'mlsd-live-e2e-'));
let port = 0;
beforeAll(async () => {
  port = await freePort();
  server = await startCollabServer({ port, address: '127.0.0.1', secret: SECRET, dataDir });
});
afterAll(async () => server?.close());

/** A person in the room: their own browser context (own storage, own IndexedDB). */
async function person(browser: Browser, query: string, size = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${shared.server().url}?${query}`);
  await fitWhole(page);
  return page;
}

/** A node's position on the canvas, in diagram coordinates (React Flow's transform of the node). */
const positionOf = (page: Page, id: string) =>
  page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((el) => {
    const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec((el as HTMLElement).style.transform);
    return m ? { x: Math.round(Number(m[1])), y: Math.round(Number(m[2])) } : null;
  });

async function drag(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const box = (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!;
  const from = { x: box.x + box.width / 2, y: box.y + 12 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + (dx * i) / 8, from.y + (dy * i) / 8);
  await page.mouse.up();
}

const budget = (page: Page) => page.locator('[data-testid="budget-bar"]').innerText();

describe('a live room in two browsers', () => {
  it('shares drags, cursors and offline edits, and both sides show the same estimate', async () => {
    const room = (await (await fetch(`${server.httpUrl}/rooms`, { method: 'POST' })).json()) as { room: string; interviewer: string; candidate: string };
    const link = (token: string, name: string) => `live=${encodeURIComponent(server.url)}&room=${room.room}&token=${token}&name=${name}`;

    const ada = await person(shared.browser(), `blueprint=news-feed&${link(room.interviewer, 'Ada')}&invite=${room.candidate}`);
    await expect.poll(() => ada.locator('[data-testid="live-bar"] .live-status').textContent(), { timeout: 30_000 }).toBe('Live');
    const bo = await person(shared.browser(), link(room.candidate, 'Bo'));
    await expect.poll(() => bo.locator('.react-flow__node[data-id="feed"]').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => ada.locator('.live-person').textContent()).toContain('Bo · candidate');

    // A drag in one window moves the node in the other.
    const before = (await positionOf(bo, 'feed'))!;
    await drag(ada, 'feed', 160, 96);
    const moved = (await positionOf(ada, 'feed'))!;
    expect(moved.x - before.x).toBeGreaterThan(50);
    await expect.poll(() => positionOf(bo, 'feed')).toEqual(moved);

    // The other person's cursor shows with their name.
    const pane = (await bo.locator('.react-flow__pane').boundingBox())!;
    await bo.mouse.move(pane.x + pane.width / 2, pane.y + pane.height - 60);
    await bo.mouse.move(pane.x + pane.width / 2 + 20, pane.y + pane.height - 50);
    await expect.poll(() => ada.locator('[data-testid="live-cursor"]').textContent()).toBe('Bo');
    await screenshot(ada, 'live-interviewer-1440');

    // An edit made while the server is down merges when it is back.
    await server.close();
    await expect.poll(() => bo.locator('[data-testid="live-bar"] .live-status').textContent(), { timeout: 15_000 }).toContain('Offline');
    const gatewayBefore = (await positionOf(bo, 'gateway'))!;
    await drag(bo, 'gateway', -120, 160);
    const offlineMove = (await positionOf(bo, 'gateway'))!;
    expect(offlineMove).not.toEqual(gatewayBefore);
    expect(await positionOf(ada, 'gateway')).toEqual(gatewayBefore);
    server = await startCollabServer({ port, address: '127.0.0.1', secret: SECRET, dataDir });
    await expect.poll(() => positionOf(ada, 'gateway'), { timeout: 30_000 }).toEqual(offlineMove);

    // Same document, same figures.
    await expect.poll(async () => (await budget(ada)) === (await budget(bo))).toBe(true);
    expect(await budget(ada)).toMatch(/\d/);
    for (const [page, name] of [[ada, 'live-interviewer'], [bo, 'live-candidate']] as const) {
      for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
        await page.setViewportSize(size);
        await screenshot(page, `${name}-${size.width}`);
      }
    }
    expect(errors).toEqual([]);
  }, 180_000);

  it('runs an interview in pairs: one clock, the interviewer\'s private notes, the graded summary on both sides', async () => {
    const room = (await (await fetch(`${server.httpUrl}/rooms`, { method: 'POST' })).json()) as { room: string; interviewer: string; candidate: string };
    const link = (token: string, name: string) => `live=${encodeURIComponent(server.url)}&room=${room.room}&token=${token}&name=${name}`;
    const ada = await person(shared.browser(), `blueprint=news-feed&${link(room.interviewer, 'Ada')}`, { width: 1280, height: 720 });
    await expect.poll(() => ada.locator('[data-testid="live-bar"] .live-status').textContent(), { timeout: 30_000 }).toBe('Live');
    const bo = await person(shared.browser(), link(room.candidate, 'Bo'), { width: 1280, height: 720 });
    await expect.poll(() => bo.locator('.react-flow__node[data-id="feed"]').count(), { timeout: 30_000 }).toBe(1);

    await ada.getByLabel('Interview case').selectOption('visual-search');
    await ada.getByRole('button', { name: 'Start interview' }).click();
    // The canvas clears on both sides, and both clocks run from the one start time.
    await expect.poll(() => bo.locator('.react-flow__node').count()).toBe(0);
    await expect.poll(() => bo.locator('[data-testid="live-clock"]').textContent()).toMatch(/^4[45]:\d\d$/);
    expect(await ada.locator('[data-testid="live-clock"]').textContent()).toMatch(/^4[45]:\d\d$/);

    await ada.getByLabel(/^Private notes on/).fill('Asked good clarifying questions');
    expect(await bo.getByLabel(/^Private notes on/).count()).toBe(0);
    await ada.getByRole('button', { name: 'End interview' }).click();
    for (const page of [ada, bo]) await expect.poll(() => page.getByLabel('Score', { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    await screenshot(bo, 'live-summary-candidate-1280');
    await ada.keyboard.press('Escape');
    expect(await ada.getByLabel(/^Private notes on/).inputValue()).toBe('Asked good clarifying questions');
    await screenshot(ada, 'live-notes-interviewer-1280');
    expect(errors).toEqual([]);
  }, 180_000);
});
