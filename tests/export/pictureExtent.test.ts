import { describe, expect, it } from 'vitest';
import { boxesPictureSize, MARGIN, pictureOf } from '../../shared/export/geometry';
import { emptyDesign, smallSearch } from '../exportInput';

describe('the extent of a picture', () => {
  it('of an empty design is its margin all round, from the origin', () => {
    const diagram = emptyDesign();
    const picture = pictureOf(diagram);
    expect(MARGIN).toBe(32);
    expect([picture.width, picture.height, picture.offset]).toEqual([64, 64, { x: 32, y: 32 }]);
    expect(boxesPictureSize(diagram)).toEqual({ width: 64, height: 64 });
  });

  it('starts a margin before its leftmost and topmost box and ends a margin after the furthest, in whole units', () => {
    const diagram = smallSearch();
    diagram.groups = [];
    for (const node of diagram.nodes) delete node.group;
    diagram.edges = [];
    const picture = pictureOf(diagram);
    const left = Math.min(...picture.nodes.map((n) => n.x));
    const top = Math.min(...picture.nodes.map((n) => n.y));
    const right = Math.max(...picture.nodes.map((n) => n.x + n.width));
    const bottom = Math.max(...picture.nodes.map((n) => n.y + n.height));
    expect(picture.offset).toEqual({ x: 32 - left, y: 32 - top });
    expect(picture.width).toBe(Math.ceil(right - left + 64));
    expect(picture.height).toBe(Math.ceil(bottom - top + 64));
    expect(boxesPictureSize(diagram)).toEqual({ width: picture.width, height: picture.height });
  });
});
