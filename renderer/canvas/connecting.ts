import type { DiagramEdge } from '../../shared/model/schema';
import { connect, connectionProblem, sameConnection } from '../state/commands';
import type { EditorStore } from '../state/store';

const nameIn = (store: EditorStore, id: string) => `"${store.getState().doc.nodes.find((n) => n.id === id)?.label ?? id}"`;

/**
 * Draws the connection a person dragged from source to target: refused with
 * the reason, or, where the same pair is already connected, counted on that
 * edge (one more call per request) instead of a second edge drawn on top.
 */
export function connectFromCanvas(store: EditorStore, source: string, target: string): void {
  const { doc } = store.getState();
  const problem = connectionProblem(doc, source, target);
  if (problem) {
    store.set({ notice: `Not connected: ${problem}` });
    return;
  }
  const existing = sameConnection(doc, source, target);
  if (existing) {
    const calls = (existing.calls ?? 1) + 1;
    store.commit('Connect again', (d) => void (d.edges.find((e) => e.id === existing.id)!.calls = calls));
    store.set({
      selection: { nodes: [], edges: [existing.id] },
      notice: `${nameIn(store, source)} already calls ${nameIn(store, target)}: the edge now makes ×${calls} calls per request (undo to take it back)`,
    });
    return;
  }
  let id = '';
  store.commit('Connect', (d) => {
    id = connect(d, source, target);
  });
  store.set({ selection: { nodes: [], edges: [id] } });
}

/** Says why a connection dropped on a node was refused (the canvas drew nothing). */
export function explainRefusal(store: EditorStore, source: string, target: string, verb: 'connected' | 'reconnected'): void {
  const { doc } = store.getState();
  const problem = connectionProblem(doc, source, target);
  if (problem) store.set({ notice: `Not ${verb}: ${problem}` });
}

/**
 * Re-attaches an edge to another source or target, as one undo step, with the
 * checks of a new connection; landing on a pair that is already connected
 * the same way adds the edge's calls to that edge.
 */
export function reconnectFromCanvas(store: EditorStore, edge: DiagramEdge, source: string, target: string): void {
  if (edge.source === source && edge.target === target) return;
  const { doc } = store.getState();
  const others = { nodes: doc.nodes, edges: doc.edges.filter((e) => e.id !== edge.id) };
  const problem = connectionProblem(others, source, target, edge.mode);
  if (problem) {
    store.set({ notice: `Not reconnected: ${problem}` });
    return;
  }
  const existing = sameConnection(others, source, target, edge.mode);
  if (existing) {
    const calls = (existing.calls ?? 1) + (edge.calls ?? 1);
    store.commit('Reconnect', (d) => {
      d.edges = d.edges.filter((e) => e.id !== edge.id);
      d.edges.find((e) => e.id === existing.id)!.calls = calls;
    });
    store.set({
      selection: { nodes: [], edges: [existing.id] },
      notice: `${nameIn(store, source)} already calls ${nameIn(store, target)}: the two edges are now one making ×${calls} calls per request`,
    });
    return;
  }
  store.commit('Reconnect', (d) => {
    const moved = d.edges.find((e) => e.id === edge.id)!;
    moved.source = source;
    moved.target = target;
  });
  store.set({ selection: { nodes: [], edges: [edge.id] } });
}
