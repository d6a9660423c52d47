import type { Diagram, DiagramEdge, Position } from '../model/schema';
import { BoxGrid, obstaclesNear, type Obstacles } from './boxGrid';
import { boxesOverlap, nodeBoxes, onBorder, segmentCrossesBox, type Box } from './boxes';
import { routeBetween, ROUTE_CLEARANCE, type RouteBudget, type Segment } from './router';
import { reservedLabelSize, type LabelSize } from './sizes';
import { stageMarkers } from './stages';

/** A route as the document stores it: the points of an orthogonal path, and the top-left corner of its caption's box. */
export type StoredRoute = NonNullable<DiagramEdge['route']>;

/** Where an edge is drawn: its route, the box kept for its caption (reserved size), its stage marker. */
export interface EdgeGeometry {
  edge: DiagramEdge;
  points: Position[];
  label?: Box & { lines: string[] };
  /** 1-based stage of the call, absent when its caller calls in one stage. */
  stage?: number;
  /** Centre of the stage marker, on the route near its start. */
  stageAt?: Position;
}

/** Radius of a stage marker, px. */
export const STAGE_MARKER_RADIUS = 8;

/** The point `distance` px along a route from its start. */
function along(points: readonly Position[], distance: number): Position | undefined {
  let left = distance;
  for (const s of segmentsOf(points)) {
    const length = Math.abs(s.b.x - s.a.x) + Math.abs(s.b.y - s.a.y);
    if (left <= length) {
      const t = length === 0 ? 0 : left / length;
      return { x: Math.round(s.a.x + (s.b.x - s.a.x) * t), y: Math.round(s.a.y + (s.b.y - s.a.y) * t) };
    }
    left -= length;
  }
  return undefined;
}

/**
 * Where a stage marker goes: the first point along the route, from just past
 * its start, where the marker overlaps no node, caption or other marker (the
 * calls of one caller leave side by side and part after a bend).
 */
function placeMarker(points: readonly Position[], nodes: BoxGrid, labels: BoxGrid, markers: BoxGrid<Position>, work: PlacementBudget): Position {
  const r = STAGE_MARKER_RADIUS;
  const first = along(points, r + 6) ?? points[0]!;
  for (let d = r + 6; d < 400 && work.looks-- > 0; d += 4) {
    const p = along(points, d);
    if (!p) break;
    const box = { x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r };
    if (markers.keysNear(box, r + 3).some((m) => Math.abs(m.x - p.x) < 2 * r + 3 && Math.abs(m.y - p.y) < 2 * r + 3)) continue;
    if (nodes.near(box, 2).some((n) => boxesOverlap(box, n, 2)) || labels.near(box, 1).some((l) => boxesOverlap(box, l, 1))) continue;
    return p;
  }
  return first;
}

/**
 * Grid points the router may search for all of one diagram's routes (about a
 * second's work); past it, the remaining edges of a very large diagram
 * without stored routes are drawn plain.
 */
const ROUTE_BUDGET = 500_000;

/** Places looked at for captions and stage markers, all of one diagram's together; past it, each takes its first place. */
interface PlacementBudget {
  looks: number;
}
const PLACEMENT_BUDGET = 500_000;

/** Room kept between a caption and a node box, px. */
const LABEL_GAP = 4;

const segmentsOf = (points: readonly Position[]): Segment[] => points.slice(1).map((b, i) => ({ a: points[i]!, b }));
const orthogonal = (points: readonly Position[]) => segmentsOf(points).every((s) => s.a.x === s.b.x || s.a.y === s.b.y);

/** The box a segment spans. */
const spanOf = (s: Segment): Box => ({ x: Math.min(s.a.x, s.b.x), y: Math.min(s.a.y, s.b.y), width: Math.abs(s.b.x - s.a.x), height: Math.abs(s.b.y - s.a.y) });

/**
 * Whether a stored route still fits the boxes: it starts on its source, ends
 * on its target and crosses no other node (`others`: the other nodes' boxes,
 * as a list or, for a large diagram, a grid that yields those near each segment).
 */
export function routeFits(points: readonly Position[], source: Box, target: Box, others: Obstacles): boolean {
  if (points.length < 2 || !orthogonal(points)) return false;
  if (!onBorder(points[0]!, source) || !onBorder(points.at(-1)!, target)) return false;
  return segmentsOf(points).every((s) => obstaclesNear(others, spanOf(s)).every((box) => !segmentCrossesBox(s.a, s.b, box)));
}

