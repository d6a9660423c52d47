import { PNG } from 'pngjs';
import { describe, expect, it, vi } from 'vitest';
import { sceneOf } from '../../shared/export/drawing';
import { pngWidth, withDpi } from '../../shared/export/pngDpi';
import { PictureTooLarge, PRINT_SCALE, pngFormat, rasterScale } from '../../shared/export/raster';
import { inputOf, smallSearch } from '../exportInput';

describe('the scale a PNG is drawn at', () => {
  it('is 300 dpi (3.125 px a picture unit) while the picture stays within 32 Mpixel', () => {
    expect(PRINT_SCALE).toBe(3.125);
    expect(rasterScale(1000, 600)).toBe(3.125);
    // 1,810 x 1,810 at 3.125 is 31.99 Mpixel: still full size.
    expect(rasterScale(1810, 1810)).toBe(3.125);
  });

  it('shrinks a larger picture to the largest scale within 32 Mpixel, to a thousandth, rounded down', () => {
    // sqrt(32e6 / 16e6) = 1.41421...
    expect(rasterScale(4000, 4000)).toBe(1.414);
    // A wide picture is scaled by its area, not by its longer side: sqrt(32e6 / 8e6) = 2.
    expect(rasterScale(8000, 1000)).toBe(2);
    expect(rasterScale(1000, 8000)).toBe(2);
    // 128 Mpixel is the most drawn at all: exactly half size.
    expect(rasterScale(16_000, 8000)).toBe(0.5);
  });

  it('draws an empty picture at 300 dpi rather than dividing by nothing', () => {
    expect(rasterScale(0, 500)).toBe(3.125);
    expect(rasterScale(500, 0)).toBe(3.125);
    expect(rasterScale(Number.NaN, 500)).toBe(3.125);
  });

  it('refuses a picture over 128 Mpixel, saying how large it is and what to do instead', () => {
    expect(() => rasterScale(16_000, 8001)).toThrow(PictureTooLarge);
    expect(() => rasterScale(20_000.4, 9_999.6)).toThrow(
      'the picture would be 20,000 x 10,000 px (200 Mpixel) at its natural size, more than the 32 Mpixel a PNG export holds even at half that size: export SVG or PDF instead, or bring the nodes closer together',
    );
  });
});

const fixture = smallSearch;

/** A blank PNG of this width, as a host's rasterizer returns it. */
const blankPng = (width: number) => new Uint8Array(PNG.sync.write(new PNG({ width, height: 2 })));

/** The pHYs chunk's pixels per metre and unit. */
function resolution(png: Uint8Array): { perMetre: number; unit: number } {
  const bytes = Buffer.from(png);
  const at = bytes.indexOf('pHYs', 0, 'latin1') - 4;
  return { perMetre: bytes.readUInt32BE(at + 8), unit: bytes[at + 16]! };
}

describe('a PNG export', () => {
  it('hands the picture\'s SVG to the host at 300 dpi and records the resolution the host reached', async () => {
    const input = inputOf(fixture());
    const scene = sceneOf(input);
    const rasterize = vi.fn(async (_svg: string, scale: number) => blankPng(Math.round(scene.width * scale)));
    const png = (await pngFormat.render(input, { rasterize })) as Uint8Array;
    expect(rasterize).toHaveBeenCalledTimes(1);
    const [svg, scale] = rasterize.mock.calls[0]!;
    expect(scale).toBe(3.125);
    expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${scene.width}" height="${scene.height}"`));
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    // 300 dpi is 11,811 pixels a metre, within the rounding of the PNG's whole pixels.
    expect(resolution(png).unit).toBe(1);
    expect(Math.abs(resolution(png).perMetre - 11_811)).toBeLessThan(11_811 / scene.width);
  });

  it('records a lower resolution when the host draws it smaller than asked', async () => {
    const input = inputOf(fixture());
    const scene = sceneOf(input);
    const png = (await pngFormat.render(input, { rasterize: async () => blankPng(scene.width) })) as Uint8Array;
    // One pixel a picture unit is 96 dpi: 3,780 pixels a metre.
    expect(resolution(png).perMetre).toBe(3780);
    expect(pngWidth(png)).toBe(scene.width);
  });
});

describe('the resolution chunk of a PNG', () => {
  it('carries the checksum of its type and contents', () => {
    const png = withDpi(blankPng(3), 300);
    const bytes = Buffer.from(png);
    const at = bytes.indexOf('pHYs', 0, 'latin1') - 4;
    expect(bytes.readUInt32BE(at)).toBe(9);
    expect(bytes.readUInt32BE(at + 17)).toBe(0x78a53f76);
    expect(Buffer.from(withDpi(png, 150)).readUInt32BE(at + 17)).toBe(0x679fd252);
  });
});
