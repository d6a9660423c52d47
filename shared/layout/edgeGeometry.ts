import type { Diagram, DiagramEdge, Position } from '../model/schema';
import { BoxGrid } from './boxGrid';
import { nodeBoxes, onBorder, type Box } from './boxes';
import { labelClear, placeLabel, placeMarker, type PlacementBudget } from './captionPlaces';
import { plainRoute, routeBetween, ROUTE_CLEARANCE, type RouteBudget, type Segment } from './router';
import { reservedLabelSize, type LabelSize } from './sizes';
import { stageMarkers } from './stages';

export { STAGE_MARKER_RADIUS } from './captionPlaces';

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

/**
 * What a picture drew with less care than usual because its time was spent:
 * edges drawn as plain routes (the router's budget gone) and captions and
 * stage markers put in their first place without looking for room.
 */
export interface Simplified {
  plainRoutes: number;
  firstPlaces: number;
}

/**
 * Grid points the router may search for all of one diagram's routes (about
 * half a second's work); past it, the remaining edges of a very large
 * diagram without stored routes are drawn plain.
 */
const ROUTE_BUDGET = 500_000;

/**
 * Looks at places for captions and stage markers, all of one diagram's
 * together (a few tenths of a second; a 1,000-node laid-out diagram takes
 * about 1,500); past it, each takes its first place.
 */
const PLACEMENT_BUDGET = 200_000;

const segmentsOf = (points: readonly Position[]): Segment[] => points.slice(1).map((b, i) => ({ a: points[i]!, b }));

/** The box a segment spans. */
const spanOf = (s: Segment): Box => ({ x: Math.min(s.a.x, s.b.x), y: Math.min(s.a.y, s.b.y), width: Math.abs(s.b.x - s.a.x), height: Math.abs(s.b.y - s.a.y) });

/**
 * Whether a stored route still fits the boxes: it is orthogonal, starts on
 * its source, ends on its target and crosses no other node (`crossesOther`
 * says whether a segment, from a to b, enters a node other than the two ends).
 */
