import { edgeEnds, nodeNumbers } from '../estimator/nodeIndex';
import { groupedBy } from '../model/grouped';
import type { Diagram, DiagramEdge } from '../model/schema';

type Mode = NonNullable<DiagramEdge['mode']>;

/** Each edge mode's bit in a set of modes. */
export const MODE_BIT: Record<Mode, number> = { sync: 1, async: 2, offline: 4 };
/** Every mode's bit. */
export const ALL_MODES = 7;

/**
 * A diagram's edges over node numbers (numbered in order of first mention),
 * with the lists of next nodes built once per direction and set of modes:
 * the queries below walk typed arrays instead of maps of ids, which on a
 * design of 100,000 nodes is most of their cost.
 */
export interface NumberedEdges {
  ids: string[];
  number: { get(id: string): number | undefined };
  source: Int32Array;
  target: Int32Array;
  mode: Uint8Array;
  /** When numbered with its nodes (numberDiagramEdges): each node's number by its position in the list. */
  nodeNumber?: Int32Array;
  /** Per direction and set of modes: next[offsets[v]..offsets[v + 1]) are v's next nodes, in edge order. */
  lists: Map<number, { offsets: Int32Array; next: Int32Array }>;
}

/** Numbered edges kept per edge list while sharedEdgeNumbers runs (the diagram cannot change meanwhile). */
let numbered: WeakMap<readonly DiagramEdge[], NumberedEdges> | undefined;

/** Runs `work` with the numbered edges of each edge list built once and shared by every query in it. */
export function sharedEdgeNumbers<T>(work: () => T): T {
  const outer = numbered;
  numbered ??= new WeakMap();
  try {
    return work();
  } finally {
    numbered = outer;
  }
}

/** The edges over node numbers, built once per edge list while sharedEdgeNumbers runs. */
export function numberEdges(edges: readonly DiagramEdge[]): NumberedEdges {
  const known = numbered?.get(edges);
  if (known) return known;
  const ids: string[] = [];
  const number = new Map<string, number>();
  const numberOf = numberer(ids, number);
  const source = new Int32Array(edges.length);
  const target = new Int32Array(edges.length);
  for (let i = 0; i < edges.length; i++) {
    source[i] = numberOf(edges[i]!.source);
    target[i] = numberOf(edges[i]!.target);
  }
  return remember(edges, { ids, number, source, target, mode: modesOf(edges), lists: new Map() });
}

/**
 * The same for a whole diagram, numbered as the estimate numbers its nodes
 * (a node's position in the list, see estimator/nodeIndex), so that inside an
 * estimate the rules reuse the look-ups of ids its passes already made. Ids
 * that edges name but no node has are numbered after the nodes.
 */
export function numberDiagramEdges(diagram: Pick<Diagram, 'nodes' | 'edges'>): NumberedEdges & { nodeNumber: Int32Array } {
  const known = numbered?.get(diagram.edges);
  if (known?.nodeNumber?.length === diagram.nodes.length) return known as NumberedEdges & { nodeNumber: Int32Array };
  const { nodes, edges } = diagram;
  const ends = edgeEnds(diagram);
  const source = ends.source.slice();
  const target = ends.target.slice();
  const ids = nodes.map((n) => n.id);
  const byNode = nodeNumbers(nodes);
  const dangling = new Map<string, number>();
  const other = numberer(ids, dangling);
  for (let i = 0; i < edges.length; i++) {
    if (source[i]! < 0) source[i] = other(edges[i]!.source);
    if (target[i]! < 0) target[i] = other(edges[i]!.target);
  }
  const number = { get: (id: string) => byNode.get(id) ?? dangling.get(id) };
  // A node's number is its position, unless its id repeats: then it is the last position with that id.
  const nodeNumber = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) nodeNumber[i] = i;
  if (byNode.size < nodes.length) for (let i = 0; i < nodes.length; i++) nodeNumber[i] = byNode.get(nodes[i]!.id)!;
  const g = { ids, number, source, target, mode: modesOf(edges), nodeNumber, lists: new Map() };
  remember(edges, g);
  return g;
}

/** Gives an id its number from `number`, or on first sight the next one (its place in `ids`, where it is added). */
function numberer(ids: string[], number: Map<string, number>): (id: string) => number {
  return (id) => {
    let n = number.get(id);
    if (n === undefined) {
      n = ids.length;
      number.set(id, n);
      ids.push(id);
    }
    return n;
  };
}

/** Each edge's mode as its bit (0 for a mode the format does not know). */
function modesOf(edges: readonly DiagramEdge[]): Uint8Array {
  const mode = new Uint8Array(edges.length);
  for (let i = 0; i < edges.length; i++) mode[i] = MODE_BIT[edges[i]!.mode ?? 'sync'] ?? 0;
  return mode;
}

/** Keeps the numbered edges while sharedEdgeNumbers runs. */
function remember(edges: readonly DiagramEdge[], g: NumberedEdges): NumberedEdges {
  numbered?.set(edges, g);
  return g;
}

