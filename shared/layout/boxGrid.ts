import type { Box } from './boxes';
import { grown } from '../typedArrays';

/** Things placed on a diagram: a list of them all, or a look-up of those near an area (possibly more, never fewer). */
export type Nearby<T> = readonly T[] | ((area: Box) => readonly T[]);

/** Boxes in the way: a list of them all, or a look-up of those near an area. */
export type Obstacles = Nearby<Box>;

/** The things near an area (all of a plain list). */
export const nearbyIn = <T>(things: Nearby<T>, area: Box): readonly T[] => (typeof things === 'function' ? things(area) : things);

/** The obstacles near an area (all of a plain list). */
export const obstaclesNear: (obstacles: Obstacles, area: Box) => readonly Box[] = nearbyIn;

/** Side of a grid cell, px: about one node box with the room around it. */
const CELL_PX = 256;
/** Cells kept apart on each axis either side of the origin (about 4 million px, past any diagram); farther ones share the last. */
const CELL_REACH = 16_384;

/** How far inside a box a segment must reach to cross it, px (as `segmentCrossesBox`). */
const CROSSING_INSET = 0.5;

/** Whether an area reaches past every finite coordinate (a search without bounds). */
const unbounded = (area: Box) => !Number.isFinite(area.x) || !Number.isFinite(area.y) || !Number.isFinite(area.width) || !Number.isFinite(area.height);

/** The cell column (or row) of a coordinate. */
const cellOf = (v: number) => Math.min(CELL_REACH - 1, Math.max(-CELL_REACH, Math.floor(v / CELL_PX)));

/** One small integer per cell, so the cells' map hashes it cheaply. */
const cellKey = (i: number, j: number) => (i + CELL_REACH) * (2 * CELL_REACH) + (j + CELL_REACH);

/**
 * Boxes bucketed on a uniform grid, so the boxes near an area are found by
 * looking only at the cells it covers rather than at every box. Each box is
 * kept with a key (a node's id) so callers can leave some out. The edges of
 * each box are held in flat lists, so the questions asked most (does any box
 * come near, how much do they cover) allocate nothing.
 */
export class BoxGrid<K = string> {
  private readonly cells = new Map<number, number[]>();
  private readonly keys: K[] = [];
  private readonly boxes: Box[] = [];
  private readonly left: number[] = [];
  private readonly top: number[] = [];
  private readonly right: number[] = [];
  private readonly bottom: number[] = [];
  /** The first cell column and row of each box: a box spanning several cells is reported from the first one an area covers. */
  private readonly firstColumn: number[] = [];
  private readonly firstRow: number[] = [];

  constructor(boxes: Iterable<readonly [K, Box]> = []) {
    for (const [key, box] of boxes) this.add(key, box);
  }

  /** Every box held, in the order added. */
  get all(): Box[] {
    return [...this.boxes];
  }

  /** How many boxes are held. */
  get size(): number {
    return this.boxes.length;
  }

  /** Adds a box under a key. */
  add(key: K, box: Box): void {
    const index = this.boxes.length;
    this.keys.push(key);
    this.boxes.push(box);
    this.left.push(box.x);
    this.top.push(box.y);
    this.right.push(box.x + box.width);
    this.bottom.push(box.y + box.height);
    const i0 = cellOf(box.x);
    const i1 = cellOf(box.x + box.width);
    const j0 = cellOf(box.y);
    const j1 = cellOf(box.y + box.height);
    this.firstColumn.push(i0);
    this.firstRow.push(j0);
    for (let i = i0; i <= i1; i++) {
      for (let j = j0; j <= j1; j++) {
        const cell = cellKey(i, j);
        const list = this.cells.get(cell);
        if (list) list.push(index);
        else this.cells.set(cell, [index]);
      }
    }
  }

  /**
   * The boxes that come within `gap` px of an area (a superset of those
   * overlapping it: callers run their exact test on these), in the order
   * added, leaving out those whose key `skip` rejects. An area without finite
   * bounds gets every box.
   */
  near(area: Box, gap = 0, skip?: (key: K) => boolean): Box[] {
    const result: Box[] = [];
    for (const i of this.indicesNear(area, gap)) if (!skip || !skip(this.keys[i]!)) result.push(this.boxes[i]!);
    return result;
  }

  /** The keys of the boxes that come within `gap` px of an area (as `near`), in the order added. */
  keysNear(area: Box, gap = 0): K[] {
    return this.indicesNear(area, gap).map((i) => this.keys[i]!);
  }

