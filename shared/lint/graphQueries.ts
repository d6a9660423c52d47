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
  return walk(out, start);
}

/** The nodes reached from `start` (not counting it) through the lists of next nodes in `out`. */
function walk(out: ReadonlyMap<string, readonly string[]>, start: Iterable<string>): Set<string> {
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
  // Edges followed backwards, each target's callers in edge order.
  const back = new Map<string, string[]>();
  for (const e of diagram.edges) {
    const list = back.get(e.target);
    if (list) list.push(e.source);
    else back.set(e.target, [e.source]);
  }
  const start = [...targets];
  return new Set([...start, ...walk(back, start)]);
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
