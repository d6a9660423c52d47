import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { clickAction, downloaded, editorPages, screenshot } from './browser';

const errors: string[] = [];
const { open } = editorPages(errors);

/** A point of the canvas where nothing is drawn (no node, edge or group frame), in page coordinates. */
async function emptyPoint(page: Page, inside = '.react-flow__pane'): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => {
    const box = document.querySelector('.canvas')!.getBoundingClientRect();
    for (let y = box.top + 40; y < box.bottom - 140; y += 16) {
      for (let x = box.left + 40; x < box.right - 200; x += 16) {
        const hit = document.elementFromPoint(x, y);
        if (wanted === '.react-flow__pane' ? hit?.classList.contains('react-flow__pane') : hit?.closest(wanted)) return { x, y };
      }
    }
    return null;
  }, inside);
  if (!point) throw new Error(`no free point on the canvas for ${inside}`);
  return point;
}

const edgeCount = (page: Page) => page.locator('.react-flow__edge').count();
const notice = (page: Page) => page.locator('.notice').textContent();

/** The page point halfway along an edge's path. */
async function edgeMiddle(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.locator(`[data-id="${id}"] path.react-flow__edge-interaction`).evaluate((el) => {
    const path = el as SVGPathElement;
    const at = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM()!;
    return { x: at.x * m.a + at.y * m.c + m.e, y: at.x * m.b + at.y * m.d + m.f };
  });
}
/** The text of a sticky note on the canvas, its wrapped lines joined again. */
const noteText = (page: Page, id: string) => page.getByTestId(`annotation-${id}`).locator('.annotation-line').allTextContents().then((lines) => lines.join(' '));
const handle = (page: Page, node: string, type: 'source' | 'target') => page.locator(`[data-id="${node}"] .react-flow__handle.${type}`);

