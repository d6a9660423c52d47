import { describe, expect, it } from 'vitest';
import { BoxGrid } from '../../shared/layout/boxGrid';
import { boxesOverlap, segmentCrossesBox, type Box } from '../../shared/layout/boxes';

/** A small deterministic generator, so a failure repeats. */
function boxesFrom(seed: number, count: number): Box[] {
  let s = seed;
  const next = () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  return Array.from({ length: count }, () => ({ x: Math.round(next() * 4000 - 1000), y: Math.round(next() * 3000 - 500), width: 20 + Math.round(next() * 300), height: 20 + Math.round(next() * 120) }));
}

describe('grid of node boxes', () => {
  const boxes = boxesFrom(7, 400);
  const grid = new BoxGrid(boxes.map((b, i) => [`n${i}`, b] as const));

  it('finds every box that overlaps an area, whatever its size, and only near ones for a small area', () => {
    for (const area of boxesFrom(11, 200)) {
      for (const gap of [0, 4]) {
        const expected = boxes.filter((b) => boxesOverlap(area, b, gap));
        const found = grid.near(area, gap);
        expect(found.filter((b) => boxesOverlap(area, b, gap))).toEqual(expected);
      }
    }
    expect(grid.near({ x: 0, y: 0, width: 10, height: 10 }).length).toBeLessThan(boxes.length / 4);
  });

  it('leaves out the keys it is told to, and gives every box for an unbounded area', () => {
    const all = grid.near({ x: -Infinity, y: -Infinity, width: Infinity, height: Infinity });
    expect(all).toEqual(boxes);
    const some = grid.near({ x: -Infinity, y: -Infinity, width: Infinity, height: Infinity }, 0, (id) => id === 'n0' || id === 'n5');
    expect(some).toEqual(boxes.filter((_, i) => i !== 0 && i !== 5));
  });

  it('finds a box added after the grid was built', () => {
    const labels = new BoxGrid();
    labels.add('e1', { x: 5000, y: 5000, width: 40, height: 16 });
    expect(labels.near({ x: 5030, y: 5010, width: 10, height: 10 })).toHaveLength(1);
    expect(labels.near({ x: 0, y: 0, width: 10, height: 10 })).toHaveLength(0);
  });

  it('answers whether a box comes near, how much they cover, and whether a segment crosses one, as a look at every box would', () => {
    const area = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
    let crowded = 0;
    for (const probe of boxesFrom(13, 300)) {
      for (const gap of [0, 2, 4]) expect(grid.overlaps(probe, gap)).toBe(boxes.some((b) => boxesOverlap(probe, b, gap)));
      const covered = boxes.reduce((sum, b) => sum + area(probe, b), 0);
      expect(grid.overlapArea(probe)).toBe(covered);
      if (covered > 0) crowded += 1;
      const a = { x: probe.x, y: probe.y };
      for (const b of [{ x: probe.x + probe.width * 3, y: probe.y }, { x: probe.x, y: probe.y + probe.height * 3 }]) {
        const skip = (id: string) => id === 'n3';
        expect(grid.crossedBy(a, b, skip)).toBe(boxes.some((box, i) => i !== 3 && segmentCrossesBox(a, b, box)));
      }
    }
    // Both answers occur, so the comparison means something.
    expect(crowded).toBeGreaterThan(10);
    expect(crowded).toBeLessThan(300);
  });

  it('says how crowded a place is: -1 with no box within the gap, else the area shared, as a look at every box would', () => {
    const area = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
    const seen = new Set<string>();
    for (const probe of boxesFrom(17, 300)) {
      for (const gap of [0, 2, 4]) {
        const near = boxes.some((b) => boxesOverlap(probe, b, gap));
        const covered = boxes.reduce((sum, b) => sum + area(probe, b), 0);
        expect(grid.crowding(probe, gap)).toBe(near ? covered : -1);
        seen.add(near ? (covered > 0 ? 'covered' : 'near') : 'clear');
      }
    }
    // Clear places, places only within the gap, and covered places all occur.
    expect([...seen].sort()).toEqual(['clear', 'covered', 'near']);
  });

  it('finds every one of many boxes piled in one place, and all boxes for an area wider than the grid is worth looking through', () => {
    const pile = Array.from({ length: 150 }, (_, i): Box => ({ x: 100 + (i % 7), y: 100 + (i % 5), width: 30, height: 20 }));
    const piled = new BoxGrid(pile.map((b, i) => [`p${i}`, b] as const));
    expect(piled.near({ x: 110, y: 110, width: 5, height: 5 })).toEqual(pile);
    expect(piled.keysNear({ x: 110, y: 110, width: 5, height: 5 })).toEqual(pile.map((_, i) => `p${i}`));
    expect(piled.crowding({ x: 100, y: 100, width: 10, height: 10 }, 0)).toBe(pile.reduce((sum, b) => sum + (Math.min(110, b.x + b.width) - b.x) * (Math.min(110, b.y + b.height) - b.y), 0));
    // An area over more cells than there are boxes: every box is looked at, in the order added.
    const few = new BoxGrid([['a', { x: 0, y: 0, width: 10, height: 10 }], ['b', { x: 5000, y: 5000, width: 10, height: 10 }]]);
    expect(few.keysNear({ x: -100, y: -100, width: 6000, height: 6000 })).toEqual(['a', 'b']);
    expect(few.overlaps({ x: 4995, y: 4995, width: 4, height: 4 }, 2)).toBe(true);
    expect(few.overlaps({ x: 4990, y: 4990, width: 4, height: 4 }, 2)).toBe(false);
  });

  it('finds a box within the gap of an area across a cell border, on each side', () => {
    // Cells are 256 px: the box lies in the cell left of (or above) the area, closer than the gap.
    const grid = new BoxGrid([['left', { x: 250, y: 300, width: 4, height: 10 }], ['above', { x: 600, y: 250, width: 10, height: 4 }]]);
    expect(grid.overlaps({ x: 257, y: 300, width: 10, height: 10 }, 4)).toBe(true);
    expect(grid.overlaps({ x: 259, y: 300, width: 10, height: 10 }, 4)).toBe(false);
    expect(grid.overlaps({ x: 600, y: 257, width: 10, height: 10 }, 4)).toBe(true);
    expect(grid.crowding({ x: 257, y: 300, width: 10, height: 10 }, 4)).toBe(0);
    expect(grid.crowding({ x: 259, y: 300, width: 10, height: 10 }, 4)).toBe(-1);
  });
});
