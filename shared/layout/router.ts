import type { Position } from '../model/schema';
import { nearbyIn, obstaclesNear, type Nearby, type Obstacles } from './boxGrid';
import { inflate, type Box } from './boxes';

/** Clearance kept between a route and any node box, px. */
export const ROUTE_CLEARANCE = 16;
/** Distance between parallel routes sharing a corridor, px. */
export const LANE_SPACING = 10;
const BEND_COST = 40;
const SHARED_COST = 6;
/** Extra room around the two ends in which a route may detour, px. */
const REGION_MARGIN = 160;

/** A segment of a route already drawn, which a new route should not run along. */
export interface Segment {
  a: Position;
  b: Position;
}

type Side = 'right' | 'left' | 'top' | 'bottom';
const OUT: Record<Side, [number, number]> = { right: [1, 0], left: [-1, 0], top: [0, -1], bottom: [0, 1] };
const DIRS: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1]];

interface Port {
  at: Position;
  stub: Position;
  side: Side;
  cost: number;
}

/** Room around a port in which another route's end makes it busy, px. */
const PORT_ROOM = 6;

/** Points on each side of a box where a route may leave or arrive, the preferred sides cheaper. */
function ports(box: Box, preferred: Side, ends: Nearby<Position>): Port[] {
  const taken = nearbyIn(ends, inflate(box, PORT_ROOM));
  const sides: Side[] = ['right', 'left', 'top', 'bottom'];
  const result: Port[] = [];
  for (const side of sides) {
    const horizontal = side === 'top' || side === 'bottom';
    const length = horizontal ? box.width : box.height;
    const sideCost = side === preferred ? 0 : (side === 'left' || side === 'right') === (preferred === 'left' || preferred === 'right') ? 120 : 50;
    for (const step of [0, 1, -1, 2, -2, 3, -3]) {
      const along = length / 2 + step * 14;
      if (along < 10 || along > length - 10) continue;
      const at = horizontal
        ? { x: Math.round(box.x + along), y: side === 'top' ? box.y : box.y + box.height }
        : { x: side === 'left' ? box.x : box.x + box.width, y: Math.round(box.y + along) };
      const busy = taken.some((p) => Math.abs(p.x - at.x) < PORT_ROOM && Math.abs(p.y - at.y) < PORT_ROOM);
      const [dx, dy] = OUT[side];
      result.push({ at, stub: { x: at.x + dx * ROUTE_CLEARANCE, y: at.y + dy * ROUTE_CLEARANCE }, side, cost: sideCost + Math.abs(step) * 4 + (busy ? 400 : 0) });
    }
  }
  return result;
}

class Heap {
  private keys: number[] = [];
  private values: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, value: number): void {
    const k = this.keys;
    const v = this.values;
    let i = k.length;
    k.push(key);
    v.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (k[parent]! <= key) break;
      k[i] = k[parent]!;
      v[i] = v[parent]!;
      i = parent;
    }
    k[i] = key;
    v[i] = value;
  }
  pop(): number {
    const k = this.keys;
    const v = this.values;
    const top = v[0]!;
    const lastKey = k.pop()!;
    const lastValue = v.pop()!;
    if (k.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= k.length) break;
        const child = left + 1 < k.length && k[left + 1]! < k[left]! ? left + 1 : left;
        if (k[child]! >= lastKey) break;
        k[i] = k[child]!;
        v[i] = v[child]!;
        i = child;
      }
      k[i] = lastKey;
      v[i] = lastValue;
    }
    return top;
  }
}

const sorted = (values: Iterable<number>) => [...new Set([...values].map((v) => Math.round(v)))].sort((a, b) => a - b);

/** Merges points that continue in the same direction. */
function simplify(points: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of points) {
    if (out.length > 0 && out.at(-1)!.x === p.x && out.at(-1)!.y === p.y) continue;
    if (out.length >= 2) {
      const a = out.at(-2)!;
      const b = out.at(-1)!;
      if ((a.x === b.x && b.x === p.x) || (a.y === b.y && b.y === p.y)) out.pop();
    }
    out.push(p);
  }
  return out;
}

