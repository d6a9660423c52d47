import type { Position } from '../model/schema';
import type { Nearby, Obstacles } from './boxGrid';
import type { Box } from './boxes';
import { ROUTE_CLEARANCE, simplify, type Side } from './routePorts';
import { search, type RouteBudget, type Segment } from './routeSearch';

export { ROUTE_CLEARANCE } from './routePorts';
export { LANE_SPACING, type RouteBudget, type Segment } from './routeSearch';

/** Extra room around the two ends in which a route may detour, px. */
const REGION_MARGIN = 160;
/** The regions searched in turn while the walls close every way: wider, then without bounds. */
const MARGINS = [REGION_MARGIN, REGION_MARGIN * 4, Infinity];

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
  for (const margin of MARGINS) {
    if (budget && budget.gridPoints <= 0) break;
    const route = search(source, target, obstacles, drawn, ends, leave, arrive, margin, budget);
    if (route === 'too large') break;
    if (route) return route;
  }
  return plainRoute(source, target);
}

/** The plain three-segment route from `source`'s right side to `target`'s left, drawn where no search is made. */
export function plainRoute(source: Box, target: Box): Position[] {
  const start = { x: source.x + source.width, y: source.y + source.height / 2 };
  const end = { x: target.x, y: target.y + target.height / 2 };
  const bend = start.x + ROUTE_CLEARANCE;
  const points = [start, { x: bend, y: start.y }, { x: bend, y: end.y }, end];
  // Stryker disable next-line ConditionalExpression: the same points as simplify keeps, written out so each route's list holds just them (most routes of a very large diagram are these).
  if (bend === start.x) return simplify(points);
  if (start.y === end.y) return end.x === bend ? [start, points[1]!] : [start, end];
  return end.x === bend ? [start, points[1]!, points[2]!] : points;
}
