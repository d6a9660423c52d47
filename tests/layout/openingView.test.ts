import { describe, expect, it } from 'vitest';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { nodeBoxes } from '../../shared/layout/boxes';
import { MAX_OPENING_ZOOM, openingView, READABLE_ZOOM } from '../../shared/layout/openingView';
import { servingNodes } from '../../shared/layout/stages';
import type { Diagram } from '../../shared/model/schema';

/** Where a node's box lands on the canvas in a view, px. */
function onScreen(diagram: Diagram, id: string, view: { x: number; y: number; zoom: number }) {
  const box = nodeBoxes(diagram).get(id)!;
  return { left: box.x * view.zoom + view.x, top: box.y * view.zoom + view.y, right: (box.x + box.width) * view.zoom + view.x, bottom: (box.y + box.height) * view.zoom + view.y };
}

describe('the opening view', () => {
  it('shows a small diagram whole, centred, at no more than its reading zoom', () => {
    const diagram = blueprint('similar-listings')!;
    const small = { ...diagram, nodes: diagram.nodes.slice(0, 2).map((n, i) => ({ ...n, position: { x: 300 * i, y: 0 } })), edges: [] };
    const view = openingView(small, 1400, 900)!;
    expect(view.zoom).toBe(MAX_OPENING_ZOOM);
    const a = onScreen(small, small.nodes[0]!.id, view);
    const b = onScreen(small, small.nodes[1]!.id, view);
    expect(a.left).toBeCloseTo(1400 - b.right, 6);
    expect(a.top).toBeGreaterThan(0);
  });

  it('opens every blueprint on its request path at a readable zoom, its traffic entry in view', () => {
    for (const slug of BLUEPRINT_SLUGS) {
      const diagram = blueprint(slug)!;
      for (const [width, height] of [[772, 534], [1412, 894]] as const) {
        const view = openingView(diagram, width, height)!;
        expect(view.zoom, slug).toBeGreaterThanOrEqual(READABLE_ZOOM);
        expect(view.zoom, slug).toBeLessThanOrEqual(MAX_OPENING_ZOOM);
        const entries = diagram.nodes.filter((n) => n.kind === 'traffic').map((n) => onScreen(diagram, n.id, view));
        expect(entries.some((e) => e.left >= 0 && e.right <= width && e.top >= 0 && e.bottom <= height), `${slug} at ${width}x${height}`).toBe(true);
        // The view starts at the request path's left edge, not in the offline band, clear of the zoom controls (15 + 26 px).
        const serving = servingNodes(diagram);
        const left = Math.min(...diagram.nodes.filter((n) => serving.has(n.id)).map((n) => onScreen(diagram, n.id, view).left));
        expect(left, slug).toBeCloseTo(56, 0);
        expect(Math.min(...diagram.nodes.map((n) => onScreen(diagram, n.id, view).left)), slug).toBeGreaterThan(41);
      }
    }
  });

  it('has nothing to show for an empty diagram or a canvas without a size', () => {
    expect(openingView({ nodes: [], edges: [] }, 800, 600)).toBeNull();
    expect(openingView(blueprint('news-feed')!, 0, 0)).toBeNull();
  });
});
