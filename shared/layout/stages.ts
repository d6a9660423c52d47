import { syncStages } from '../estimator/latency';
import { onlinePath } from '../lint/graphQueries';
import type { Diagram, DiagramEdge } from '../model/schema';

const modeOf = (e: DiagramEdge) => e.mode ?? 'sync';

/**
 * The serving path: traffic entries and every node they reach through sync
 * calls, plus nodes with no edge at all (just placed, not yet wired). Every
 * other node is reached only through async or offline edges and is drawn in
 * the offline band below.
 */
export function servingNodes(diagram: Pick<Diagram, 'nodes' | 'edges'>): Set<string> {
  const serving = onlinePath(diagram);
  const wired = new Set(diagram.edges.flatMap((e) => [e.source, e.target]));
  for (const n of diagram.nodes) if (n.kind === 'traffic' || !wired.has(n.id)) serving.add(n.id);
  return serving;
}

/** Each caller's sync calls, in the document's order, by caller id. */
function syncCallsByCaller(diagram: Pick<Diagram, 'edges'>): Map<string, DiagramEdge[]> {
  const calls = new Map<string, DiagramEdge[]>();
  for (const e of diagram.edges) {
    if (modeOf(e) !== 'sync') continue;
    const list = calls.get(e.source);
    if (list) list.push(e);
    else calls.set(e.source, [e]);
  }
  return calls;
}

/** The sequential stages of each caller's sync calls (as the estimator runs them), by caller id. */
function stagesByCaller(diagram: Pick<Diagram, 'edges'>): Map<string, DiagramEdge[][]> {
  return new Map([...syncCallsByCaller(diagram)].map(([caller, edges]) => [caller, syncStages(edges).map((s) => s.edges)]));
}

/**
 * The stage marker of each sync edge whose caller calls in more than one
 * stage, by the edge's place in the diagram's list: 1 for the first stage,
 * 2 for the next... (the stages `syncStages` gives). Edges of a caller with a
 * single stage, and edges that are not sync calls, get 0 (none).
 */
export function stageMarkers(diagram: Pick<Diagram, 'edges'>): Uint32Array {
  const edges = diagram.edges;
  const markers = new Uint32Array(edges.length);
  // Each caller's sync calls as a chain of places, in the document's order: its first call found by its id, each call's next by place.
  const firstCall = new Map<string, number>();
  const next = new Int32Array(edges.length).fill(-1);
  /** At a caller's first call: its last call so far. */
  const lastCall = new Int32Array(edges.length);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    if (modeOf(e) !== 'sync') continue;
    const first = firstCall.get(e.source);
    if (first === undefined) {
      firstCall.set(e.source, i);
      lastCall[i] = i;
    } else {
      next[lastCall[first]!] = i;
      lastCall[first] = i;
    }
  }
  // Stryker disable next-line ArrayDeclaration: emptied before each caller's calls.
  const stages: number[] = [];
  for (const first of firstCall.values()) {
    // A single call is a single stage (as the count of stages below finds, at more cost).
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the count of stages below leaves a single call unmarked too.
    if (next[first]! < 0) continue;
    // Each call's stage as syncStages reads it: its own, else its position among the caller's sync calls.
    stages.length = 0;
    for (let i = first; i >= 0; i = next[i]!) stages.push(edges[i]!.stage ?? stages.length);
    const order = [...new Set(stages)].sort((a, b) => a - b);
    if (order.length < 2) continue;
    const rank = new Map(order.map((stage, k) => [stage, k + 1]));
    for (let i = first, k = 0; i >= 0; i = next[i]!, k++) markers[i] = rank.get(stages[k]!)!;
  }
  return markers;
}

/**
 * A column for each node of `ids`, so a request path reads left to right in
 * call order: a callee right of its caller, and each stage of a caller's calls
 * right of the callees of its previous stage (the calls of one stage share a
 * column). The longest such path from the left decides; edges that would close
 * a cycle (offline loops) are ignored.
 */
export function callColumns(diagram: Pick<Diagram, 'edges'>, ids: readonly string[]): Map<string, number> {
  const inside = new Set(ids);
  const after = new Map<string, string[]>(ids.map((id) => [id, []]));
  const link = (a: string, b: string) => {
    if (a !== b && inside.has(a) && inside.has(b)) after.get(a)!.push(b);
  };
  for (const e of diagram.edges) link(e.source, e.target);
  for (const stages of stagesByCaller(diagram).values()) {
    for (let i = 1; i < stages.length; i++) for (const a of stages[i - 1]!) for (const b of stages[i]!) link(a.target, b.target);
  }
  // Depth-first order, dropping edges back into the current path (cycles).
  const order: string[] = [];
  const state = new Map<string, 1 | 2>();
  const forward = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const root of ids) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const targets = after.get(top.id)!;
      if (top.next < targets.length) {
        const target = targets[top.next++]!;
        const seen = state.get(target);
        if (seen === 1) continue;
        forward.get(top.id)!.push(target);
        if (seen === undefined) {
          state.set(target, 1);
          stack.push({ id: target, next: 0 });
        }
      } else {
        state.set(top.id, 2);
        order.push(top.id);
        stack.pop();
      }
    }
  }
  const column = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const id of order.reverse()) for (const t of forward.get(id)!) column.set(t, Math.max(column.get(t)!, column.get(id)! + 1));
  return column;
}
