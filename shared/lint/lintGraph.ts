/**
 * What the design rules ask of one diagram, over the node numbers of its
 * numbered edges (see graphQueries): marks in typed arrays instead of sets
 * and maps of ids, which on a design of 100,000 nodes is most of the rules'
 * cost.
 */
import type { Diagram, DiagramNode } from '../model/schema';
import { MODE_BIT, numberDiagramEdges, walkFrom, type NumberedEdges } from './graphQueries';

export interface LintGraph {
  g: NumberedEdges;
  /** Each node's number (the number of its id: the last position with that id). */
  nodeNumber: Int32Array;
  /** Marks by number of the request path: what a traffic entry reaches through sync edges (as onlinePath). */
  online: Uint8Array;
  /** The positions of each kind's nodes, in the nodes' order: a rule about one kind looks at its nodes only. */
  kinds: ReadonlyMap<string, readonly number[]>;
}

const NONE: readonly number[] = [];

/** The diagram's numbered nodes and request path. */
export function lintGraphOf(d: Diagram): LintGraph {
  const g = numberDiagramEdges(d);
  const nodeNumber = g.nodeNumber;
  const kinds = new Map<string, number[]>();
  for (let i = 0; i < d.nodes.length; i++) {
    const kind = d.nodes[i]!.kind;
    const positions = kinds.get(kind);
    if (positions) positions.push(i);
    else kinds.set(kind, [i]);
  }
  const entries = (kinds.get('traffic') ?? NONE).map((i) => nodeNumber[i]!);
  return { g, nodeNumber, online: walkFrom(g, MODE_BIT.sync, false, entries), kinds };
}

/** The nodes of this kind, in the nodes' order, that pass `keep` (given each node's position) if it is given. */
export function nodesOfKind(d: Diagram, lg: LintGraph, kind: DiagramNode['kind'], keep?: (node: DiagramNode, index: number) => boolean): DiagramNode[] {
  const found: DiagramNode[] = [];
  for (const i of lg.kinds.get(kind) ?? NONE) if (keep === undefined || keep(d.nodes[i]!, i)) found.push(d.nodes[i]!);
  return found;
}

/** Whether the diagram has a node of this kind. */
export function hasKind(lg: LintGraph, kind: DiagramNode['kind']): boolean {
  return lg.kinds.has(kind);
}

/** Whether the node at `index` is on the request path. */
export function isOnline(lg: LintGraph, index: number): boolean {
  return lg.online[lg.nodeNumber[index]!] === 1;
}

/** Whether the node at `index` is marked in marks by number. */
export function marked(lg: LintGraph, marks: Uint8Array, index: number): boolean {
  return marks[lg.nodeNumber[index]!] === 1;
}

/** The numbers of the nodes of this kind that some edge names, in the nodes' order. */
export function numbersOfKind(lg: LintGraph, kind: DiagramNode['kind']): number[] {
  return (lg.kinds.get(kind) ?? NONE).map((i) => lg.nodeNumber[i]!);
}

/** Which edges' modes a query takes: bit `b` set takes the edges whose mode bit is `b` (0 for a mode the format does not know). */
export const TAKES = {
  sync: 1 << MODE_BIT.sync,
  notSync: 0xff & ~(1 << MODE_BIT.sync),
  any: 0xff,
} as const;

/** Marks by number of the ends (`target`, or the sources) of the edges whose mode `takes` (see TAKES), where the other end passes `from` (any, without it). */
export function edgeEnds(lg: LintGraph, end: 'source' | 'target', takes: number, from?: Uint8Array): Uint8Array {
  const { g } = lg;
  const marks = new Uint8Array(g.ids.length);
  const ends = end === 'target' ? g.target : g.source;
  const others = end === 'target' ? g.source : g.target;
  for (let i = 0; i < ends.length; i++) {
    if ((takes >> g.mode[i]!) & 1 && (from === undefined || from[others[i]!] === 1)) marks[ends[i]!] = 1;
  }
  return marks;
}

/**
 * The node of each number: the last with that id (as an index by id
 * holds), or with `first`, the first (as a search of the nodes finds).
 */
export function nodesByNumber(d: Diagram, lg: LintGraph, first = false): (DiagramNode | undefined)[] {
  const at: (DiagramNode | undefined)[] = new Array(lg.g.ids.length).fill(undefined);
  d.nodes.forEach((node, i) => {
    const v = lg.nodeNumber[i]!;
    if (!(first && at[v] !== undefined)) at[v] = node;
  });
  return at;
}
