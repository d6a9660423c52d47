import type { Diagram, DiagramEdge } from './schema';

/** Whether an edge carries load (sync or async); offline edges only describe data flow. */
export function carriesLoad(edge: DiagramEdge): boolean {
  return (edge.mode ?? 'sync') !== 'offline';
}

/** A cycle of sync/async edges: the node ids in order and the index of the edge that closes it. */
export interface Cycle {
  nodes: string[];
  closingEdge: number;
}

/**
 * Finds the cycles formed by sync and async edges, one per strongly connected
 * group of nodes, so each problem is reported once. Edges to unknown nodes are ignored.
 */
export function findLoadCycles(diagram: Pick<Diagram, 'nodes' | 'edges'>): Cycle[] {
  const ids = new Set(diagram.nodes.map((n) => n.id));
  const out = new Map<string, { target: string; index: number }[]>();
  diagram.edges.forEach((edge, index) => {
    if (!carriesLoad(edge) || !ids.has(edge.source) || !ids.has(edge.target)) return;
    const list = out.get(edge.source) ?? [];
    list.push({ target: edge.target, index });
    out.set(edge.source, list);
  });

  // Iterative depth-first search; a back edge closes a cycle, reported once per component.
  const state = new Map<string, 'open' | 'done'>();
  const cycles: Cycle[] = [];
  const reported = new Set<string>();
  for (const start of diagram.nodes) {
    if (state.has(start.id)) continue;
    const path: string[] = [];
    const stack: { node: string; next: number }[] = [{ node: start.id, next: 0 }];
    state.set(start.id, 'open');
    path.push(start.id);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edges = out.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const { target, index } = edges[frame.next++]!;
        const seen = state.get(target);
        if (seen === 'open') {
          const cycleNodes = path.slice(path.indexOf(target));
          if (!cycleNodes.some((n) => reported.has(n))) {
            cycleNodes.forEach((n) => reported.add(n));
            cycles.push({ nodes: [...cycleNodes, target], closingEdge: index });
          }
        } else if (seen === undefined) {
          state.set(target, 'open');
          path.push(target);
          stack.push({ node: target, next: 0 });
        }
      } else {
        state.set(frame.node, 'done');
        path.pop();
        stack.pop();
      }
    }
  }
  return cycles;
}

/**
 * Node ids ordered so every sync/async edge goes from an earlier to a later node.
 * Only meaningful when there is no load cycle.
 */
export function topologicalOrder(diagram: Pick<Diagram, 'nodes' | 'edges'>): string[] {
  const indegree = new Map(diagram.nodes.map((n) => [n.id, 0]));
  const out = new Map<string, string[]>();
  for (const edge of diagram.edges) {
    if (!carriesLoad(edge) || !indegree.has(edge.source) || !indegree.has(edge.target)) continue;
    indegree.set(edge.target, indegree.get(edge.target)! + 1);
    const list = out.get(edge.source) ?? [];
    list.push(edge.target);
    out.set(edge.source, list);
  }
  const ready = diagram.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.pop()!;
    order.push(id);
    for (const target of out.get(id) ?? []) {
      const left = indegree.get(target)! - 1;
      indegree.set(target, left);
      if (left === 0) ready.push(target);
    }
  }
  return order;
}
