import type { Diagram, DiagramEdge } from '../model/schema';

type Mode = NonNullable<DiagramEdge['mode']>;

/** Nodes reachable from `start` (not counting it) along edges of the given modes, following their direction. */
export function reachable(diagram: Pick<Diagram, 'edges'>, start: Iterable<string>, modes: readonly Mode[] = ['sync', 'async', 'offline']): Set<string> {
  const out = new Map<string, string[]>();
  for (const e of diagram.edges) {
    if (!modes.includes(e.mode ?? 'sync')) continue;
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    for (const next of out.get(stack.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** The nodes from which some node of `targets` can be reached (edges of any mode), targets included. */
export function reaching(diagram: Pick<Diagram, 'edges'>, targets: Iterable<string>): Set<string> {
  const reversed = { edges: diagram.edges.map((e) => ({ ...e, source: e.target, target: e.source })) };
  const start = [...targets];
  return new Set([...start, ...reachable(reversed, start)]);
}

/** A label per node naming its connected part of the graph (edges of any mode, either direction). */
export function components(diagram: Pick<Diagram, 'nodes' | 'edges'>): Map<string, string> {
  const parent = new Map(diagram.nodes.map((n) => [n.id, n.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let x = id; parent.get(x) !== root; ) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const e of diagram.edges) if (parent.has(e.source) && parent.has(e.target)) parent.set(find(e.source), find(e.target));
  return new Map(diagram.nodes.map((n) => [n.id, find(n.id)]));
}

/** The request path: nodes reached from a traffic entry through sync edges only. */
export function onlinePath(diagram: Pick<Diagram, 'nodes' | 'edges'>): Set<string> {
  return reachable(diagram, diagram.nodes.filter((n) => n.kind === 'traffic').map((n) => n.id), ['sync']);
}

/** Whether some node of `from` reaches some node of `to` through a path that uses at least one async edge. */
export function reachesThroughAsync(diagram: Pick<Diagram, 'edges'>, from: ReadonlySet<string>, to: ReadonlySet<string>): boolean {
  const reached = new Set([...from, ...reachable(diagram, from)]);
  const afterAsync = new Set<string>();
  for (const e of diagram.edges) if ((e.mode ?? 'sync') === 'async' && reached.has(e.source)) afterAsync.add(e.target);
  const beyond = reachable(diagram, afterAsync);
  return [...to].some((id) => afterAsync.has(id) || beyond.has(id));
}

/** The longest chain of sync calls from a traffic entry, counted in nodes. */
export function longestSyncChain(diagram: Pick<Diagram, 'nodes' | 'edges'>): number {
  const memo = new Map<string, number>();
  const calls = new Map<string, string[]>();
  for (const e of diagram.edges) if ((e.mode ?? 'sync') === 'sync') calls.set(e.source, [...(calls.get(e.source) ?? []), e.target]);
  const depth = (id: string, trail: Set<string>): number => {
    if (memo.has(id)) return memo.get(id)!;
    if (trail.has(id)) return 0;
    trail.add(id);
    const d = 1 + Math.max(0, ...(calls.get(id) ?? []).map((t) => depth(t, trail)));
    trail.delete(id);
    memo.set(id, d);
    return d;
  };
  return Math.max(0, ...diagram.nodes.filter((n) => n.kind === 'traffic').map((n) => depth(n.id, new Set()) - 1));
}