export function routeFits(points: readonly Position[], source: Box, target: Box, crossesOther: (a: Position, b: Position) => boolean): boolean {
  if (points.length < 2) return false;
  for (let i = 1; i < points.length; i++) if (points[i - 1]!.x !== points[i]!.x && points[i - 1]!.y !== points[i]!.y) return false;
  if (!onBorder(points[0]!, source) || !onBorder(points.at(-1)!, target)) return false;
  for (let i = 1; i < points.length; i++) if (crossesOther(points[i - 1]!, points[i]!)) return false;
  return true;
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
 * `boxes` are the nodes' boxes when the caller has them already; what the
 * budgets left simpler is counted into `simplified`.
 */
export function edgeGeometry(diagram: Pick<Diagram, 'nodes' | 'edges'>, boxes: ReadonlyMap<string, Box> = nodeBoxes(diagram), simplified?: Simplified): EdgeGeometry[] {
  return placedEdgeGeometry(diagram, boxes, geometryOf, simplified);
}

/** A caption's box as placed: its top-left corner, and its reserved size and lines. */
export interface PlacedLabel {
  x: number;
  y: number;
  size: LabelSize;
}

/**
 * What a caller makes of each drawn edge: its route, its caption's box (none
 * when the edge has no caption), its stage marker (stage 0: none) and its two
 * boxes as `boxes` gave them (source, then target), so a caller has them
 * without looking them up again by id. `label` is the caller's own to keep
 * only until it returns (the next edge's may be the same object).
 */
export type EdgeMaker<B, G> = (edge: DiagramEdge, points: Position[], label: PlacedLabel | undefined, stage: number, stageAt: Position | undefined, source: B, target: B) => G;

/** An edge's geometry as `edgeGeometry` gives it. */
const geometryOf: EdgeMaker<Box, EdgeGeometry> = (edge, points, label, stage, stageAt) => {
  const geometry: EdgeGeometry = { edge, points };
  if (label) geometry.label = { x: label.x, y: label.y, width: label.size.width, height: label.size.height, lines: label.size.lines };
  if (stage === 0) return geometry;
  geometry.stage = stage;
  geometry.stageAt = stageAt;
  return geometry;
};

/**
 * The geometry of every edge whose two ends are placed (as `edgeGeometry`),
 * each edge's made by `make` as it is worked out: a picture keeps what it
 * draws, with no edge geometry made on the way.
 */
export function placedEdgeGeometry<B extends Box, G>(diagram: Pick<Diagram, 'nodes' | 'edges'>, boxes: ReadonlyMap<string, B>, make: EdgeMaker<B, G>, simplified?: Simplified): G[] {
  const grid = new BoxGrid(boxes);
  const markers = stageMarkers(diagram);
  // Each placed edge with its two boxes, each looked up once.
  const placed: DiagramEdge[] = [];
  const sources: B[] = [];
  const targets: B[] = [];
  /** Each placed edge's stage marker (0 for none). */
  const placedMarkers: number[] = [];
  diagram.edges.forEach((e, i) => {
    const source = boxes.get(e.source);
    const target = boxes.get(e.target);
    if (!source || !target) return;
    placed.push(e);
    sources.push(source);
    targets.push(target);
    placedMarkers.push(markers[i]!);
  });
  const routes = routesOf(placed, sources, targets, grid, simplified);
  const labels = new BoxGrid();
  const work: PlacementBudget = { looks: PLACEMENT_BUDGET };
  const sizes = placed.map(reservedLabelSize);
  // Each caption's top-left corner, once placed; the boxes looked up by the captions placed after it are kept in `labels`.
  const hasLabel = new Uint8Array(placed.length);
  const labelX = new Float64Array(placed.length);
  const labelY = new Float64Array(placed.length);
  const place = (i: number, at: Position, size: LabelSize) => {
    hasLabel[i] = 1;
    labelX[i] = at.x;
    labelY[i] = at.y;
    // Once the looks are spent no place is looked at again, so none is kept to look at.
    if (work.looks > 0) labels.add(placed[i]!.id, { x: at.x, y: at.y, width: size.width, height: size.height });
  };
  placed.forEach((e, i) => {
    const stored = e.route;
    const size = sizes[i];
    if (!size || !stored?.label || routes[i] !== stored.points) return;
    const box = { x: stored.label.x, y: stored.label.y, width: size.width, height: size.height };
    if (work.looks-- > 0 && !labelClear(box, grid, labels)) return;
    place(i, stored.label, size);
  });
  placed.forEach((_, i) => {
    const size = sizes[i];
    if (!size || hasLabel[i]) return;
    if (simplified && work.looks <= 0) simplified.firstPlaces++;
    place(i, placeLabel(routes[i]!, size, grid, labels, work), size);
  });
  const markerAt = new BoxGrid<Position>();
  /** The caption's box handed to `make`, one object for every edge. */
  const label: PlacedLabel = { x: 0, y: 0, size: { width: 0, height: 0, lines: [] } };
  return placed.map((edge, i) => {
    const points = routes[i]!;
    const placedLabel = hasLabel[i] === 1;
    if (placedLabel) {
      label.x = labelX[i]!;
      label.y = labelY[i]!;
      label.size = sizes[i]!;
    }
    const stage = placedMarkers[i]!;
    let stageAt: Position | undefined;
    if (stage !== 0) {
      if (simplified && work.looks <= 0) simplified.firstPlaces++;
      stageAt = placeMarker(points, grid, labels, markerAt, work);
      if (work.looks > 0) markerAt.add(stageAt, { x: stageAt.x, y: stageAt.y, width: 0, height: 0 });
    }
    return make(edge, points, placedLabel ? label : undefined, stage, stageAt, sources[i]!, targets[i]!);
  });
}

/**
 * The route of each edge (both ends placed), in order: stored routes that
 * still fit and loops first, then the router's around the other nodes and
 * beside the routes drawn before, within the route budget.
 */
function routesOf(placed: readonly DiagramEdge[], sources: readonly Box[], targets: readonly Box[], grid: BoxGrid, simplified: Simplified | undefined): Position[][] {
  const routes: (Position[] | undefined)[] = placed.map((e, i) => {
    const source = sources[i]!;
    const target = targets[i]!;
    if (e.source === e.target) return selfLoop(source);
    const stored = e.route?.points;
    if (!stored) return undefined;
    const ends = (id: string) => id === e.source || id === e.target;
    return routeFits(stored, source, target, (a, b) => grid.crossedBy(a, b, ends)) ? stored : undefined;
  });
  if (routes.every((r) => r !== undefined)) return routes;
  // Routes drawn so far and their ends, looked up near each new route; once the budget is spent no route is searched, so none is kept.
  const budget: RouteBudget = { gridPoints: ROUTE_BUDGET };
  const drawn = new BoxGrid<Segment>();
  const ends = new BoxGrid<Position>();
  const draw = (route: Position[]) => {
    if (budget.gridPoints <= 0) return;
    for (const s of segmentsOf(route)) drawn.add(s, spanOf(s));
    for (const p of [route[0]!, route.at(-1)!]) ends.add(p, { x: p.x, y: p.y, width: 0, height: 0 });
  };
  for (const route of routes) if (route) draw(route);
  const drawnNear = (area: Box) => drawn.keysNear(area);
  const endsNear = (area: Box) => ends.keysNear(area);
  return placed.map((e, i) => {
    if (routes[i]) return routes[i];
    // With the budget spent no search is made: the plain route, as routeBetween would draw it.
    if (budget.gridPoints <= 0) {
      if (simplified) simplified.plainRoutes++;
      return plainRoute(sources[i]!, targets[i]!);
    }
    const others = (area: Box) => grid.near(area, 0, (id) => id === e.source || id === e.target);
    const route = routeBetween(sources[i]!, targets[i]!, others, drawnNear, endsNear, budget);
    // The budget is spent before a route is found, never after: a route made with none left is the plain one.
    if (simplified && budget.gridPoints <= 0) simplified.plainRoutes++;
    draw(route);
    return route;
  });
}

/** The routes to store in the document for this geometry. */
export function storedRoutes(geometry: readonly EdgeGeometry[]): Map<string, StoredRoute> {
  return new Map(geometry.map((g) => [g.edge.id, { points: g.points, ...(g.label ? { label: { x: g.label.x, y: g.label.y } } : {}) }]));
}
