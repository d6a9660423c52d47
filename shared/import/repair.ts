import { findKind } from '../kinds';
import type { Diagram, DiagramEdge, DiagramNode } from '../model/schema';
import type { ImportReport } from './common';

/**
 * What a drawing allows and a diagram does not, mended where the import
 * guessed, each change in the report: an arrow from a node to itself is
 * left out; a node guessed to be Traffic that arrows point into becomes a
 * Service (load only leaves an entry); an arrow that closes a loop of calls
 * becomes offline (only offline work may loop). A diagram MLSD Studio
 * exported has none of these and comes through unchanged.
 */
export function mendDrawing(diagram: Diagram, report: ImportReport): Diagram {
  const label = new Map(diagram.nodes.map((n) => [n.id, n.label]));
  const arrow = (e: DiagramEdge) => `arrow "${label.get(e.source)}" -> "${label.get(e.target)}"`;
  const edges = diagram.edges.filter((e) => {
    if (e.source !== e.target) return true;
    report.notes.push(`${arrow(e)} goes from a node to itself, left out`);
    return false;
  });
  const guessed = new Set(report.guesses.map((g) => g.node));
  const called = new Set(edges.map((e) => e.target));
  const nodes = diagram.nodes.map((n) => {
    if (n.kind !== 'traffic' || !called.has(n.id) || !guessed.has(n.id)) return n;
    report.notes.push(`"${n.label}" looks like Traffic, but arrows point into it: made a Service (load only leaves an entry)`);
    Object.assign(report.guesses.find((g) => g.node === n.id)!, { kind: 'service', from: 'default', clue: undefined });
    const { traffic: _traffic, ...rest } = n;
    return { ...rest, kind: 'service', ...structuredClone(findKind('service')!.defaults) } as DiagramNode;
  });
  return { ...diagram, nodes, edges: breakLoops(edges, arrow, report) };
}

/**
 * The edges with every one that closes a loop of sync or async calls made
 * offline: the back edges of a depth-first walk from each node in the
 * order drawn, so the rest form no loop. One pass, linear in the diagram.
 */
function breakLoops(edges: DiagramEdge[], arrow: (e: DiagramEdge) => string, report: ImportReport): DiagramEdge[] {
  const out = edges.map((e) => ({ ...e }));
  const calls = new Map<string, DiagramEdge[]>();
  for (const e of out) if (e.mode !== 'offline') calls.set(e.source, [...(calls.get(e.source) ?? []), e]);
  const state = new Map<string, 'open' | 'done'>();
  for (const root of new Set(out.map((e) => e.source))) {
    if (state.has(root)) continue;
    const stack: { node: string; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const e = calls.get(top.node)?.[top.next++];
      if (!e) {
        state.set(top.node, 'done');
        stack.pop();
      } else if (state.get(e.target) === 'open') {
        report.notes.push(`${arrow(e)} closes a loop of calls: made offline (only offline work may loop)`);
        e.mode = 'offline';
      } else if (!state.has(e.target)) {
        state.set(e.target, 'open');
        stack.push({ node: e.target, next: 0 });
      }
    }
  }
  return out;
}
