import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { READABLE_ZOOM } from '../../shared/layout/openingView';

interface Rect { id: string; left: number; top: number; right: number; bottom: number }

/** What the canvas shows: node boxes and names, caption boxes, stage markers. */
export async function drawn(p: Page) {
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

/**
 * Opens a blueprint and waits until its nodes and edges are drawn, its
 * figures have arrived from the worker and the view has settled on the
 * fitted diagram.
 */
export async function openBlueprint(page: Page, url: string, slug: string): Promise<void> {
  await page.goto(`${url}?blueprint=${slug}`);
  const doc = blueprint(slug)!;
  await page.waitForSelector('[data-testid="budget-bar"] [data-headline="peak"]');
  await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(doc.nodes.length);
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(doc.edges.length);
  await expect.poll(() => page.locator('.edge-label', { hasText: 'QPS' }).count()).toBeGreaterThan(0);
  // fitView runs once the nodes are measured; wait until the viewport stops moving.
  let last = '';
  await expect.poll(async () => {
    const now = await page.locator('.react-flow__viewport').getAttribute('style');
    const settled = now === last;
    last = now ?? '';
    return settled;
  }).toBe(true);
}

/**
 * What a person would find wrong with a blueprint's opening view: a zoom too
 * small to read, no traffic entry in view, a name cut or run out of its box,
 * a caption on a node or on another caption. Also the drawn size of names.
 */
export async function canvasProblems(page: Page, slug: string): Promise<{ problems: string[]; namePx: number }> {
  const doc = blueprint(slug)!;
  const entries = doc.nodes.filter((n) => n.kind === 'traffic').map((n) => n.id);
  const { zoom, namePx, inView } = await page.evaluate((ids) => {
    const zoom = Number(/scale\(([\d.]+)\)/.exec((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform)?.[1]);
    const name = document.querySelector('.component-label-line') as HTMLElement;
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const inView = ids.some((id) => {
      const entry = document.querySelector(`.react-flow__node-component[data-id="${id}"]`)!.getBoundingClientRect();
      return entry.left >= canvas.left && entry.right <= canvas.right && entry.top >= canvas.top && entry.bottom <= canvas.bottom;
    });
    return { zoom, namePx: parseFloat(getComputedStyle(name).fontSize) * zoom, inView };
  }, entries);
  const problems: string[] = [];
  if (zoom < READABLE_ZOOM - 0.001) problems.push(`${slug}: opens at zoom ${zoom}`);
  if (!inView) problems.push(`${slug}: no traffic entry in view`);
  const { nodes, labels } = await drawn(page);
  for (const node of nodes) {
    const label = doc.nodes.find((n) => n.id === node.id)!.label;
    if (node.text.join(' ').includes('…') || node.title !== label) problems.push(`${slug}: ${node.id} title`);
    if (node.text.join(' ').replace(/\s+/g, '') !== label.replace(/\s+/g, '')) problems.push(`${slug}: ${node.id} shows "${node.text.join(' ')}"`);
    if (node.clipped) problems.push(`${slug}: ${node.id} name runs out of its box`);
  }
  for (const l of labels) for (const n of nodes) if (overlap(l, n)) problems.push(`${slug}: caption ${l.id} on node ${n.id}`);
  labels.forEach((l, i) => labels.slice(i + 1).forEach((m) => overlap(l, m) && problems.push(`${slug}: caption ${l.id} on caption ${m.id}`)));
  return { problems, namePx };
}
