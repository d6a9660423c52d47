import { describe, expect, it } from 'vitest';
import { BoxGrid } from '../../shared/layout/boxGrid';
import { boxesOverlap, type Box } from '../../shared/layout/boxes';

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
});
