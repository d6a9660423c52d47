import { applyLayout } from '../../shared/layout/elkGraph';
import type { AppContext } from '../app/context';

/**
 * Lays out the diagram (or the given nodes) with ELK in the worker, then
 * moves the nodes there and stores the new routes, as one undo step.
 */
export async function runLayout(ctx: AppContext, only?: readonly string[]): Promise<void> {
  const { doc } = ctx.store.getState();
  if (doc.nodes.length === 0) return;
  const layout = await ctx.layout.layout(doc, only && only.length > 0 ? only : undefined);
  const laid = applyLayout(ctx.store.getState().doc, layout);
  ctx.store.commit(only ? 'Lay out selection' : 'Auto layout', (draft) => {
    draft.nodes = laid.nodes;
    draft.edges = laid.edges;
  });
  if (!only) ctx.flow()?.fitView({ padding: 0.1, duration: 250 });
}
