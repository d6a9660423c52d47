import type { Position } from '../../shared/model/schema';
import type { AppContext } from '../app/context';

const ANIMATION_MS = 300;

/**
 * Lays out the diagram (or the given nodes) with ELK in the worker, then
 * moves the nodes there in a short animation that ends as one undo step.
 */
export async function runLayout(ctx: AppContext, only?: readonly string[]): Promise<void> {
  const { doc } = ctx.store.getState();
  if (doc.nodes.length === 0) return;
  const target = await ctx.layout.layout(doc, only && only.length > 0 ? only : undefined);
  const start = new Map<string, Position>(doc.nodes.map((n) => [n.id, n.position ?? { x: 0, y: 0 }]));
  const frame = (share: number) =>
    ctx.store.gesture((draft) => {
      for (const node of draft.nodes) {
        const to = target.get(node.id);
        const from = start.get(node.id);
        if (!to || !from) continue;
        const ease = 1 - (1 - share) ** 3;
        node.position = share >= 1 ? to : { x: from.x + (to.x - from.x) * ease, y: from.y + (to.y - from.y) * ease };
      }
    });
  await new Promise<void>((resolve) => {
    const began = performance.now();
    const step = (now: number) => {
      const share = typeof requestAnimationFrame === 'undefined' ? 1 : Math.min(1, (now - began) / ANIMATION_MS);
      frame(share);
      if (share < 1) requestAnimationFrame(step);
      else resolve();
    };
    if (typeof requestAnimationFrame === 'undefined') step(began);
    else requestAnimationFrame(step);
  });
  ctx.store.endGesture(only ? 'Lay out selection' : 'Auto layout');
  if (!only) ctx.flow()?.fitView({ padding: 0.1, duration: 250 });
}
