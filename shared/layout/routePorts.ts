import type { Position } from '../model/schema';
import { nearbyIn, type Nearby } from './boxGrid';
import { inflate, type Box } from './boxes';

/** Clearance kept between a route and any node box, px. */
export const ROUTE_CLEARANCE = 16;

export type Side = 'right' | 'left' | 'top' | 'bottom';
/** The way out of a box through each side. */
export const OUT: Record<Side, [number, number]> = { right: [1, 0], left: [-1, 0], top: [0, -1], bottom: [0, 1] };

/** A place on a box's side where a route may leave or arrive, the point just outside it, and what using it costs. */
export interface Port {
  at: Position;
  stub: Position;
  side: Side;
  cost: number;
}

/** Room around a port in which another route's end makes it busy, px. */
const PORT_ROOM = 6;

/** Points on each side of a box where a route may leave or arrive, the preferred sides cheaper. */
export function ports(box: Box, preferred: Side, ends: Nearby<Position>): Port[] {
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

/** Merges points that continue in the same direction. */
export function simplify(points: Position[]): Position[] {
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