/** Whether a caption box is clear of every node box and every caption already placed. */
function labelClear(box: Box, nodes: BoxGrid, labels: BoxGrid): boolean {
  return nodes.near(box, LABEL_GAP).every((n) => !boxesOverlap(box, n, LABEL_GAP)) && labels.near(box, 2).every((l) => !boxesOverlap(box, l, 2));
}

/**
 * A place for a caption along a route: centred on a segment (the line runs
 * under the caption), else beside it, the longest segments and their middles
 * first; the first place clear of nodes and other captions wins, else the
 * least bad one.
 */
function placeLabel(points: readonly Position[], size: LabelSize, nodes: BoxGrid, labels: BoxGrid, work: PlacementBudget): Position {
  if (work.looks <= 0) return firstPlace(points, size);
  const candidates: Position[] = [];
  const segments = segmentsOf(points)
    .map((s) => ({ ...s, length: Math.abs(s.b.x - s.a.x) + Math.abs(s.b.y - s.a.y) }))
    .sort((p, q) => q.length - p.length);
  for (const fraction of [0.5, 0.3, 0.7, 0.15, 0.85]) {
    for (const s of segments) {
      const c = { x: s.a.x + (s.b.x - s.a.x) * fraction, y: s.a.y + (s.b.y - s.a.y) * fraction };
      candidates.push({ x: c.x - size.width / 2, y: c.y - size.height / 2 });
    }
  }
  for (const s of segments) {
    const c = { x: (s.a.x + s.b.x) / 2, y: (s.a.y + s.b.y) / 2 };
    const offsets = s.a.y === s.b.y ? [[0, -size.height / 2 - 4], [0, size.height / 2 + 4]] : [[size.width / 2 + 4, 0], [-size.width / 2 - 4, 0]];
    for (const [dx, dy] of offsets) candidates.push({ x: c.x + dx! - size.width / 2, y: c.y + dy! - size.height / 2 });
  }
  const rounded = candidates.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }));
  // The first clear place, else the one overlapping least (the first of equals): one look-up of the neighbours per place.
  let best = rounded[0]!;
  let bestOverlap = Infinity;
  for (const p of rounded) {
    if (work.looks-- <= 0) break;
    const box = { ...p, width: size.width, height: size.height };
    const nearNodes = nodes.near(box, LABEL_GAP);
    const nearLabels = labels.near(box, 2);
    if (nearNodes.every((n) => !boxesOverlap(box, n, LABEL_GAP)) && nearLabels.every((l) => !boxesOverlap(box, l, 2))) return p;
    const overlap = overlapArea(box, nearNodes) + overlapArea(box, nearLabels);
    if (overlap < bestOverlap) {
      bestOverlap = overlap;
      best = p;
    }
  }
  return best;
}

/** A caption's first place along a route, with no look at its neighbours: centred on the longest segment (the first of equals). */
function firstPlace(points: readonly Position[], size: LabelSize): Position {
  let longest = { a: points[0]!, b: points[0]! };
  let length = -1;
  for (const s of segmentsOf(points)) {
    const l = Math.abs(s.b.x - s.a.x) + Math.abs(s.b.y - s.a.y);
    if (l > length) [longest, length] = [s, l];
  }
  return { x: Math.round((longest.a.x + longest.b.x) / 2 - size.width / 2), y: Math.round((longest.a.y + longest.b.y) / 2 - size.height / 2) };
}

/** The area a box shares with the boxes of a list, px². */
function overlapArea(box: Box, others: readonly Box[]): number {
  let sum = 0;
  for (const b of others) {
    const w = Math.min(box.x + box.width, b.x + b.width) - Math.max(box.x, b.x);
    const h = Math.min(box.y + box.height, b.y + b.height) - Math.max(box.y, b.y);
    if (w > 0 && h > 0) sum += w * h;
  }
  return sum;
}

