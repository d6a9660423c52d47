import type { Position } from '../model/schema';
import type { BoxGrid } from './boxGrid';
import type { Box } from './boxes';
import type { LabelSize } from './sizes';

/** Radius of a stage marker, px. */
export const STAGE_MARKER_RADIUS = 8;

/** Room kept between a caption and a node box, px. */
const LABEL_GAP = 4;
/** Room kept between two captions, px. */
const CAPTION_GAP = 2;

/** Places looked at for captions and stage markers, all of one diagram's together; past it, each takes its first place. */
export interface PlacementBudget {
  looks: number;
}

/** The length of the segment of a route that starts at point `i`, px (the route is orthogonal). */
const lengthAt = (points: readonly Position[], i: number) => Math.abs(points[i + 1]!.x - points[i]!.x) + Math.abs(points[i + 1]!.y - points[i]!.y);

/** The point `distance` px along a route from its start. */
function along(points: readonly Position[], distance: number): Position | undefined {
  let left = distance;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const length = lengthAt(points, i);
    if (left <= length) {
      const t = length === 0 ? 0 : left / length;
      return { x: Math.round(a.x + (b.x - a.x) * t), y: Math.round(a.y + (b.y - a.y) * t) };
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
export function placeMarker(points: readonly Position[], nodes: BoxGrid, labels: BoxGrid, markers: BoxGrid<Position>, work: PlacementBudget): Position {
  const r = STAGE_MARKER_RADIUS;
  // Another marker's centre closer than this on both axes is in the way.
  const apart = 2 * r + 3;
  const first = along(points, r + 6) ?? points[0]!;
  for (let d = r + 6; d < 400 && work.looks-- > 0; d += 4) {
    const p = along(points, d);
    if (!p) break;
    if (markers.overlaps({ x: p.x - apart, y: p.y - apart, width: 2 * apart, height: 2 * apart })) continue;
    const box = { x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r };
    if (nodes.overlaps(box, 2) || labels.overlaps(box, 1)) continue;
    return p;
  }
  return first;
}

/** Whether a caption box is clear of every node box and every caption already placed. */
export function labelClear(box: Box, nodes: BoxGrid, labels: BoxGrid): boolean {
  return !nodes.overlaps(box, LABEL_GAP) && !labels.overlaps(box, CAPTION_GAP);
}

/** The route's segments by index, longest first (the first of equals first). */
function longestFirst(points: readonly Position[]): number[] {
  const order = Array.from({ length: points.length - 1 }, (_, i) => i);
  return order.sort((p, q) => lengthAt(points, q) - lengthAt(points, p));
}

/** Where along each segment a caption is centred, in the order tried. */
const FRACTIONS = [0.5, 0.3, 0.7, 0.15, 0.85];

/**
 * A place for a caption along a route: centred on a segment (the line runs
 * under the caption), else beside it, the longest segments and their middles
 * first; the first place clear of nodes and other captions wins, else the
 * least bad one (the first of equals). Each place looked at spends one look
 * of `work`; with none left, the first place.
 */
export function placeLabel(points: readonly Position[], size: LabelSize, nodes: BoxGrid, labels: BoxGrid, work: PlacementBudget): Position {
  if (work.looks <= 0) return firstPlace(points, size);
  const segments = longestFirst(points);
  let best: Position | undefined;
  let bestOverlap = Infinity;
  let done = false;
  /** Looks at one place (its centre before rounding); true when it is clear or the looks are spent. */
  const look = (x: number, y: number): boolean => {
    const p = { x: Math.round(x), y: Math.round(y) };
    best ??= p;
    if (work.looks-- <= 0) return true;
    const box = { x: p.x, y: p.y, width: size.width, height: size.height };
    const nearNodes = nodes.crowding(box, LABEL_GAP);
    const nearLabels = labels.crowding(box, CAPTION_GAP);
    if (nearNodes < 0 && nearLabels < 0) {
      best = p;
      return true;
    }
    const overlap = Math.max(0, nearNodes) + Math.max(0, nearLabels);
    if (overlap < bestOverlap) {
      bestOverlap = overlap;
      best = p;
    }
    return false;
  };
  for (const fraction of FRACTIONS) {
    for (const i of segments) {
      if (done) break;
      const a = points[i]!;
      const b = points[i + 1]!;
      done = look(a.x + (b.x - a.x) * fraction - size.width / 2, a.y + (b.y - a.y) * fraction - size.height / 2);
    }
  }
  for (const i of segments) {
    if (done) break;
    const a = points[i]!;
    const b = points[i + 1]!;
    const c = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const offsets = a.y === b.y ? [[0, -size.height / 2 - 4], [0, size.height / 2 + 4]] : [[size.width / 2 + 4, 0], [-size.width / 2 - 4, 0]];
    for (const [dx, dy] of offsets) if (!done) done = look(c.x + dx! - size.width / 2, c.y + dy! - size.height / 2);
  }
  return best!;
}

/** A caption's first place along a route, with no look at its neighbours: centred on the longest segment (the first of equals). */
export function firstPlace(points: readonly Position[], size: LabelSize): Position {
  let longest = 0;
  let length = -1;
  for (let i = 0; i + 1 < points.length; i++) {
    const l = lengthAt(points, i);
    if (l > length) [longest, length] = [i, l];
  }
  const a = points[longest]!;
  const b = points[Math.min(longest + 1, points.length - 1)]!;
  return { x: Math.round((a.x + b.x) / 2 - size.width / 2), y: Math.round((a.y + b.y) / 2 - size.height / 2) };
}
