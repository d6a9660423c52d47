import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Diagram, Position } from '../model/schema';
import { highest, lowest } from '../numbers';

/** Size of a component node on the canvas and in exports, px. */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 84;

/** Anything that lays out an ELK graph: elkjs in a worker, or in Node for the CLI. */
export interface ElkEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.componentComponent': '48',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** Vertical gap between stacked groups, px; room for a group's title above its members. */
export const GROUP_GAP = 96;

/** The nodes laid out together: each group's members, then the nodes in no group. */
function parts(diagram: Pick<Diagram, 'nodes' | 'groups'>, only?: ReadonlySet<string>): string[][] {
  const grouped = new Map<string, string[]>((diagram.groups ?? []).map((g) => [g.id, []]));
  const loose: string[] = [];
  for (const n of diagram.nodes) {
    if (only && !only.has(n.id)) continue;
    const list = n.group === undefined ? undefined : grouped.get(n.group);
    if (list) list.push(n.id);
    else loose.push(n.id);
  }
  return [...grouped.values(), loose].filter((p) => p.length > 0);
}

/**
 * Most nodes the layered layout places at once: its time grows faster than
 * the node count (seconds at a few thousand). Past it, nodes go on a grid
 * in file order, so a huge diagram still opens and exports in bounded time.
 */
export const MAX_LAYERED_NODES = 2_000;

/** Nodes on a near-square grid in the order given, top-left at 0, 0. */
export function gridPositions(ids: readonly string[]): Map<string, Position> {
  const columns = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
  return new Map(ids.map((id, i) => [id, { x: (i % columns) * (NODE_WIDTH + 40), y: Math.floor(i / columns) * (NODE_HEIGHT + 40) }]));
}

/**
 * The ELK graph of some nodes of a diagram: layered, left to right, so a
 * request path reads like a sentence. Edges to nodes outside the part do not
 * shape it (they are drawn all the same).
 */
export function elkGraph(diagram: Pick<Diagram, 'nodes' | 'edges'>, ids: readonly string[]): ElkNode {
  const set = new Set(ids);
  const edges: ElkExtendedEdge[] = diagram.edges
    .filter((e) => set.has(e.source) && set.has(e.target) && e.source !== e.target)
    .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }));
  return { id: '__root', layoutOptions: LAYERED, children: ids.map((id) => ({ id, width: NODE_WIDTH, height: NODE_HEIGHT })), edges };
}

/** Absolute top-left positions of the laid-out nodes, by node id. */
export function positionsOf(result: ElkNode): Map<string, Position> {
  const positions = new Map<string, Position>();
  for (const child of result.children ?? []) positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  return positions;
}

/**
 * Lays out a diagram, or only the nodes in `only` (keeping their top-left
 * corner where it was): each group on its own, groups stacked top to bottom
 * in their order (online above offline). Returns positions by node id.
 */
export async function layoutPositions(
  diagram: Pick<Diagram, 'nodes' | 'edges' | 'groups'>,
  engine: ElkEngine,
  only?: ReadonlySet<string>,
): Promise<Map<string, Position>> {
  const positions = new Map<string, Position>();
  let top = 0;
  const all = parts(diagram, only);
  const onGrid = all.reduce((sum, part) => sum + part.length, 0) > MAX_LAYERED_NODES;
  for (const part of all) {
    const laid = onGrid ? gridPositions(part) : positionsOf(await engine.layout(elkGraph(diagram, part)));
    const ys = [...laid.values()].map((p) => p.y);
    const shift = top - lowest(ys);
    for (const [id, p] of laid) positions.set(id, { x: p.x, y: p.y + shift });
    top += highest(ys) - lowest(ys) + NODE_HEIGHT + GROUP_GAP;
  }
  if (!only) return positions;
  const before = diagram.nodes.filter((n) => only.has(n.id) && n.position).map((n) => n.position!);
  if (before.length === 0) return positions;
  const after = [...positions.values()];
  const dx = lowest(before.map((p) => p.x)) - lowest(after.map((p) => p.x));
  const dy = lowest(before.map((p) => p.y)) - lowest(after.map((p) => p.y));
  return new Map([...positions].map(([id, p]) => [id, { x: p.x + dx, y: p.y + dy }]));
}

/** A copy of the diagram with the given positions written into its nodes. */
export function withPositions<D extends Pick<Diagram, 'nodes'>>(diagram: D, positions: ReadonlyMap<string, Position>): D {
  return { ...diagram, nodes: diagram.nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)) };
}
