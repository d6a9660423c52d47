import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { READABLE_ZOOM } from '../../shared/layout/openingView';
import { fitWhole, newPage, screenshot, sharedBrowser } from './browser';

const shared = sharedBrowser();
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  page = await newPage(shared.browser(), errors);
});

interface Rect { id: string; left: number; top: number; right: number; bottom: number }

/** What the canvas shows: node boxes and names, caption boxes, stage markers. */
async function drawn(p: Page) {
  return p.evaluate(() => {
    const rect = (el: Element, id: string) => {
      const r = el.getBoundingClientRect();
      return { id, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const nodes = [...document.querySelectorAll('.react-flow__node-component')].map((el) => ({
      ...rect(el, el.getAttribute('data-id')!),
      text: [...el.querySelectorAll('.component-label-line')].map((l) => l.textContent ?? ''),
      title: el.querySelector('.component-label')?.getAttribute('title') ?? '',
      clipped: [...el.querySelectorAll('.component-label-line')].some((l) => l.getBoundingClientRect().right > el.getBoundingClientRect().right + 0.5),
    }));
    const labels = [...document.querySelectorAll('.edge-label')].map((el) => rect(el, el.getAttribute('data-testid')!.replace('edge-label-', '')));
    const markers = [...document.querySelectorAll('.stage-marker')].map((el) => ({ id: el.getAttribute('data-testid')!.replace('stage-', ''), text: el.textContent }));
    return { nodes, labels, markers };
  });
}

const overlap = (a: Rect, b: Rect) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

async function open(slug: string): Promise<void> {
  await page.goto(`${shared.server().url}?blueprint=${slug}`);
  const doc = blueprint(slug)!;
  await page.waitForSelector('[data-testid="budget-bar"] .meter');
  await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(doc.nodes.length);
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(doc.edges.length);
  // Figures arrive from the worker, then the view settles on the fitted diagram.
  await expect.poll(() => page.locator('.edge-label', { hasText: 'QPS' }).count()).toBeGreaterThan(0);
  await page.waitForTimeout(300);
}

/** The opening view: the zoom, the drawn size of node names, and whether the traffic entry is inside the canvas. */
async function openingFigures(p: Page, entries: string[]) {
  return p.evaluate((ids) => {
    const zoom = Number(/scale\(([\d.]+)\)/.exec((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform)?.[1]);
    const name = document.querySelector('.component-label-line') as HTMLElement;
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const inView = ids.some((id) => {
      const entry = document.querySelector(`.react-flow__node-component[data-id="${id}"]`)!.getBoundingClientRect();
      return entry.left >= canvas.left && entry.right <= canvas.right && entry.top >= canvas.top && entry.bottom <= canvas.bottom;
    });
    return { zoom, namePx: parseFloat(getComputedStyle(name).fontSize) * zoom, inView };
  }, entries);
}

/**
 * Each blueprint is opened once per window size: the opening view is measured
 * first, as the app shows it, then the drawn names and captions.
 */
describe.each([[1280, 720], [1920, 1080]])('the canvas at %i x %i', (width, height) => {
  it('opens every blueprint at its traffic entry with names readable and in full, and captions clear of nodes and of each other', async () => {
    await page.setViewportSize({ width, height });
    const problems: string[] = [];
    const figures: string[] = [];
    for (const slug of BLUEPRINT_SLUGS) {
      await open(slug);
      const doc = blueprint(slug)!;
      const entries = doc.nodes.filter((n) => n.kind === 'traffic').map((n) => n.id);
      const { zoom, namePx, inView } = await openingFigures(page, entries);
      figures.push(`${slug} ${namePx.toFixed(1)} px`);
      if (zoom < READABLE_ZOOM - 0.001) problems.push(`${slug}: opens at zoom ${zoom}`);
      if (!inView) problems.push(`${slug}: no traffic entry in view`);
      await screenshot(page, `opening-${slug}-${width}`);
      const { nodes, labels } = await drawn(page);
      for (const node of nodes) {
        const label = doc.nodes.find((n) => n.id === node.id)!.label;
        if (node.text.join(' ').includes('…') || node.title !== label) problems.push(`${slug}: ${node.id} title`);
        if (node.text.join(' ').replace(/\s+/g, '') !== label.replace(/\s+/g, '')) problems.push(`${slug}: ${node.id} shows "${node.text.join(' ')}"`);
        if (node.clipped) problems.push(`${slug}: ${node.id} name runs out of its box`);
      }
      for (const l of labels) for (const n of nodes) if (overlap(l, n)) problems.push(`${slug}: caption ${l.id} on node ${n.id}`);
      labels.forEach((l, i) => labels.slice(i + 1).forEach((m) => overlap(l, m) && problems.push(`${slug}: caption ${l.id} on caption ${m.id}`)));
    }
    console.info(`node names at ${width}x${height}: ${figures.join(', ')}`);
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  }, 240_000);
});

describe('call stages on the canvas', () => {
  it('numbers the stages of the video recommendation fan-out, and a click on each caption selects that edge', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open('video-recommendation');
    await fitWhole(page);
    const { markers } = await drawn(page);
    expect(Object.fromEntries(markers.map((m) => [m.id, m.text]))).toEqual({ e4: '1', e6: '1', e7: '1', e8: '1', e12: '2', e13: '3', e14: '4' });
    for (const id of ['e4', 'e6', 'e7', 'e8', 'e12', 'e13', 'e14']) {
      await page.getByTestId(`edge-label-${id}`).click();
      await expect.poll(() => page.locator('path.flow-edge.selected').evaluateAll((paths) => paths.map((p) => p.id))).toEqual([id]);
    }
  }, 120_000);
});
