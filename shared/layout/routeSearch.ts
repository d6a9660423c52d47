import type { Position } from '../model/schema';
import { nearbyIn, obstaclesNear, type Nearby, type Obstacles } from './boxGrid';
import { inflate, type Box } from './boxes';
import { CostHeap } from './costHeap';
import { baseLines, countWithin, gridLines, indexOf, lowerBound } from './gridLines';
import { OUT, ports, ROUTE_CLEARANCE, simplify, type Port, type Side } from './routePorts';

export { LANE_SPACING } from './gridLines';

const BEND_COST = 40;
const SHARED_COST = 6;
/** Added once to a step that runs along a drawn segment at all. */
const SHARED_STEP_COST = 60;

/** A segment of a route already drawn, which a new route should not run along. */
export interface Segment {
  a: Position;
  b: Position;
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

/** The four ways a step goes: right, left, down, up; a way's reverse is its index with the last bit flipped. */
const STEP_X = [1, -1, 0, 0];
const STEP_Y = [0, 0, 1, -1];
const wayOf = (side: Side) => [0, 1, 2, 3].find((d) => STEP_X[d] === OUT[side][0] && STEP_Y[d] === OUT[side][1])!;

/** The heap of every search (one search never runs inside another). */
const heap = new CostHeap();

/** Drawn segments by the line they lie on: [low, high] spans of each horizontal line (by y) and vertical line (by x). */
function lanesOf(segments: readonly Segment[]): { horizontal: Map<number, number[]>; vertical: Map<number, number[]> } {
  const horizontal = new Map<number, number[]>();
  const vertical = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, line: number, p: number, q: number) => {
    const list = map.get(line);
    if (list) list.push(Math.min(p, q), Math.max(p, q));
    else map.set(line, [Math.min(p, q), Math.max(p, q)]);
  };
  for (const { a, b } of segments) {
    if (a.y === b.y) add(horizontal, a.y, a.x, b.x);
    else if (a.x === b.x) add(vertical, a.x, a.y, b.y);
  }
  return { horizontal, vertical };
}

/** How much of the span low-high of a line lies on its drawn spans, px. */
function sharedLength(spans: readonly number[], low: number, high: number): number {
  let total = 0;
  for (let s = 0; s < spans.length; s += 2) total += Math.max(0, Math.min(high, spans[s + 1]!) - Math.max(low, spans[s]!));
  return total;
}

/**
 * The cheapest route from one of `source`'s ports to one of `target`'s on a
 * sparse grid within `margin` px of the two (see routeBetween); null when the
 * walls close every way, 'too large' when the grid is past its size or the
 * budget. Each step costs its length, more along a drawn segment, and each
 * bend BEND_COST.
 */
export function search(source: Box, target: Box, obstacles: Obstacles, drawn: Nearby<Segment>, ends: Nearby<Position>, leave: Side, arrive: Side, margin: number, budget: RouteBudget | undefined): Position[] | null | 'too large' {
  const region = {
    left: Math.min(source.x, target.x) - margin,
    right: Math.max(source.x + source.width, target.x + target.width) + margin,
    top: Math.min(source.y, target.y) - margin,
    bottom: Math.max(source.y + source.height, target.y + target.height) + margin,
  };
  const inRegion = (b: Box) => b.x < region.right && b.x + b.width > region.left && b.y < region.bottom && b.y + b.height > region.top;
  const area = { x: region.left, y: region.top, width: region.right - region.left, height: region.bottom - region.top };
  const inside = [source, target];
  for (const b of obstaclesNear(obstacles, area)) if (inRegion(b)) inside.push(b);
  const starts = ports(source, leave, ends);
  const goals = ports(target, arrive, ends);
  const stubs = [...starts, ...goals];
  const xBase = baseLines(inside, stubs, 'x');
  const yBase = baseLines(inside, stubs, 'y');
  const [xLow, xHigh, yLow, yHigh] = [region.left - ROUTE_CLEARANCE, region.right + ROUTE_CLEARANCE, region.top - ROUTE_CLEARANCE, region.bottom + ROUTE_CLEARANCE];
  // The walls' own lines alone make too large a grid: no need for the lanes between them.
  if (countWithin(xBase, xLow, xHigh) * countWithin(yBase, yLow, yHigh) > MAX_GRID_POINTS) return 'too large';
  const xs = gridLines(xBase, xLow, xHigh);
  const ys = gridLines(yBase, yLow, yHigh);
  const nx = xs.length;
  const ny = ys.length;
  if (nx * ny > MAX_GRID_POINTS) return 'too large';
  const walls = inside.map((b) => inflate(b, ROUTE_CLEARANCE));
  const near = nearbyIn(drawn, area).filter((s) => Math.max(s.a.x, s.b.x) >= region.left && Math.min(s.a.x, s.b.x) <= region.right && Math.max(s.a.y, s.b.y) >= region.top && Math.min(s.a.y, s.b.y) <= region.bottom);
  if (budget) {
    // What is left is not enough for this search: the rest are plain.
    const cost = nx * ny + near.length + walls.length;
    budget.gridPoints = cost > budget.gridPoints ? 0 : budget.gridPoints - cost;
    if (budget.gridPoints === 0) return 'too large';
  }
  // The same walls, ports and drawn segments give the same route: the canvas redraws many edits that leave a route's surroundings as they were.
  const key = searchKey(region, walls, starts, goals, near);
  if (!searched.has(key)) {
    if (searched.size >= SEARCHES_KEPT) searched.clear();
    searched.set(key, routeOnGrid(xs, ys, walls, near, starts, goals));
  }
  const route = searched.get(key)!;
  return route && route.map((p) => ({ x: p.x, y: p.y }));
}

