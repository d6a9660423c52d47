import type { Box } from './boxes';

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

/** Whether an area reaches past every finite coordinate (a search without bounds). */
const unbounded = (area: Box) => !Number.isFinite(area.x) || !Number.isFinite(area.y) || !Number.isFinite(area.width) || !Number.isFinite(area.height);

/**
 * Boxes bucketed on a uniform grid, so the boxes near an area are found by
 * looking only at the cells it covers rather than at every box. Each box is
 * kept with a key (a node's id) so callers can leave some out.
 */
export class BoxGrid<K = string> {
  private readonly cells = new Map<number, number[]>();
  private readonly entries: { key: K; box: Box }[] = [];
  private readonly seen: number[] = [];
  private visit = 0;

  constructor(boxes: Iterable<readonly [K, Box]> = []) {
    for (const [key, box] of boxes) this.add(key, box);
  }

  /** Every box held, in the order added. */
  get all(): Box[] {
    return this.entries.map((e) => e.box);
  }

  /** Adds a box under a key. */
  add(key: K, box: Box): void {
    const index = this.entries.length;
    this.entries.push({ key, box });
    this.seen.push(0);
    for (const cell of this.cellsOf(box)) {
      const list = this.cells.get(cell);
      if (list) list.push(index);
      else this.cells.set(cell, [index]);
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
    for (const i of this.indicesNear(area, gap)) if (!skip || !skip(this.entries[i]!.key)) result.push(this.entries[i]!.box);
    return result;
  }

  /** The keys of the boxes that come within `gap` px of an area (as `near`), in the order added. */
  keysNear(area: Box, gap = 0): K[] {
    return this.indicesNear(area, gap).map((i) => this.entries[i]!.key);
  }

  private indicesNear(area: Box, gap: number): number[] {
    const found: number[] = [];
    const grown = { x: area.x - gap, y: area.y - gap, width: area.width + 2 * gap, height: area.height + 2 * gap };
    if (unbounded(area) || cellCount(grown) > this.entries.length) {
      // Looking through the cells would cost more than looking at every box.
      this.entries.forEach((_, i) => found.push(i));
      return found;
    }
    this.visit += 1;
    const i0 = Math.floor(grown.x / CELL_PX);
    const i1 = Math.floor((grown.x + grown.width) / CELL_PX);
    const j0 = Math.floor(grown.y / CELL_PX);
    const j1 = Math.floor((grown.y + grown.height) / CELL_PX);
    for (let i = i0; i <= i1; i++) {
      for (let j = j0; j <= j1; j++) {
        const list = this.cells.get(cellKey(i, j));
        if (!list) continue;
        for (const k of list) {
          if (this.seen[k] === this.visit) continue;
          this.seen[k] = this.visit;
          found.push(k);
        }
      }
    }
    // Back in the order added; a typed array sorts numbers without a comparator call per pair.
    if (found.length > 1) {
      const order = Int32Array.from(found).sort();
      for (let i = 0; i < order.length; i++) found[i] = order[i]!;
    }
    return found;
  }

  private *cellsOf(box: Box): Generator<number> {
    const i0 = Math.floor(box.x / CELL_PX);
    const i1 = Math.floor((box.x + box.width) / CELL_PX);
    const j0 = Math.floor(box.y / CELL_PX);
    const j1 = Math.floor((box.y + box.height) / CELL_PX);
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) yield cellKey(i, j);
  }
}

/** How many cells a box covers. */
const cellCount = (box: Box) => (Math.floor((box.x + box.width) / CELL_PX) - Math.floor(box.x / CELL_PX) + 1) * (Math.floor((box.y + box.height) / CELL_PX) - Math.floor(box.y / CELL_PX) + 1);

/** One number per cell (cells within ±2^20 of the origin on each axis, far past any diagram). */
const cellKey = (i: number, j: number) => (i + 1_048_576) * 2_097_152 + (j + 1_048_576);
