/**
 * A diagram's nodes by id, looked up by every pass of an estimate (rates,
 * queueing, latencies, breakdown, diagnostics, lint). Within one estimate the
 * diagram does not change, so the index is built once per list of nodes and
 * shared; outside an estimate each call builds its own, so a caller that
 * edits a list of nodes in place is never answered from a stale index.
 */
import { Memo } from '../memo';
import type { Diagram, DiagramEdge, DiagramNode } from '../model/schema';
import { vouchedIndex } from '../model/structure';

/** Indexes of the lists of nodes one estimate looks at: the design, and its variants (scaled traffic, the busiest hour). */
const indexes = new Memo<readonly DiagramNode[], ReadonlyMap<string, DiagramNode>>(8);
const numberings = new Memo<readonly DiagramNode[], ReadonlyMap<string, number>>(8);
const endings = new Memo<readonly DiagramEdge[], { nodes: readonly DiagramNode[]; ends: EdgeEnds }>(8);
const orders = new Memo<readonly string[], { nodes: readonly DiagramNode[]; numbers: Int32Array }>(8);
let estimating = 0;

/**
 * Runs `work` (one estimate) with the nodes' indexes shared by its passes;
 * they are dropped when it ends.
 */
export function withNodeIndex<T>(work: () => T): T {
  estimating++;
  try {
    return work();
  } finally {
    if (--estimating === 0) {
      indexes.clear();
      numberings.clear();
      endings.clear();
      orders.clear();
    }
  }
}

/** The nodes by id (the last one, should an id repeat), for the list as it is now. */
export function nodesById(nodes: readonly DiagramNode[]): ReadonlyMap<string, DiagramNode> {
  return shared(indexes, nodes, () => new NodesByNumber(nodes, nodeNumbers(nodes)));
}

/**
 * The nodes by id, read through each id's node number (nodeNumbers): the
 * same answers, in the same order, as a map of their own, without building
 * one (for a large design the numbers are already there, from reading it).
 */
class NodesByNumber implements ReadonlyMap<string, DiagramNode> {
  constructor(
    private readonly nodes: readonly DiagramNode[],
    private readonly numbers: ReadonlyMap<string, number>,
  ) {}

  get size(): number {
    return this.numbers.size;
  }

  get(id: string): DiagramNode | undefined {
    const v = this.numbers.get(id);
    // Stryker disable next-line ConditionalExpression: nodes[undefined] is undefined too; this only keeps the look-up on whole numbers
    return v === undefined ? undefined : this.nodes[v];
  }

  has(id: string): boolean {
    return this.numbers.has(id);
  }

  forEach(visit: (node: DiagramNode, id: string, map: ReadonlyMap<string, DiagramNode>) => void, thisArg?: unknown): void {
    for (const [id, v] of this.numbers) visit.call(thisArg, this.nodes[v]!, id, this);
  }

  *entries(): MapIterator<[string, DiagramNode]> {
    for (const [id, v] of this.numbers) yield [id, this.nodes[v]!];
  }

  keys(): MapIterator<string> {
    return this.numbers.keys();
  }

  *values(): MapIterator<DiagramNode> {
    for (const v of this.numbers.values()) yield this.nodes[v]!;
  }

  [Symbol.iterator](): MapIterator<[string, DiagramNode]> {
    return this.entries();
  }
}

/** A list of nodes built on demand, shared by the passes of one estimate (see withNodeIndex). */
function shared<K, V>(store: Memo<K, V>, key: K, build: () => V): V {
  if (estimating === 0) return build();
  let value = store.get(key);
  if (value === undefined) {
    value = build();
    store.set(key, value);
  }
  return value;
}

/**
 * Each id's node number: the position of its node in the list (the last one,
 * should an id repeat: the node nodesById gives). Passes that run over every
 * edge look its ends up once (edgeEnds) and then work on arrays by number.
 */
export function nodeNumbers(nodes: readonly DiagramNode[]): ReadonlyMap<string, number> {
  return shared(numberings, nodes, () => vouchedIndex(nodes)?.numbers ?? numbersOf(nodes));
}

function numbersOf(nodes: readonly DiagramNode[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) numbers.set(nodes[i]!.id, i);
  return numbers;
}

/** The node numbers of each edge's source and target (nodeNumbers), -1 where no node has the id. */
export interface EdgeEnds {
  source: Int32Array;
  target: Int32Array;
}

/** Each edge's ends as node numbers, for a diagram's lists of nodes and edges. */
export function edgeEnds(diagram: Pick<Diagram, 'nodes' | 'edges'>): EdgeEnds {
  const { nodes, edges } = diagram;
  const known = estimating === 0 ? undefined : endings.get(edges);
  if (known?.nodes === nodes) return known.ends;
  const ends = vouchedIndex(nodes, edges)?.ends ?? endsOf(nodes, edges);
  if (estimating > 0) endings.set(edges, { nodes, ends });
  return ends;
}

function endsOf(nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): EdgeEnds {
  const numbers = nodeNumbers(nodes);
  const ends = { source: new Int32Array(edges.length), target: new Int32Array(edges.length) };
  for (let i = 0; i < edges.length; i++) {
    ends.source[i] = numbers.get(edges[i]!.source) ?? -1;
    ends.target[i] = numbers.get(edges[i]!.target) ?? -1;
  }
  return ends;
}

/**
 * The node numbers (nodeNumbers) of a list of ids, -1 where no node has the
 * id: a topological order as numbers, looked up once for every pass of an
 * estimate that walks it.
 */
export function idNumbers(nodes: readonly DiagramNode[], ids: readonly string[]): Int32Array {
  const known = estimating === 0 ? undefined : orders.get(ids);
  if (known?.nodes === nodes) return known.numbers;
  const numbers = nodeNumbers(nodes);
  const result = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) result[i] = numbers.get(ids[i]!) ?? -1;
  if (estimating > 0) orders.set(ids, { nodes, numbers: result });
  return result;
}

/**
 * Lends idNumbers, for the rest of the estimate, the node numbers of an order
 * worked out by number (the topological order, estimate.ts): the same numbers
 * it would look up id by id.
 */
export function knownNumbers(nodes: readonly DiagramNode[], ids: readonly string[], numbers: Int32Array): void {
  if (estimating > 0) orders.set(ids, { nodes, numbers });
}

/** Values by id as values by node number (nodeNumbers), undefined where a node has none. */
export function byNumber<T>(nodes: readonly DiagramNode[], values: ReadonlyMap<string, T>): (T | undefined)[] {
  const numbers = nodeNumbers(nodes);
  const result = slots<T>(nodes.length);
  for (const [id, value] of values) {
    const v = numbers.get(id);
    if (v !== undefined) result[v] = value;
  }
  return result;
}

/** An array of `length` empty slots, one per node number, filled in any order (packed: a large array made by length alone is a slow dictionary). */
export function slots<T>(length: number): (T | undefined)[] {
  const result: (T | undefined)[] = [];
  for (let i = 0; i < length; i++) result.push(undefined);
  return result;
}
