import { NODE_HEIGHT, NODE_WIDTH } from '../../shared/layout/elkGraph';
import type { Position } from '../../shared/model/schema';
import { addNode } from '../state/commands';
import type { EditorStore } from '../state/store';

/** Adds a node of a kind centred on a canvas point, as one undo step, and selects it; returns its id. */
export function placeNode(store: EditorStore, kindId: string, centre: Position): string {
  let id = '';
  store.commit('Add node', (d) => {
    id = addNode(d, kindId, { x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 });
  });
  store.set({ selection: { nodes: [id], edges: [] } });
  return id;
}
