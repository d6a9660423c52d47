/**
 * The lines of the sparse grid a route is searched on: where walls and ports
 * put them, the lanes between them, and look-ups in the sorted lists.
 */
import type { Box } from './boxes';
import { ROUTE_CLEARANCE, type Port } from './routePorts';

/** Distance between parallel routes sharing a corridor, px. */
export const LANE_SPACING = 10;

/** Index of the first value >= v in a sorted list. */
export function lowerBound(values: ArrayLike<number>, v: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < v) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of a value in a sorted list, or -1. */
export function indexOf(values: readonly number[], v: number): number {
  const i = lowerBound(values, v);
  return values[i] === v ? i : -1;
}

/** The values rounded to whole px, each once, ascending. */
export function sorted(values: ArrayLike<number>): number[] {
  const rounded = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) rounded[i] = Math.round(values[i]!) + 0;
  rounded.sort();
  const result: number[] = [];
  for (let i = 0; i < rounded.length; i++) if (i === 0 || rounded[i] !== rounded[i - 1]) result.push(rounded[i]!);
  return result;
}

/**
 * The lines along one axis that walls and ports put on the grid: the two
 * sides of each box grown by the clearance (as `inflate` grows it) and each
 * port's stub, rounded, each once, ascending.
 */
export function baseLines(boxes: readonly Box[], ports: readonly Port[], axis: 'x' | 'y'): number[] {
  const lines = new Float64Array(2 * boxes.length + ports.length);
  let n = 0;
  for (const b of boxes) {
    const [start, length] = axis === 'x' ? [b.x, b.width] : [b.y, b.height];
    lines[n++] = start - ROUTE_CLEARANCE;
    lines[n++] = start - ROUTE_CLEARANCE + (length + 2 * ROUTE_CLEARANCE);
  }
  for (const p of ports) lines[n++] = p.stub[axis];
  return sorted(lines);
}

/** Grid lines: the given ones (`base`: rounded, each once, ascending), each gap's middle, and its quarters where it is wide enough (lanes), within low-high. */
export function gridLines(base: readonly number[], low: number, high: number): number[] {
  const all = [...base];
  for (let i = 1; i < base.length; i++) {
    const gap = base[i]! - base[i - 1]!;
    if (gap <= 2 * LANE_SPACING) continue;
    const middle = base[i - 1]! + gap / 2;
    if (gap > 6 * LANE_SPACING) all.push(middle, base[i - 1]! + gap / 4, base[i - 1]! + (3 * gap) / 4);
    else all.push(middle);
  }
  return sorted(all).filter((v) => v >= low && v <= high);
}

/** How many of the values lie within low-high. */
export function countWithin(values: readonly number[], low: number, high: number): number {
  let count = 0;
  for (const v of values) if (v >= low && v <= high) count += 1;
  return count;
}
