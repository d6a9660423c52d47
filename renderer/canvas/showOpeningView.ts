import { openingView } from '../../shared/layout/openingView';
import type { AppContext } from '../app/context';

/**
 * Shows the open document in its opening view (see openingView): whole when
 * it reads at that size, else its request path from the entry. Where the
 * canvas has no size yet, fits the whole diagram.
 */
export function showOpeningView(ctx: AppContext): void {
  const flow = ctx.flow();
  if (!flow) return;
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  const view = pane ? openingView(ctx.store.getState().doc, pane.width, pane.height) : null;
  if (view) void flow.setViewport(view);
  else void flow.fitView({ padding: 0.1 });
}