/**
 * An orthogonal route from `source` to `target` that keeps clear of every
 * box in `obstacles` (the two ends excluded by the caller): the cheapest path
 * on a sparse grid made of the lines just outside the boxes, the gaps'
 * middles and quarters, counting length, bends, and
 * running along or across `drawn` segments (so parallel routes take their own
 * lanes). Leaves by the side facing the target where it can, and avoids the
 * points where `ends` (other routes' ends) already touch the boxes. `drawn`
 * and `ends` are lists, or look-ups of those near an area (a large diagram's
 * grid). Across a
 * very large diagram (more than MAX_GRID_POINTS to search), or once `budget`
 * is spent, it draws a plain three-segment route instead.
 */
export function routeBetween(source: Box, target: Box, obstacles: Obstacles, drawn: Nearby<Segment> = [], ends: Nearby<Position> = [], budget?: RouteBudget): Position[] {
  const forward = target.x >= source.x + source.width + 2 * ROUTE_CLEARANCE;
  const below = target.y >= source.y + source.height;
  const leave: Side = forward ? 'right' : below ? 'bottom' : 'top';
  const arrive: Side = forward ? 'left' : below ? 'top' : 'bottom';
  for (const margin of [REGION_MARGIN, REGION_MARGIN * 4, Infinity]) {
    if (budget && budget.gridPoints <= 0) break;
    const route = search(source, target, obstacles, drawn, ends, leave, arrive, margin, budget);
    if (route === 'too large') break;
    if (route) return route;
  }
  const start = { x: source.x + source.width, y: source.y + source.height / 2 };
  const end = { x: target.x, y: target.y + target.height / 2 };
  return simplify([start, { x: start.x + ROUTE_CLEARANCE, y: start.y }, { x: start.x + ROUTE_CLEARANCE, y: end.y }, end]);
}

/** Lengths of a grid step that run along drawn segments, looked up by the line they lie on. */
class Lanes {
  private readonly horizontal = new Map<number, [number, number][]>();
  private readonly vertical = new Map<number, [number, number][]>();
  constructor(segments: readonly Segment[]) {
    for (const { a, b } of segments) {
      if (a.y === b.y) this.add(this.horizontal, a.y, a.x, b.x);
      else if (a.x === b.x) this.add(this.vertical, a.x, a.y, b.y);
    }
  }
  private add(map: Map<number, [number, number][]>, line: number, p: number, q: number): void {
    const list = map.get(line) ?? [];
    list.push([Math.min(p, q), Math.max(p, q)]);
    map.set(line, list);
  }
  /** How much of the step from (x1, y1) to (x2, y2) lies on a drawn segment, px. */
  shared(x1: number, y1: number, x2: number, y2: number): number {
    const [list, low, high] = y1 === y2 ? [this.horizontal.get(y1), Math.min(x1, x2), Math.max(x1, x2)] : [this.vertical.get(x1), Math.min(y1, y2), Math.max(y1, y2)];
    if (!list) return 0;
    let total = 0;
    for (const [p, q] of list) total += Math.max(0, Math.min(high, q) - Math.max(low, p));
    return total;
  }
}

/** Index of the first value >= v in a sorted list. */
function lowerBound(values: readonly number[], v: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < v) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Grid points a search may take; past this (two ends far apart across a very large diagram) the plain route is drawn. */
const MAX_GRID_POINTS = 40_000;

/**
 * Grid points the searches of many routes may still take together (each
 * search spends its grid's size); once spent, the remaining routes are
 * plain, so a diagram of many thousands of edges is drawn in bounded time.
 */
export interface RouteBudget {
  gridPoints: number;
}