describe('canvas editing in Chromium', () => {
  it('counts a repeated connection on the existing edge, and says why a connection is refused', async () => {
    const page = await open('similar-listings');
    const edges = blueprint('similar-listings')!.edges.length;
    await handle(page, 'users', 'source').dragTo(handle(page, 'gateway', 'target'));
    await expect.poll(() => page.getByTestId('edge-label-e1').textContent()).toMatch(/^×2/);
    expect(await edgeCount(page)).toBe(edges);
    expect(await notice(page)).toBe('"Users viewing a listing" already calls "API gateway": the edge now makes ×2 calls per request (undo to take it back)');
    await screenshot(page, 'connected-twice');

    await handle(page, 'ann', 'source').dragTo(handle(page, 'similar', 'target'));
    await expect.poll(() => notice(page)).toBe(
      'Not connected: "Similar-listings service" already calls "ANN service over 5M listings (HNSW)" through "Carousel cache (per listing, daily)", so this would close a loop of calls; draw feedback as an offline edge',
    );
    await handle(page, 'gateway', 'source').dragTo(handle(page, 'users', 'target'));
    await expect.poll(() => notice(page)).toMatch(/^Not connected: "Users viewing a listing" is a traffic entry/);
    expect(await edgeCount(page)).toBe(edges);
  });

  it('re-attaches an edge by dragging its end, as one undo step', async () => {
    const page = await open('similar-listings');
    const end = (await page.locator('[data-id="e7"] .react-flow__edgeupdater-target').boundingBox())!;
    const to = (await handle(page, 'listings', 'target').boundingBox())!;
    await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => page.locator('[data-id="e7"]').getAttribute('aria-label')).toBe('sync edge from carousel to listings');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-id="e7"]').getAttribute('aria-label')).toBe('sync edge from carousel to rerank');
  });

  it('edits an edge label in place on a double-click', async () => {
    const page = await open('similar-listings');
    // The event log has a single edge, so nothing else is drawn along it.
    const middle = await edgeMiddle(page, 'e10');
    await page.mouse.dblclick(middle.x, middle.y);
    const field = page.getByRole('textbox', { name: 'Edge label' });
    expect(await field.inputValue()).toBe('ETL');
    await field.fill('hourly ETL');
    await field.press('Enter');
    await expect.poll(() => page.getByTestId('edge-label-e10').textContent()).toContain('hourly ETL');
  });

  it('opens a right-click menu on the canvas and on a node, with the menus\' commands', async () => {
    const page = await open('similar-listings');
    const count = blueprint('similar-listings')!.nodes.length;
    const spot = await emptyPoint(page);
    await page.mouse.click(spot.x, spot.y, { button: 'right' });
    const menu = page.getByRole('menu', { name: 'Canvas' });
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['PasteCtrl+V', 'Add Component…', 'Add Sticky NoteN', 'Add TextT', 'Select AllCtrl+A', 'Auto LayoutCtrl+Shift+L', 'Fit to ScreenShift+1', 'UndoCtrl+Z', 'RedoCtrl+Shift+Z']);
    await screenshot(page, 'canvas-menu');
    await menu.getByRole('menuitem', { name: 'Add Component…' }).click();
    await page.getByRole('combobox', { name: 'Add a component' }).fill('redis');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(count + 1);
    const added = (await page.getByTestId('node-cache').boundingBox())!;
    expect(Math.abs(added.x + added.width / 2 - spot.x)).toBeLessThan(24);

    await page.getByTestId('node-coldStart').click({ button: 'right' });
    await page.getByRole('menu', { name: 'Node' }).getByRole('menuitem', { name: /^Delete/ }).click();
    await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(count);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('adds a component by name where the empty canvas is double-clicked', async () => {
    const page = await open('news-feed');
    const count = blueprint('news-feed')!.nodes.length;
    const spot = await emptyPoint(page);
    await page.mouse.dblclick(spot.x, spot.y);
    await page.getByRole('combobox', { name: 'Add a component' }).fill('FAISS');
    await screenshot(page, 'quick-picker');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(count + 1);
    const ids = await page.locator('.react-flow__node-component').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
    expect(ids.filter((id) => id?.startsWith('vectorIndex'))).toHaveLength(1);
  });

  it('selects a group by a click on its frame', async () => {
    const page = await open('similar-listings');
    const spot = await emptyPoint(page, '[data-id="group:offline"]');
    await page.mouse.click(spot.x, spot.y);
    await expect.poll(() => page.locator('.group-node.selected').count()).toBe(1);
    const offline = blueprint('similar-listings')!.nodes.filter((n) => n.group === 'offline').length;
    expect(await page.locator('.react-flow__node-component.selected').count()).toBe(offline);
  });

  it('shows the traffic what-if as a banner on the canvas, gone after New', async () => {
    const page = await open('similar-listings');
    await page.getByLabel('Traffic multiplier').fill('1');
    const banner = page.getByRole('status', { name: 'Traffic what-if' });
    await expect.poll(() => banner.textContent()).toMatch(/^Traffic ×10: figures are for 10× load/);
    await screenshot(page, 'traffic-banner');
    await clickAction(page, 'New');
    await expect.poll(() => banner.count()).toBe(0);
    expect(await page.getByLabel('Traffic multiplier').inputValue()).toBe('0');
  });

  it('keeps the practice timer in view while notes are written further down', async () => {
    const page = await open('similar-listings');
    await clickAction(page, 'Practice an Interview…');
    await page.getByRole('dialog', { name: 'Practice an interview' }).getByRole('button', { name: 'Start' }).click();
    const panel = page.getByRole('region', { name: 'Practice' });
    for (const step of await panel.locator('details.step summary').all()) await step.click();
    await panel.getByLabel('Notes: Monitoring').fill('Drift on embeddings, bookings per impression');
    // The panel's body has scrolled far down, and the timer is still at its top.
    const body = (await page.locator('.side .side-body').boundingBox())!;
    const timer = (await panel.getByRole('timer').boundingBox())!;
    expect(await page.locator('.side .side-body').evaluate((el) => el.scrollTop)).toBeGreaterThan(200);
    expect(timer.y).toBeGreaterThanOrEqual(body.y - 1);
    expect(timer.y + timer.height).toBeLessThan(body.y + 60);
    await screenshot(page, 'practice-timer-sticky');
  });

  it('adds a sticky note, edits its text, copies and pastes it, saves, and sees both notes after reopening', async () => {
    const page = await open('similar-listings');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    const note = page.getByTestId('annotation-note1');
    await expect.poll(() => noteText(page, 'note1')).toBe('Note');
    await note.dblclick();
    const field = page.getByRole('textbox', { name: 'Sticky note text' });
    await field.fill('Peak is 3x the daily average');
    await field.press('Control+Enter');
    await expect.poll(() => noteText(page, 'note1')).toBe('Peak is 3x the daily average');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    const copy = page.getByTestId('annotation-note2');
    await expect.poll(() => noteText(page, 'note2')).toBe('Peak is 3x the daily average');
    const [first, second] = [(await note.boundingBox())!, (await copy.boundingBox())!];
    expect(second.x).toBeGreaterThan(first.x);
    expect(second.y).toBeGreaterThan(first.y);
    await screenshot(page, 'sticky-note-pasted');

    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    const saved = await downloaded(await downloading);
    const texts = (JSON.parse(readFileSync(saved, 'utf8')).annotations as { id: string; text: string }[]).map((a) => `${a.id}: ${a.text}`);
    expect(texts).toEqual(['note1: Peak is 3x the daily average', 'note2: Peak is 3x the daily average']);

    const fresh = await open('news-feed');
    const choosing = fresh.waitForEvent('filechooser');
    await clickAction(fresh, 'Open…');
    await (await choosing).setFiles(saved);
    for (const id of ['note1', 'note2']) await expect.poll(() => noteText(fresh, id)).toBe('Peak is 3x the daily average');
  }, 90_000);

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