/** Searches kept with their routes (null where the walls close every way), by everything that decides them. */
const searched = new Map<string, Position[] | null>();
const SEARCHES_KEPT = 256;

/** Everything a search's route depends on, as one string: the region, the walls, the ports and their costs, the drawn segments nearby. */
function searchKey(region: { left: number; right: number; top: number; bottom: number }, walls: readonly Box[], starts: readonly Port[], goals: readonly Port[], near: readonly Segment[]): string {
  const parts: (number | string)[] = [region.left, region.right, region.top, region.bottom, walls.length];
  for (const w of walls) parts.push(w.x, w.y, w.width, w.height);
  for (const p of [...starts, ...goals]) parts.push(p.side, p.cost, p.at.x, p.at.y, p.stub.x, p.stub.y);
  parts.push(starts.length);
  for (const s of near) parts.push(s.a.x, s.a.y, s.b.x, s.b.y);
  return parts.join(',');
}

/** The cheapest route on the grid of lines xs and ys from a start port to a goal port, or null when the walls close every way. */
function routeOnGrid(xs: readonly number[], ys: readonly number[], walls: readonly Box[], near: readonly Segment[], starts: readonly Port[], goals: readonly Port[]): Position[] | null {
  const ny = ys.length;
  const grid = gridOf(xs, ys, walls, near);
  const goalAt = new Int32Array(xs.length * ny).fill(-1);
  for (const [index, g] of goals.entries()) {
    const i = indexOf(xs, Math.round(g.stub.x));
    const j = indexOf(ys, Math.round(g.stub.y));
    if (i < 0 || j < 0) continue;
    const known = goalAt[i * ny + j]!;
    if (known < 0 || goals[known]!.cost > g.cost) goalAt[i * ny + j] = index;
  }
  const found = cheapest(grid, starts, goals, goalAt);
  if (found < 0) return null;
  const path: Position[] = [];
  let state = found;
  while (state >= 0) {
    const point = state >> 2;
    path.push({ x: xs[Math.floor(point / ny)]!, y: ys[point % ny]! });
    const previous = states.from[state]!;
    if (previous < -1) {
      path.push(starts[-2 - previous]!.at);
      break;
    }
    state = previous;
  }
  path.reverse();
  path.push(goals[goalAt[found >> 2]!]!.at);
  return simplify(path);
}

/** A grid point strictly inside a wall. */
const INSIDE = 1;
/** The step to the next point right runs through a wall's inside. */
const WALL_RIGHT = 2;
/** The step to the next point down runs through a wall's inside. */
const WALL_DOWN = 4;

/** The search's grid: its lines, what blocks each point and step, and the drawn spans along each line. */
interface Grid {
  xs: readonly number[];
  ys: readonly number[];
  walls: Uint8Array;
  rowSpans: (number[] | undefined)[];
  columnSpans: (number[] | undefined)[];
}

function gridOf(xs: readonly number[], ys: readonly number[], boxes: readonly Box[], near: readonly Segment[]): Grid {
  const ny = ys.length;
  // Grid points strictly inside a wall, and grid steps through a wall's inside (walls' borders are grid lines).
  const walls = new Uint8Array(xs.length * ny);
  for (const w of boxes) {
    const i0 = lowerBound(xs, w.x);
    const i1 = lowerBound(xs, w.x + w.width + 0.001);
    const j0 = lowerBound(ys, w.y);
    const j1 = lowerBound(ys, w.y + w.height + 0.001);
    for (let i = i0; i < i1; i++) {
      for (let j = j0; j < j1; j++) {
        const insideX = xs[i]! > w.x && xs[i]! < w.x + w.width;
        const insideY = ys[j]! > w.y && ys[j]! < w.y + w.height;
        if (insideX && insideY) walls[i * ny + j]! |= INSIDE;
        if (insideY && i + 1 < i1) walls[i * ny + j]! |= WALL_RIGHT;
        if (insideX && j + 1 < j1) walls[i * ny + j]! |= WALL_DOWN;
      }
    }
  }
  const { horizontal, vertical } = lanesOf(near);
  return { xs, ys, walls, rowSpans: ys.map((y) => horizontal.get(y)), columnSpans: xs.map((x) => vertical.get(x)) };
}

/**
 * What each search state holds, reused by every search (one search never
 * runs inside another): its best cost and the state it is reached from, valid
 * where `mark` holds the current search's number (a state never marked is
 * unreached).
 */
