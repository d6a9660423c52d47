import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Diagram, Position } from '../model/schema';
import { lowest } from '../numbers';
import { edgeGeometry, storedRoutes, type StoredRoute } from './edgeGeometry';
import { NODE_BASE_HEIGHT, NODE_MIN_WIDTH, nodeSize, reservedLabelSize } from './sizes';
import { callColumns, servingNodes } from './stages';

/** Size of a component node with a one-line name, px (longer names make taller, wider boxes: see nodeSize). */
export const NODE_WIDTH = NODE_MIN_WIDTH;
export const NODE_HEIGHT = NODE_BASE_HEIGHT;

/** Anything that lays out an ELK graph: elkjs in a worker, or in Node for the CLI. */
export interface ElkEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeNode': '20',
  'elk.spacing.edgeEdge': '12',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.componentComponent': '48',
  'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** Vertical gap between stacked parts, px: room for a group's title above its members. */
export const GROUP_GAP = 96;
/** Extra gap per route that runs between two stacked parts, px, so each gets a lane. */
const GAP_PER_ROUTE = 14;

/** What a layout decides: node positions (top-left) and ELK's routes for the edges it laid out. */
export interface Layout {
  positions: Map<string, Position>;
  routes: Map<string, StoredRoute>;
}

interface Part {
  ids: string[];
  serving: boolean;
}

/**
 * The nodes laid out together, top to bottom: the serving path first (each
 * group that holds part of it, then the ungrouped nodes on it), then the
 * offline band (the other groups, then the other ungrouped nodes).
 */
function parts(diagram: Pick<Diagram, 'nodes' | 'edges' | 'groups'>, only?: ReadonlySet<string>): Part[] {
  const serving = servingNodes(diagram);
  const nodes = diagram.nodes.filter((n) => !only || only.has(n.id));
  const groupIds = (diagram.groups ?? []).map((g) => g.id);
  const grouped = groupIds.map((g) => nodes.filter((n) => n.group === g).map((n) => n.id)).map((ids) => ({ ids, serving: ids.some((id) => serving.has(id)) }));
  const loose = nodes.filter((n) => !n.group || !groupIds.includes(n.group)).map((n) => n.id);
  const all = [
    ...grouped.filter((p) => p.serving),
    { ids: loose.filter((id) => serving.has(id)), serving: true },
    ...grouped.filter((p) => !p.serving),
    { ids: loose.filter((id) => !serving.has(id)), serving: false },
  ];
  return all.filter((p) => p.ids.length > 0);
}

/**
 * The ELK graph of some nodes of a diagram: layered, left to right, each node
 * sized from its name and each caption given the room it needs, so ELK keeps
 * captions off nodes. On the serving path each node is held to its call
 * column (see callColumns), so a caller's stages read left to right. Edges to
 * nodes outside the part do not shape it. Parts of more than
 * DETAILED_LAYOUT_MAX_NODES nodes get a plain layered layout (captions are
 * then placed along the routes afterwards).
 */
/** Parts larger than this are laid out without caption room, ports or call columns, which cost ELK too much time at that size. */
const DETAILED_LAYOUT_MAX_NODES = 150;