  /** Whether a box held overlaps `box` by more than touching, with `gap` px of room required between them (as `boxesOverlap`). */
  overlaps(box: Box, gap = 0): boolean {
    const x1 = box.x + box.width + gap;
    const y1 = box.y + box.height + gap;
    const count = this.gather(box, gap);
    for (let n = 0; n < count; n++) {
      const k = this.found[n]!;
      // As boxesOverlap(box, held, gap), term for term.
      if (box.x < this.right[k]! + gap && this.left[k]! < x1 && box.y < this.bottom[k]! + gap && this.top[k]! < y1) return true;
    }
    return false;
  }

  /**
   * Whether the axis-aligned segment a-b enters the inside of a box held (as
   * `segmentCrossesBox`: running along a border does not count), leaving out
   * the boxes whose key `skip` rejects.
   */
  crossedBy(a: { x: number; y: number }, b: { x: number; y: number }, skip: (key: K) => boolean): boolean {
    const minX = Math.min(a.x, b.x);
    const maxX = Math.max(a.x, b.x);
    const minY = Math.min(a.y, b.y);
    const maxY = Math.max(a.y, b.y);
    const count = this.gather({ x: minX, y: minY, width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) }, 0);
    for (let n = 0; n < count; n++) {
      const k = this.found[n]!;
      if (minX < this.right[k]! - CROSSING_INSET && maxX > this.left[k]! + CROSSING_INSET && minY < this.bottom[k]! - CROSSING_INSET && maxY > this.top[k]! + CROSSING_INSET && !skip(this.keys[k]!)) return true;
    }
    return false;
  }

  /**
   * How crowded a place is: -1 when no box held comes within `gap` px of
   * `box` (as `overlaps`), else the area they share with it, px² (as
   * `overlapArea`), in one look.
   */
  crowding(box: Box, gap: number): number {
    const right = box.x + box.width;
    const bottom = box.y + box.height;
    const x1 = right + gap;
    const y1 = bottom + gap;
    let near = false;
    let sum = 0;
    const count = this.gather(box, gap);
    for (let n = 0; n < count; n++) {
      const k = this.found[n]!;
      if (box.x < this.right[k]! + gap && this.left[k]! < x1 && box.y < this.bottom[k]! + gap && this.top[k]! < y1) near = true;
      const w = Math.min(right, this.right[k]!) - Math.max(box.x, this.left[k]!);
      const h = Math.min(bottom, this.bottom[k]!) - Math.max(box.y, this.top[k]!);
      if (w > 0 && h > 0) sum += w * h;
    }
    return near ? sum : -1;
  }

  /** The area the boxes held share with `box`, px² (each box counted once). */
  overlapArea(box: Box): number {
    return Math.max(0, this.crowding(box, 0));
  }

  /** The places of the boxes `gather` found last: the first `count` it returned. */
  private found = new Int32Array(64);

  /**
   * Finds each box held that may come within `gap` px of an area (in no set
   * order), its place written into `found`; returns how many. Nothing is
   * allocated unless `found` must grow.
   */
  private gather(area: Box, gap: number): number {
    const x = area.x - gap;
    const y = area.y - gap;
    const grownRight = x + (area.width + 2 * gap);
    const grownBottom = y + (area.height + 2 * gap);
    const total = this.boxes.length;
    if (unbounded(area) || (cellOf(grownRight) - cellOf(x) + 1) * (cellOf(grownBottom) - cellOf(y) + 1) > total) {
      // Looking through the cells would cost more than looking at every box.
      if (this.found.length < total) this.found = new Int32Array(total);
      for (let k = 0; k < total; k++) this.found[k] = k;
      return total;
    }
    const i0 = cellOf(x);
    const i1 = cellOf(grownRight);
    const j0 = cellOf(y);
    const j1 = cellOf(grownBottom);
    let count = 0;
    for (let i = i0; i <= i1; i++) {
      for (let j = j0; j <= j1; j++) {
        const list = this.cells.get(cellKey(i, j));
        if (!list) continue;
        for (let n = 0; n < list.length; n++) {
          const k = list[n]!;
          // A box in several of these cells is looked at in the first of them only.
          if (Math.max(this.firstColumn[k]!, i0) !== i || Math.max(this.firstRow[k]!, j0) !== j) continue;
          if (count === this.found.length) this.found = grown(this.found, 2 * count);
          this.found[count++] = k;
        }
      }
    }
    return count;
  }

  private indicesNear(area: Box, gap: number): number[] {
    const count = this.gather(area, gap);
    // Back in the order added; a typed array sorts numbers without a comparator call per pair.
    const order = this.found.slice(0, count).sort();
    const found: number[] = [];
    for (let i = 0; i < count; i++) found.push(order[i]!);
    return found;
  }
}
