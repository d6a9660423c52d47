import { describe, expect, it } from 'vitest';
import { sceneOf } from '../../shared/export/drawing';
import { renderPdf } from '../../shared/export/pdf';
import type { Shape } from '../../shared/export/scene';
import { inputOf, smallSearch } from '../exportInput';
import { drawnOnPage, extent, rounded, type DrawnPath } from '../pdfPage';

describe('a diagram\'s PDF page', () => {

  it.each(['light', 'dark'] as const)('draws every shape of the picture in order, in its colours, at its place (%s)', async (theme) => {
    const scene = sceneOf(inputOf(smallSearch(), { theme }));
    const shapes: Shape[] = [];
    const flatten = (shape: Shape): void => (shape.type === 'group' ? shape.children.forEach(flatten) : void shapes.push(shape));
    for (const shape of scene.shapes) flatten(shape);
    const { drawn } = await drawnOnPage(await renderPdf(scene, 'fit'));
    expect(drawn[0]).toMatchObject({ fill: scene.background });
    expect(drawn).toHaveLength(shapes.length + 1);
    const onPage = (x: number, y: number) => [Math.round(x * 750) / 1000, Math.round((scene.height - y) * 750) / 1000];
    for (const [i, shape] of shapes.entries()) {
      const got = drawn[i + 1]!;
      if (shape.type === 'text') {
        expect(got).toMatchObject({ kind: 'text', text: shape.text, size: shape.size * 0.75, fill: shape.colour, font: shape.bold ? 'F2' : 'F1' });
        continue;
      }
      expect(got.kind).toBe('path');
      if (shape.type !== 'path') continue;
      const path = got as DrawnPath;
      if (shape.fill) expect(path.fill).toBe(shape.fill);
      const scale = 0.75 * (shape.at?.scale ?? 1);
      if (shape.stroke) expect(path).toMatchObject({ stroke: shape.stroke, lineWidth: expect.closeTo((shape.strokeWidth ?? 1) * scale, 2), dash: (shape.dash ?? []).map((d) => d * scale) });
      if (shape.box) {
        const { x, y, width, height } = shape.box;
        const [left, top] = onPage(x, y);
        const [right, bottom] = onPage(x + width, y + height);
        expect(extent(path)).toEqual([left, bottom, right, top].map((v) => expect.closeTo(v!, 2)));
      } else if (/^[ML\d\s,.-]+$/.test(shape.d)) {
        const numbers = shape.d.match(/-?[\d.]+/g)!.map(Number);
        // An icon's path is in its own units, moved and scaled to its place (the scale written to a thousandth).
        const { x: ax, y: ay, scale: as } = shape.at ?? { x: 0, y: 0, scale: 1 };
        const points = numbers.flatMap((v, k) => (k % 2 === 0 ? [onPage(ax + v * as, ay + numbers[k + 1]! * as)] : []));
        const digits = shape.at ? 1 : 2;
        expect(rounded(path.points)).toEqual(points.map(([x, y]) => [expect.closeTo(x!, digits), expect.closeTo(y!, digits)]));
      }
    }
  });
});
