import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WORKER_GEOMETRY_MIN_NODES } from '../../renderer/canvas/useEdgeGeometry';
import { applyLayout, gridPositions } from '../../shared/layout/elkGraph';
import { generateDiagram } from '../bench/generate';
import { dropFile, editorPages, fitWhole } from './browser';

const errors: string[] = [];
const { open } = editorPages(errors);

/** The end points of an edge's drawn path, in screen px. */
const pathEnds = (page: Page, id: string) =>
  page.locator(`path.flow-edge#${id}`).evaluate((el) => {
    const path = el as SVGPathElement;
    const matrix = path.getScreenCTM()!;
    const at = (length: number) => new DOMPoint(path.getPointAtLength(length).x, path.getPointAtLength(length).y).matrixTransform(matrix);
    const start = at(0);
    const end = at(path.getTotalLength());
    return { start: { x: start.x, y: start.y }, end: { x: end.x, y: end.y } };
  });

describe('a large diagram on the canvas', () => {
  it('re-routes the edges of a dragged node, their routes computed off the main thread', async () => {
    // Just past the size from which the canvas routes edges in a worker: more nodes would only load slower.
    const diagram = generateDiagram(WORKER_GEOMETRY_MIN_NODES, 5);
    expect(diagram.nodes.length).toBeGreaterThanOrEqual(WORKER_GEOMETRY_MIN_NODES);
    const laid = applyLayout(diagram, { positions: gridPositions(diagram, diagram.nodes.map((n) => n.id)), routes: new Map() });
    const page = await open('similar-listings');
    await dropFile(page, 'large.mlsd.json', JSON.stringify({ ...laid, title: 'Large' }));
    await expect.poll(() => page.locator('.react-flow__node-component').count(), { timeout: 60_000 }).toBe(diagram.nodes.length);
    await fitWhole(page);
    const node = 'm0_gateway';
    const edge = laid.edges.find((e) => e.source === 'm0_users' && e.target === node)!.id;
    await expect.poll(() => page.locator(`path.flow-edge#${edge}`).count(), { timeout: 30_000 }).toBe(1);
    const box = (await page.locator(`.react-flow__node[data-id="${node}"]`).boundingBox())!;
    const from = { x: box.x + box.width / 2, y: box.y + 6 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + 12 * i, from.y + 30 * i);
    await page.mouse.up();
    // The edge into the dragged node ends on its new box once the worker answers.
    await expect.poll(async () => {
      const moved = (await page.locator(`.react-flow__node[data-id="${node}"]`).boundingBox())!;
      const { end } = await pathEnds(page, edge);
      return moved.y > box.y + 100 && end.x >= moved.x - 12 && end.x <= moved.x + moved.width + 12 && end.y >= moved.y - 12 && end.y <= moved.y + moved.height + 12;
    }, { timeout: 30_000 }).toBe(true);
    expect(errors).toEqual([]);
  }, 180_000);
});