function search(source: Box, target: Box, obstacles: Obstacles, drawn: Nearby<Segment>, ends: Nearby<Position>, leave: Side, arrive: Side, margin: number, budget: RouteBudget | undefined): Position[] | null | 'too large' {
  const region = {
    left: Math.min(source.x, target.x) - margin,
    right: Math.max(source.x + source.width, target.x + target.width) + margin,
    top: Math.min(source.y, target.y) - margin,
    bottom: Math.max(source.y + source.height, target.y + target.height) + margin,
  };
  const inRegion = (b: Box) => b.x < region.right && b.x + b.width > region.left && b.y < region.bottom && b.y + b.height > region.top;
  const area = { x: region.left, y: region.top, width: region.right - region.left, height: region.bottom - region.top };
  const nearby = obstaclesNear(obstacles, area);
  const walls = [source, target, ...nearby.filter(inRegion)].map((b) => inflate(b, ROUTE_CLEARANCE));
  const starts = ports(source, leave, ends);
  const goals = ports(target, arrive, ends);
  const near = nearbyIn(drawn, area).filter((s) => Math.max(s.a.x, s.b.x) >= region.left && Math.min(s.a.x, s.b.x) <= region.right && Math.max(s.a.y, s.b.y) >= region.top && Math.min(s.a.y, s.b.y) <= region.bottom);
  const lanes = new Lanes(near);
  const xLines = [...walls.flatMap((w) => [w.x, w.x + w.width]), ...starts.map((p) => p.stub.x), ...goals.map((p) => p.stub.x)];
  const yLines = [...walls.flatMap((w) => [w.y, w.y + w.height]), ...starts.map((p) => p.stub.y), ...goals.map((p) => p.stub.y)];
  // Lanes: each gap's middle, and its quarters where it is wide enough.
  const withMiddles = (lines: number[]) => {
    const base = sorted(lines);
    const extra = base.slice(1).flatMap((v, i) => {
      const gap = v - base[i]!;
      if (gap <= 2 * LANE_SPACING) return [];
      const middle = base[i]! + gap / 2;
      return gap > 6 * LANE_SPACING ? [middle, base[i]! + gap / 4, base[i]! + (3 * gap) / 4] : [middle];
    });
    return sorted([...base, ...extra]);
  };
  const xs = withMiddles(xLines).filter((x) => x >= region.left - ROUTE_CLEARANCE && x <= region.right + ROUTE_CLEARANCE);
  const ys = withMiddles(yLines).filter((y) => y >= region.top - ROUTE_CLEARANCE && y <= region.bottom + ROUTE_CLEARANCE);
  const nx = xs.length;
  const ny = ys.length;
  if (nx * ny > MAX_GRID_POINTS) return 'too large';
  if (budget) {
    // What is left is not enough for this search: the rest are plain.
    const cost = nx * ny + near.length + walls.length;
    budget.gridPoints = cost > budget.gridPoints ? 0 : budget.gridPoints - cost;
    if (budget.gridPoints === 0) return 'too large';
  }
  // Grid points strictly inside a wall, and grid steps through a wall's inside (walls' borders are grid lines).
  const blocked = new Uint8Array(nx * ny);
  const blockedRight = new Uint8Array(nx * ny);
  const blockedDown = new Uint8Array(nx * ny);
  for (const w of walls) {
    const i0 = lowerBound(xs, w.x);
    const i1 = lowerBound(xs, w.x + w.width + 0.001);
    const j0 = lowerBound(ys, w.y);
    const j1 = lowerBound(ys, w.y + w.height + 0.001);
    for (let i = i0; i < i1; i++) {
      for (let j = j0; j < j1; j++) {
        const insideX = xs[i]! > w.x && xs[i]! < w.x + w.width;
        const insideY = ys[j]! > w.y && ys[j]! < w.y + w.height;
        if (insideX && insideY) blocked[i * ny + j] = 1;
        if (insideY && i + 1 < i1) blockedRight[i * ny + j] = 1;
        if (insideX && j + 1 < j1) blockedDown[i * ny + j] = 1;
      }
    }
  }
  const xIndex = new Map(xs.map((x, i) => [x, i]));
  const yIndex = new Map(ys.map((y, i) => [y, i]));
  const stepCost = (i: number, j: number, ni: number, nj: number): number => {
    const low = ni < i || nj < j ? ni * ny + nj : i * ny + j;
    if (j === nj ? blockedRight[low] : blockedDown[low]) return -1;
    const length = Math.abs(xs[ni]! - xs[i]!) + Math.abs(ys[nj]! - ys[j]!);
    const shared = lanes.shared(xs[i]!, ys[j]!, xs[ni]!, ys[nj]!);
    return length + (shared > 0 ? shared * SHARED_COST + 60 : 0);
  };
  // State: grid point * 4 + direction of arrival.
  const best = new Float64Array(nx * ny * 4).fill(Infinity);
  const from = new Int32Array(nx * ny * 4).fill(-1);
  const heap = new Heap();
  const goalAt = new Map<number, Port>();
  for (const g of goals) {
    const i = xIndex.get(Math.round(g.stub.x));
    const j = yIndex.get(Math.round(g.stub.y));
    if (i === undefined || j === undefined) continue;
    const key = i * ny + j;
    const known = goalAt.get(key);
    if (!known || known.cost > g.cost) goalAt.set(key, g);
  }
  const goalBox = {
    left: Math.min(...goals.map((g) => g.stub.x)), right: Math.max(...goals.map((g) => g.stub.x)),
    top: Math.min(...goals.map((g) => g.stub.y)), bottom: Math.max(...goals.map((g) => g.stub.y)),
  };
  const heuristic = (i: number, j: number) => Math.max(0, goalBox.left - xs[i]!, xs[i]! - goalBox.right) + Math.max(0, goalBox.top - ys[j]!, ys[j]! - goalBox.bottom);
  starts.forEach((s, index) => {
    const i = xIndex.get(Math.round(s.stub.x));
    const j = yIndex.get(Math.round(s.stub.y));
    if (i === undefined || j === undefined || blocked[i * ny + j]) return;
    const d = DIRS.findIndex(([dx, dy]) => dx === OUT[s.side][0] && dy === OUT[s.side][1]);
    const state = (i * ny + j) * 4 + d;
    const cost = s.cost + ROUTE_CLEARANCE;
    if (cost < best[state]!) {
      best[state] = cost;
      from[state] = -2 - index;
      heap.push(cost + heuristic(i, j), state);
    }
  });
  let found = -1;
  let foundCost = Infinity;
  while (heap.size > 0) {
    const state = heap.pop();
    const cost = best[state]!;
    if (cost >= foundCost) break;
    const point = state >> 2;
    const dir = state & 3;
    const i = Math.floor(point / ny);
    const j = point % ny;
    const goal = goalAt.get(point);
    if (goal) {
      const [ix, iy] = OUT[goal.side];
      const final = cost + goal.cost + ROUTE_CLEARANCE + (DIRS[dir]![0] === -ix && DIRS[dir]![1] === -iy ? 0 : BEND_COST);
      if (final < foundCost) {
        foundCost = final;
        found = state;
      }
    }
    for (let d = 0; d < 4; d++) {
      const [dx, dy] = DIRS[d]!;
      if (dx === -DIRS[dir]![0] && dy === -DIRS[dir]![1]) continue;
      const ni = i + dx;
      const nj = j + dy;
      if (ni < 0 || nj < 0 || ni >= nx || nj >= ny || blocked[ni * ny + nj]) continue;
      const step = stepCost(i, j, ni, nj);
      if (step < 0) continue;
      const next = (ni * ny + nj) * 4 + d;
      const total = cost + step + (d === dir ? 0 : BEND_COST);
      if (total < best[next]!) {
        best[next] = total;
        from[next] = state;
        heap.push(total + heuristic(ni, nj), next);
      }
    }
  }
  if (found < 0) return null;
  const path: Position[] = [];
  let state = found;
  while (state >= 0) {
    const point = state >> 2;
    path.push({ x: xs[Math.floor(point / ny)]!, y: ys[point % ny]! });
    const previous = from[state]!;
    if (previous < -1) {
      path.push(starts[-2 - previous]!.at);
      break;
    }
    state = previous;
  }
  path.reverse();
  path.push(goalAt.get(found >> 2)!.at);
  return simplify(path);
}