export function elkGraph(diagram: Pick<Diagram, 'nodes' | 'edges'>, ids: readonly string[], serving = false): ElkNode {
  if (ids.length > DETAILED_LAYOUT_MAX_NODES) return plainGraph(diagram, ids);
  const set = new Set(ids);
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const columns = serving ? callColumns(diagram, ids) : undefined;
  const edges: ElkExtendedEdge[] = diagram.edges
    .filter((e) => set.has(e.source) && set.has(e.target) && e.source !== e.target)
    .map((e) => {
      const label = reservedLabelSize(e);
      return {
        id: e.id,
        sources: [`${e.id}:out`],
        targets: [`${e.id}:in`],
        ...(label ? { labels: [{ id: `${e.id}:label`, text: label.lines.join(' '), width: label.width, height: label.height, layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' } }] } : {}),
      };
    });
  // One port per edge end, calls leaving on the right and arriving on the left, spread along the side.
  const ports = new Map<string, { id: string; width: number; height: number; layoutOptions: Record<string, string> }[]>(ids.map((id) => [id, []]));
  for (const e of diagram.edges) {
    if (!set.has(e.source) || !set.has(e.target) || e.source === e.target) continue;
    ports.get(e.source)!.push({ id: `${e.id}:out`, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'EAST' } });
    ports.get(e.target)!.push({ id: `${e.id}:in`, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'WEST' } });
  }
  const children = ids.map((id) => {
    const { width, height } = nodeSize(byId.get(id)?.label ?? id);
    const layoutOptions: Record<string, string> = { 'elk.portConstraints': 'FIXED_SIDE', 'elk.alignment': 'LEFT' };
    if (columns) layoutOptions['elk.partitioning.partition'] = String(columns.get(id) ?? 0);
    return { id, width, height, ports: ports.get(id)!, layoutOptions };
  });
  const layoutOptions = columns ? { ...LAYERED, 'elk.partitioning.activate': 'true' } : LAYERED;
  return { id: '__root', layoutOptions, children, edges };
}

/**
 * How hard ELK tries to remove crossings in a large part: its crossing
 * minimisation dominates the time there, and one sweep more than halves it
 * at 1,000 nodes (default 7), where a perfect order is unreadable anyway.
 */
const LARGE_PART_THOROUGHNESS = '1';
/**
 * A large part keeps the file's order of nodes within a layer but lets ELK
 * order edges freely: comparing every pair of edges by file order cost about
 * four fifths of the layout time at 1,000 nodes.
 */
const LARGE_PART_MODEL_ORDER = 'NODES_ONLY';

/** A large part's graph: nodes sized from their names, plain edges, a quicker crossing minimisation. */
function plainGraph(diagram: Pick<Diagram, 'nodes' | 'edges'>, ids: readonly string[]): ElkNode {
  const set = new Set(ids);
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const edges = diagram.edges.filter((e) => set.has(e.source) && set.has(e.target) && e.source !== e.target).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }));
  const layoutOptions = { ...LAYERED, 'elk.layered.thoroughness': LARGE_PART_THOROUGHNESS, 'elk.layered.considerModelOrder.strategy': LARGE_PART_MODEL_ORDER };
  return { id: '__root', layoutOptions, children: ids.map((id) => ({ id, ...nodeSize(byId.get(id)?.label ?? id) })), edges };
}

const round = (p: { x: number; y: number }, dx = 0, dy = 0): Position => ({ x: Math.round(p.x + dx), y: Math.round(p.y + dy) });

/** Positions and routes of a laid-out ELK graph, moved by (dx, dy). */
function readLayout(result: ElkNode, dx: number, dy: number, into: Layout): void {
  for (const child of result.children ?? []) into.positions.set(child.id, round({ x: child.x ?? 0, y: child.y ?? 0 }, dx, dy));
  for (const edge of result.edges ?? []) {
    const section = edge.sections?.[0];
    if (!section || (edge.sections?.length ?? 0) > 1) continue;
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => round(p, dx, dy));
    const label = edge.labels?.[0];
    into.routes.set(edge.id, { points, ...(label ? { label: round({ x: label.x ?? 0, y: label.y ?? 0 }, dx, dy) } : {}) });
  }
}

/**
 * Most nodes the layered layout places at once: its time grows faster than
 * the node count (seconds at a few thousand). Past it, nodes go on a grid
 * in file order, so a huge diagram still opens and exports in bounded time.
 */
export const MAX_LAYERED_NODES = 2_000;

/** Nodes on a near-square grid in the order given, top-left at 0, 0, each cell wide enough for the widest box. */
export function gridPositions(diagram: Pick<Diagram, 'nodes'>, ids: readonly string[]): Map<string, Position> {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  let cellWidth = NODE_WIDTH;
  let cellHeight = NODE_HEIGHT;
  for (const id of ids) {
    const size = nodeSize(byId.get(id)?.label ?? id);
    cellWidth = Math.max(cellWidth, size.width);
    cellHeight = Math.max(cellHeight, size.height);
  }
  const columns = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
  return new Map(ids.map((id, i) => [id, { x: (i % columns) * (cellWidth + 40), y: Math.floor(i / columns) * (cellHeight + 40) }]));
}

