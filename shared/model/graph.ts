import type { Diagram, DiagramEdge } from './schema';
import { groupedBy } from './grouped';

/** Whether an edge carries load (sync or async); offline edges only describe data flow. */
export function carriesLoad(edge: DiagramEdge): boolean {
  return (edge.mode ?? 'sync') !== 'offline';
}

/** A cycle of sync/async edges: the node ids in order and the index of the edge that closes it. */
export interface Cycle {
  nodes: string[];
  closingEdge: number;
}

/** What a caller that has looked the ids up already can pass findLoadCycles. */
export interface KnownIndexes {
  /** Each node id's first position in `nodes`. */
  firstIndex: ReadonlyMap<string, number>;
  /** Each edge's source and target as those positions, -1 for an unknown node. */
  ends?: { source: Int32Array; target: Int32Array };
}

/**
 * Finds the cycles formed by sync and async edges, one per strongly connected
 * group of nodes, so each problem is reported once. Edges to unknown nodes are
 * ignored.
 */
export function findLoadCycles(diagram: Pick<Diagram, 'nodes' | 'edges'>, known?: KnownIndexes): Cycle[] {
  const { nodes, edges } = diagram;
  const indexOf = known?.firstIndex ?? firstIndexes(nodes);
  const ends = known?.ends;
  // The load-carrying edges as lists of (target, edge index) per source node, in edge order.
  const sources = new Int32Array(edges.length).fill(-1);
  const targets = new Int32Array(edges.length);
  edges.forEach((edge, e) => {
    if (!carriesLoad(edge)) return;
    const source = ends ? ends.source[e]! : (indexOf.get(edge.source) ?? -1);
    const target = ends ? ends.target[e]! : (indexOf.get(edge.target) ?? -1);
    if (source < 0 || target < 0) return;
    sources[e] = source;
    targets[e] = target;
  });
  const { starts, items: outEdge } = groupedBy(edges.length, nodes.length, (e) => sources[e]!);
  const outTarget = outEdge.map((e) => targets[e]!);

  // Iterative depth-first search; a back edge closes a cycle, reported once per component.
  const OPEN = 1;
  const DONE = 2;
  const state = new Uint8Array(nodes.length);
  const reported = new Uint8Array(nodes.length);
  const stackNode = new Int32Array(nodes.length);
  const stackNext = new Int32Array(nodes.length);
  const depthOf = new Int32Array(nodes.length);
  const cycles: Cycle[] = [];
  for (let start = 0; start < nodes.length; start++) {
    // A repeated id's later nodes are never an edge's end (ends are first positions): from them the search finds nothing.
    if (state[start] !== 0) continue;
    let depth = 0;
    stackNode[0] = start;
    stackNext[0] = starts[start]!;
    depthOf[start] = 0;
    state[start] = OPEN;
    while (depth >= 0) {
      const node = stackNode[depth]!;
      if (stackNext[depth]! < starts[node + 1]!) {
        const at = stackNext[depth]!++;
        const target = outTarget[at]!;
        if (state[target] === OPEN) {
          const cycle = Array.from(stackNode.subarray(depthOf[target]!, depth + 1));
          if (!cycle.some((n) => reported[n])) {
            for (const n of cycle) reported[n] = 1;
            cycles.push({ nodes: [...cycle, target].map((n) => nodes[n]!.id), closingEdge: outEdge[at]! });
          }
        } else if (state[target] === 0) {
          state[target] = OPEN;
          depth++;
          stackNode[depth] = target;
          stackNext[depth] = starts[target]!;
          depthOf[target] = depth;
        }
      } else {
        state[node] = DONE;
        depth--;
      }
    }
  }
  return cycles;
}

/** Each id's first position in a list of items with ids. */
export function firstIndexes(items: readonly { id: string }[]): Map<string, number> {
  const first = new Map<string, number>();
  for (let index = 0; index < items.length; index++) {
    const id = items[index]!.id;
    if (!first.has(id)) first.set(id, index);
  }
  return first;
}

/**
 * Node ids ordered so every sync/async edge goes from an earlier to a later node.
 * Only meaningful when there is no load cycle.
 */
export function topologicalOrder(diagram: Pick<Diagram, 'nodes' | 'edges'>, known?: KnownIndexes): string[] {
  return topologicalPositions(diagram, known).ids;
}

/**
 * topologicalOrder, with each id's position beside it (its index in
 * `known.firstIndex`, else its first): the order by number for the passes
 * that walk it over arrays, without looking each id up again.
 */
export function topologicalPositions(diagram: Pick<Diagram, 'nodes' | 'edges'>, known?: KnownIndexes): { ids: string[]; positions: Int32Array } {
  // Over node positions (an id's first one) in typed arrays: a large design's ids are looked up once per edge end.
  const position = known?.firstIndex ?? firstIndexes(diagram.nodes);
  const ends = known?.ends;
  const n = diagram.nodes.length;
  const indegree = new Int32Array(n);
  const from: number[] = [];
  const to: number[] = [];
  diagram.edges.forEach((edge, e) => {
    if (!carriesLoad(edge)) return;
    const source = ends ? ends.source[e]! : (position.get(edge.source) ?? -1);
    const target = ends ? ends.target[e]! : (position.get(edge.target) ?? -1);
    if (source < 0 || target < 0) return;
    indegree[target]!++;
    from.push(source);
    to.push(target);
  });
  // Each node's targets in edge order, as lists in one array.
  const { starts: offsets, items } = groupedBy(from.length, n, (i) => from[i]!);
  const targets = items.map((i) => to[i]!);
  const ready: number[] = [];
  // With every id once (the usual case), a node's position is its index: no look-ups.
  const unique = position.size === n;
  for (let i = 0; i < n; i++) {
    const v = unique ? i : position.get(diagram.nodes[i]!.id)!;
    if (indegree[v] === 0) ready.push(v);
  }
  const order: string[] = [];
  const positions = new Int32Array(n);
  while (ready.length > 0) {
    const v = ready.pop()!;
    positions[order.length] = v;
    order.push(diagram.nodes[v]!.id);
    for (let i = offsets[v]!; i < offsets[v + 1]!; i++) {
      const target = targets[i]!;
      if (--indegree[target]! === 0) ready.push(target);
    }
  }
  // Stryker disable next-line ConditionalExpression: a copy of all the positions holds the same numbers; it is cut only where a cycle left some out
  return { ids: order, positions: order.length === n ? positions : positions.slice(0, order.length) };
}