/** A loop from a node's right side over its top back into it, for an edge from a node to itself. */
function selfLoop(box: Box): Position[] {
  const right = box.x + box.width;
  const top = box.y - ROUTE_CLEARANCE * 2;
  return [
    { x: right, y: box.y + 20 },
    { x: right + ROUTE_CLEARANCE * 2, y: box.y + 20 },
    { x: right + ROUTE_CLEARANCE * 2, y: top },
    { x: right - 30, y: top },
    { x: right - 30, y: box.y },
  ];
}

/**
 * The geometry of every edge whose two ends are placed: the stored route
 * where it still fits the nodes' boxes (auto layout's), else a route of the
 * orthogonal router around every other node, in a lane of its own beside
 * routes already drawn; each caption in its stored place while that is clear
 * of nodes and other captions, else placed along the route. Pure and
 * deterministic: the canvas and every export draw the same geometry.
 */
export function edgeGeometry(diagram: Pick<Diagram, 'nodes' | 'edges'>): EdgeGeometry[] {
  const boxes = nodeBoxes(diagram);
  const grid = new BoxGrid(boxes);
  const markers = stageMarkers(diagram);
  const placed = diagram.edges.filter((e) => boxes.has(e.source) && boxes.has(e.target));
  const others = (e: DiagramEdge) => (area: Box) => grid.near(area, 0, (id) => id === e.source || id === e.target);
  const points = new Map<string, Position[]>();
  // Routes drawn so far and their ends, looked up near each new route (a large diagram has many).
  const drawn = new BoxGrid<Segment>();
  const ends = new BoxGrid<Position>();
  const draw = (id: string, route: Position[]) => {
    points.set(id, route);
    for (const s of segmentsOf(route)) drawn.add(s, spanOf(s));
    for (const p of [route[0]!, route.at(-1)!]) ends.add(p, { ...p, width: 0, height: 0 });
  };
  const drawnNear = (area: Box) => drawn.keysNear(area);
  const endsNear = (area: Box) => ends.keysNear(area);
  for (const e of placed) {
    const stored = e.route;
    if (e.source === e.target) draw(e.id, selfLoop(boxes.get(e.source)!));
    else if (stored && routeFits(stored.points, boxes.get(e.source)!, boxes.get(e.target)!, others(e))) draw(e.id, stored.points);
  }
  const budget: RouteBudget = { gridPoints: ROUTE_BUDGET };
  for (const e of placed) {
    if (!points.has(e.id)) draw(e.id, routeBetween(boxes.get(e.source)!, boxes.get(e.target)!, others(e), drawnNear, endsNear, budget));
  }
  const labels = new BoxGrid();
  const work: PlacementBudget = { looks: PLACEMENT_BUDGET };
  const sizes = new Map(placed.map((e) => [e.id, reservedLabelSize(e)]));
  const at = new Map<string, Position>();
  for (const e of placed) {
    const stored = e.route;
    const size = sizes.get(e.id);
    if (!size || !stored?.label || points.get(e.id) !== stored.points) continue;
    const box = { ...stored.label, width: size.width, height: size.height };
    if (work.looks-- > 0 && !labelClear(box, grid, labels)) continue;
    labels.add(e.id, box);
    at.set(e.id, stored.label);
  }
  for (const e of placed) {
    const size = sizes.get(e.id);
    if (!size || at.has(e.id)) continue;
    const p = placeLabel(points.get(e.id)!, size, grid, labels, work);
    labels.add(e.id, { ...p, width: size.width, height: size.height });
    at.set(e.id, p);
  }
  const markerAt = new BoxGrid<Position>();
  return placed.map((edge) => {
    const size = sizes.get(edge.id);
    const label = size ? { ...at.get(edge.id)!, width: size.width, height: size.height, lines: size.lines } : undefined;
    const stage = markers.get(edge.id);
    const route = points.get(edge.id)!;
    if (!stage) return { edge, points: route, ...(label ? { label } : {}) };
    const stageAt = placeMarker(route, grid, labels, markerAt, work);
    markerAt.add(stageAt, { ...stageAt, width: 0, height: 0 });
    return { edge, points: route, ...(label ? { label } : {}), stage, stageAt };
  });
}

/** The routes to store in the document for this geometry. */
export function storedRoutes(geometry: readonly EdgeGeometry[]): Map<string, StoredRoute> {
  return new Map(geometry.map((g) => [g.edge.id, { points: g.points, ...(g.label ? { label: { x: g.label.x, y: g.label.y } } : {}) }]));
}