const states = { mark: new Int32Array(0), best: new Float64Array(0), from: new Int32Array(0), current: 0 };

/** Makes room for a search of `count` states, all unreached. */
function resetStates(count: number): void {
  if (states.mark.length < count || states.current >= 0x7fffffff) {
    const size = Math.max(count, states.mark.length);
    Object.assign(states, { mark: new Int32Array(size), best: new Float64Array(size), from: new Int32Array(size), current: 0 });
  }
  states.current += 1;
}

/**
 * The cheapest way on the grid from a start port to a goal port (A* with the
 * distance to the goals' box as its estimate), as its last state (grid point
 * * 4 + the way it arrived), with `states.from` leading back; -1 when none.
 */
function cheapest(grid: Grid, starts: readonly Port[], goals: readonly Port[], goalAt: Int32Array): number {
  const { xs, ys, walls, rowSpans, columnSpans } = grid;
  const nx = xs.length;
  const ny = ys.length;
  resetStates(nx * ny * 4);
  const { mark, best, from, current } = states;
  const bestOf = (state: number) => (mark[state] === current ? best[state]! : Infinity);
  const reach = (state: number, cost: number, previous: number) => {
    mark[state] = current;
    best[state] = cost;
    from[state] = previous;
  };
  heap.clear();
  const goalBox = {
    left: Math.min(...goals.map((g) => g.stub.x)), right: Math.max(...goals.map((g) => g.stub.x)),
    top: Math.min(...goals.map((g) => g.stub.y)), bottom: Math.max(...goals.map((g) => g.stub.y)),
  };
  // The estimate of what is left from a point: its distance to the goals' box, across and down.
  const across = xs.map((x) => Math.max(0, goalBox.left - x, x - goalBox.right));
  const downwards = ys.map((y) => Math.max(0, goalBox.top - y, y - goalBox.bottom));
  const heuristic = (i: number, j: number) => across[i]! + downwards[j]!;
  /** A step's cost: its length, and more for the length it runs along drawn segments. */
  const stepCost = (length: number, spans: number[] | undefined, low: number, high: number) => {
    const shared = spans ? sharedLength(spans, low, high) : 0;
    return length + (shared > 0 ? shared * SHARED_COST + SHARED_STEP_COST : 0);
  };
  starts.forEach((s, index) => {
    const i = indexOf(xs, Math.round(s.stub.x));
    const j = indexOf(ys, Math.round(s.stub.y));
    if (i < 0 || j < 0 || walls[i * ny + j]! & INSIDE) return;
    const state = (i * ny + j) * 4 + wayOf(s.side);
    const cost = s.cost + ROUTE_CLEARANCE;
    if (cost < bestOf(state)) {
      reach(state, cost, -2 - index);
      heap.push(cost + heuristic(i, j), state);
    }
  });
  let found = -1;
  let foundCost = Infinity;
  while (heap.size > 0) {
    const state = heap.pop();
    // The estimate never exceeds what is left (a step costs at least its length), so nothing popped from here on is cheaper.
    if (heap.poppedKey >= foundCost) break;
    const cost = best[state]!;
    const point = state >> 2;
    const way = state & 3;
    const i = Math.floor(point / ny);
    const j = point - i * ny;
    // A state met again at a cost since bettered was looked at then.
    if (heap.poppedKey > cost + heuristic(i, j)) continue;
    const goal = goalAt[point]!;
    if (goal >= 0) {
      const [ix, iy] = OUT[goals[goal]!.side];
      const final = cost + goals[goal]!.cost + ROUTE_CLEARANCE + (STEP_X[way] === -ix && STEP_Y[way] === -iy ? 0 : BEND_COST);
      if (final < foundCost) {
        foundCost = final;
        found = state;
      }
    }
    for (let d = 0; d < 4; d++) {
      if (d === (way ^ 1)) continue;
      const ni = i + STEP_X[d]!;
      const nj = j + STEP_Y[d]!;
      if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
      const next = ni * ny + nj;
      if (walls[next]! & INSIDE) continue;
      let step: number;
      if (d < 2) {
        // Along a row: the step's left end holds whether it runs through a wall.
        const low = d === 0 ? i : ni;
        if (walls[low * ny + j]! & WALL_RIGHT) continue;
        step = stepCost(xs[low + 1]! - xs[low]! + 0, rowSpans[j], xs[low]!, xs[low + 1]!);
      } else {
        const low = d === 2 ? j : nj;
        if (walls[i * ny + low]! & WALL_DOWN) continue;
        step = stepCost(0 + (ys[low + 1]! - ys[low]!), columnSpans[i], ys[low]!, ys[low + 1]!);
      }
      const total = cost + step + (d === way ? 0 : BEND_COST);
      const nextState = next * 4 + d;
      if (total < bestOf(nextState)) {
        reach(nextState, total, state);
        heap.push(total + heuristic(ni, nj), nextState);
      }
    }
  }
  return found;
}