/**
 * Lays out a diagram, or only the nodes in `only` (keeping their top-left
 * corner where it was): the serving path on top, laid out left to right in
 * call order, the offline band below; each group on its own, stacked with
 * room between them for the routes that run from one to another. Returns
 * positions and ELK's routes (with their captions' places) for the edges
 * inside each part; routes between parts are left to the router (see
 * applyLayout).
 */
export async function layoutDiagram(diagram: Pick<Diagram, 'nodes' | 'edges' | 'groups'>, engine: ElkEngine, only?: ReadonlySet<string>): Promise<Layout> {
  const laid: Layout = { positions: new Map(), routes: new Map() };
  const list = parts(diagram, only);
  if (list.reduce((sum, part) => sum + part.ids.length, 0) > MAX_LAYERED_NODES) {
    return { positions: gridPositions(diagram, list.flatMap((part) => part.ids)), routes: new Map() };
  }
  const partOf = new Map(list.flatMap((p, i) => p.ids.map((id) => [id, i] as const)));
  const crossing = list.map(() => 0);
  for (const e of diagram.edges) {
    const a = partOf.get(e.source);
    const b = partOf.get(e.target);
    if (a === undefined || b === undefined) continue;
    for (let k = Math.min(a, b); k < Math.max(a, b); k++) crossing[k]! += 1 + (e.label ? 1 : 0);
  }
  const results = await Promise.all(list.map((part) => engine.layout(elkGraph(diagram, part.ids, part.serving))));
  let top = 0;
  results.forEach((result, i) => {
    readLayout(result, 0, top, laid);
    top += (result.height ?? 0) + GROUP_GAP + GAP_PER_ROUTE * crossing[i]!;
  });
  if (!only) return laid;
  const before = diagram.nodes.filter((n) => only.has(n.id) && n.position).map((n) => n.position!);
  if (before.length === 0) return laid;
  const after = [...laid.positions.values()];
  const dx = lowest(before.map((p) => p.x)) - lowest(after.map((p) => p.x));
  const dy = lowest(before.map((p) => p.y)) - lowest(after.map((p) => p.y));
  const moved: Layout = { positions: new Map(), routes: new Map() };
  for (const [id, p] of laid.positions) moved.positions.set(id, round(p, dx, dy));
  for (const [id, r] of laid.routes) moved.routes.set(id, { points: r.points.map((p) => round(p, dx, dy)), ...(r.label ? { label: round(r.label, dx, dy) } : {}) });
  return moved;
}

/**
 * A copy of the diagram laid out: the given positions and routes written in,
 * every other route of an edge that touches a moved node dropped, then routes
 * for every edge still without a fitting one (between parts, or around the
 * moved nodes) from the router, so the document holds a route for each edge.
 */
export function applyLayout<D extends Pick<Diagram, 'nodes' | 'edges'>>(diagram: D, layout: Layout): D {
  const placed = withPositions(diagram, layout.positions);
  const edges = placed.edges.map((e) => {
    const route = layout.routes.get(e.id);
    if (route) return { ...e, route };
    if (!layout.positions.has(e.source) && !layout.positions.has(e.target)) return e;
    const { route: _dropped, ...rest } = e;
    return rest;
  });
  const routes = storedRoutes(edgeGeometry({ nodes: placed.nodes, edges }));
  return { ...placed, edges: edges.map((e) => (routes.has(e.id) ? { ...e, route: routes.get(e.id)! } : e)) };
}

/** Positions only (see layoutDiagram). */
export async function layoutPositions(diagram: Pick<Diagram, 'nodes' | 'edges' | 'groups'>, engine: ElkEngine, only?: ReadonlySet<string>): Promise<Map<string, Position>> {
  return (await layoutDiagram(diagram, engine, only)).positions;
}

/** A copy of the diagram with the given positions written into its nodes. */
export function withPositions<D extends Pick<Diagram, 'nodes'>>(diagram: D, positions: ReadonlyMap<string, Position>): D {
  return { ...diagram, nodes: diagram.nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)) };
}