/** The next nodes of every node along edges of `modes` (bits), forwards or backwards. */
function nextLists(g: NumberedEdges, modes: number, backward: boolean): { offsets: Int32Array; next: Int32Array } {
  const key = modes * 2 + (backward ? 1 : 0);
  const known = g.lists.get(key);
  if (known) return known;
  const from = backward ? g.target : g.source;
  const to = backward ? g.source : g.target;
  const { starts: offsets, items: edges } = groupedBy(from.length, g.ids.length, (i) => (g.mode[i]! & modes ? from[i]! : -1));
  const next = edges.map((i) => to[i]!);
  const lists = { offsets, next };
  g.lists.set(key, lists);
  return lists;
}

/** The numbers of the ids that some edge names, in the order given. */
function numbersOf(g: NumberedEdges, ids: Iterable<string>): number[] {
  const numbers: number[] = [];
  for (const id of ids) {
    const n = g.number.get(id);
    if (n !== undefined) numbers.push(n);
  }
  return numbers;
}

/** Marks the nodes reached from `start` (not counting it) through the lists of next nodes. */
function walk(g: NumberedEdges, modes: number, backward: boolean, start: Iterable<string>): Uint8Array {
  return walkFrom(g, modes, backward, numbersOf(g, start));
}

/** Marks the nodes reached from the nodes numbered `start` (not counting them) along edges of `modes` (bits). */
export function walkFrom(g: NumberedEdges, modes: number, backward: boolean, start: readonly number[]): Uint8Array {
  const { offsets, next } = nextLists(g, modes, backward);
  const seen = new Uint8Array(g.ids.length);
  const stack = start.slice();
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let i = offsets[v]!; i < offsets[v + 1]!; i++) {
      const w = next[i]!;
      if (seen[w] === 0) {
        seen[w] = 1;
        stack.push(w);
      }
    }
  }
  return seen;
}

/** The ids of the marked nodes, added to `into`. */
function idsOf(g: NumberedEdges, marks: Uint8Array, into = new Set<string>()): Set<string> {
  for (let v = 0; v < marks.length; v++) if (marks[v] === 1) into.add(g.ids[v]!);
  return into;
}

/** Nodes reachable from `start` (not counting it) along edges of the given modes, following their direction. */
export function reachable(diagram: Pick<Diagram, 'edges'>, start: Iterable<string>, modes: readonly Mode[] = ['sync', 'async', 'offline']): Set<string> {
  const g = numberEdges(diagram.edges);
  return idsOf(g, walk(g, modes.reduce((bits, m) => bits | MODE_BIT[m], 0), false, start));
}

/** The nodes from which some node of `targets` can be reached (edges of any mode), targets included. */
export function reaching(diagram: Pick<Diagram, 'edges'>, targets: Iterable<string>): Set<string> {
  const g = numberEdges(diagram.edges);
  const start = [...targets];
  return idsOf(g, walk(g, ALL_MODES, true, start), new Set(start));
}

/**
 * A label per node naming its connected part of the graph (edges of the given
 * modes, either direction); a node no such edge touches is a part of its own.
 */
export function components(diagram: Pick<Diagram, 'nodes' | 'edges'>, modes: readonly Mode[] = ['sync', 'async', 'offline']): { get(id: string): string | undefined } {
  const g = numberDiagramEdges(diagram);
  const bits = modes.reduce((b, m) => b | MODE_BIT[m], 0);
  const parent = new Int32Array(g.ids.length);
  for (let v = 0; v < parent.length; v++) parent[v] = v;
  const find = (v: number): number => {
    let root = v;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[v] !== root) {
      const next = parent[v]!;
      parent[v] = root;
      v = next;
    }
    return root;
  };
  // Each part's size at its root: the smaller part joins the larger, so no path to a root grows long.
  const size = new Int32Array(g.ids.length).fill(1);
  // Numbers that are node ids (not ids that only edges name).
  const isNode = new Uint8Array(g.ids.length);
  for (const v of g.nodeNumber) isNode[v] = 1;
  for (let i = 0; i < g.source.length; i++) {
    if (!(g.mode[i]! & bits && isNode[g.source[i]!] === 1 && isNode[g.target[i]!] === 1)) continue;
    const a = find(g.source[i]!);
    const b = find(g.target[i]!);
    if (a === b) continue;
    const small = size[a]! < size[b]! ? a : b;
    const large = small === a ? b : a;
    parent[small] = large;
    size[large]! += size[small]!;
  }
  return {
    get(id) {
      const v = g.number.get(id);
      return v !== undefined && isNode[v] === 1 ? g.ids[find(v)]! : undefined;
    },
  };
}

/** The request path: nodes reached from a traffic entry through sync edges only. */
export function onlinePath(diagram: Pick<Diagram, 'nodes' | 'edges'>): Set<string> {
  return reachable(diagram, diagram.nodes.filter((n) => n.kind === 'traffic').map((n) => n.id), ['sync']);
}

/** Whether some node of `from` reaches some node of `to` through a path that uses at least one async edge. */
export function reachesThroughAsync(diagram: Pick<Diagram, 'edges'>, from: ReadonlySet<string>, to: ReadonlySet<string>): boolean {
  const g = numberEdges(diagram.edges);
  const marks = new Uint8Array(g.ids.length);
  for (const v of numbersOf(g, from)) marks[v] = 1;
  return marksReachThroughAsync(g, marks, to);
}

/** reachesThroughAsync from the nodes marked in `from` (by number). */
export function marksReachThroughAsync(g: NumberedEdges, from: Uint8Array, to: ReadonlySet<string>): boolean {
  const start: number[] = [];
  for (let v = 0; v < from.length; v++) if (from[v] === 1) start.push(v);
  const reached = walkFrom(g, ALL_MODES, false, start);
  for (const v of start) reached[v] = 1;
  const afterAsync = new Uint8Array(g.ids.length);
  for (let i = 0; i < g.source.length; i++) if (g.mode[i] === MODE_BIT.async && reached[g.source[i]!] === 1) afterAsync[g.target[i]!] = 1;
  const next: number[] = [];
  for (let v = 0; v < afterAsync.length; v++) if (afterAsync[v] === 1) next.push(v);
  const beyond = walkFrom(g, ALL_MODES, false, next);
  return [...to].some((id) => {
    const v = g.number.get(id);
    return v !== undefined && (afterAsync[v] === 1 || beyond[v] === 1);
  });
}

/**
 * The longest chain of sync calls from a traffic entry, counted in nodes. An
 * explicit stack instead of recursion, so a chain of any length is measured
 * without running out of call stack; a call back into the chain counts 0.
 */
export function longestSyncChain(diagram: Pick<Diagram, 'nodes' | 'edges'>): number {
  const calls = new Map<string, string[]>();
  for (const e of diagram.edges) {
    if ((e.mode ?? 'sync') !== 'sync') continue;
    const list = calls.get(e.source);
    if (list) list.push(e.target);
    else calls.set(e.source, [e.target]);
  }
  const depth = longestRuns(calls);
  let longest = 0;
  for (const node of diagram.nodes) if (node.kind === 'traffic') longest = Math.max(longest, depth(node.id) - 1);
  return longest;
}

/**
 * The number of nodes on the longest run from each node along `next` (a node
 * already on the run counts 0), remembered from one start to the next. By an
 * explicit stack: a run may be many thousands of nodes long.
 */
export function longestRuns(next: ReadonlyMap<string, readonly string[]>): (start: string) => number {
  const length = new Map<string, number>();
  return (start) => {
    const known = length.get(start);
    if (known !== undefined) return known;
    const frames = [{ id: start, child: 0, longest: 0 }];
    const onRun = new Set([start]);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const targets = next.get(frame.id) ?? [];
      if (frame.child < targets.length) {
        const target = targets[frame.child++]!;
        const done = length.get(target);
        if (done !== undefined) frame.longest = Math.max(frame.longest, done);
        else if (!onRun.has(target)) {
          frames.push({ id: target, child: 0, longest: 0 });
          onRun.add(target);
        }
        continue;
      }
      frames.pop();
      onRun.delete(frame.id);
      length.set(frame.id, 1 + frame.longest);
      const caller = frames[frames.length - 1];
      if (caller) caller.longest = Math.max(caller.longest, 1 + frame.longest);
    }
    return length.get(start)!;
  };
}

/**
 * For each edge, the first edge before it with the same source, target and
 * mode, or -1. Edges are taken source by source (in their order), each
 * remembering its target and mode until the next source; an edge whose mode
 * the format does not know is matched by the text of its ends and mode.
 */
export function firstRepeated(g: NumberedEdges, edges: readonly DiagramEdge[]): Int32Array {
  const count = g.source.length;
  const first = new Int32Array(count).fill(-1);
  // Edge numbers ordered by source, and in edge order within a source.
  const { starts: start, items: bySource } = groupedBy(count, g.ids.length, (i) => g.source[i]!);
  // seen[target * 8 + mode bit]: the first edge to that target in that mode from the source at hand.
  const seen = new Int32Array(8 * g.ids.length).fill(-1);
  const unknownModes = new Map<string, number>();
  for (let v = 0; v < g.ids.length; v++) {
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const i = bySource[k]!;
      if (g.mode[i] === 0) {
        const key = JSON.stringify([edges[i]!.source, edges[i]!.target, edges[i]!.mode]);
        const earlier = unknownModes.get(key);
        if (earlier === undefined) unknownModes.set(key, i);
        else first[i] = earlier;
        continue;
      }
      const slot = g.target[i]! * 8 + g.mode[i]!;
      if (seen[slot]! < 0) seen[slot] = i;
      else first[i] = seen[slot]!;
    }
    for (let k = start[v]!; k < start[v + 1]!; k++) seen[g.target[bySource[k]!]! * 8 + g.mode[bySource[k]!]!] = -1;
  }
  return first;
}
