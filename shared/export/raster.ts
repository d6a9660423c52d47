import { scenePlan, sceneSizeFromBoxes } from './drawing';
import { pngWidth, withDpi } from './pngDpi';
import { joinPieces } from './pieces';
import { planSvg } from './svg';
import type { ExportFormat } from './types';

/** Dots per inch of PNG exports: a picture unit is a CSS pixel (1/96 inch), so 300 dpi prints at the picture's natural size. */
export const PRINT_DPI = 300;

/** Pixels per picture unit in PNG exports. */
export const PRINT_SCALE = PRINT_DPI / 96;

/**
 * Most pixels a PNG export may hold: 32 Mpixel (a 5,600 x 5,600 picture,
 * 128 MB while drawn at 4 bytes a pixel). Past it a picture is drawn at a
 * smaller scale, down to MIN_RASTER_SCALE, and refused below that.
 */
export const RASTER_BUDGET_PIXELS = 32_000_000;

/** Smallest scale a PNG is drawn at to fit the budget: half the picture's natural size, where 11 px captions are still legible. */
export const MIN_RASTER_SCALE = 0.5;

/** An export refused because its picture would not fit the pixel budget; the message says how large it would be. */
export class PictureTooLarge extends Error {}

/**
 * The scale a picture of widthPx x heightPx (at scale 1) is rasterized at:
 * PRINT_SCALE, or the largest that stays within RASTER_BUDGET_PIXELS. Throws
 * PictureTooLarge when the picture exceeds the budget even at MIN_RASTER_SCALE.
 */
export function rasterScale(widthPx: number, heightPx: number): number {
  const pixels = widthPx * heightPx;
  // Stryker disable next-line EqualityOperator: an empty picture reaches the same scale below (the budget over no pixels is no limit)
  if (!(pixels > 0)) return PRINT_SCALE;
  if (pixels * MIN_RASTER_SCALE ** 2 > RASTER_BUDGET_PIXELS) {
    const size = `${Math.round(widthPx).toLocaleString('en-US')} x ${Math.round(heightPx).toLocaleString('en-US')} px`;
    throw new PictureTooLarge(
      `the picture would be ${size} (${Math.round(pixels / 1e6).toLocaleString('en-US')} Mpixel) at its natural size, more than ` +
        `the ${RASTER_BUDGET_PIXELS / 1e6} Mpixel a PNG export holds even at half that size: export SVG or PDF instead, or bring the nodes closer together`,
    );
  }
  return Math.min(PRINT_SCALE, Math.floor(Math.sqrt(RASTER_BUDGET_PIXELS / pixels) * 1000) / 1000);
}

export const pngFormat: ExportFormat = {
  id: 'png',
  label: 'PNG image',
  extension: 'png',
  mimeType: 'image/png',
  binary: true,
  takesFigures: true,
  takesTheme: true,
  takesPaper: false,
  readsFullEstimate: false,
  async render(input, services) {
    // Refused by its size before any of it is drawn, and when its boxes alone are too large, before any edge is routed.
    const boxes = sceneSizeFromBoxes(input);
    rasterScale(boxes.width, boxes.height);
    const plan = scenePlan(input);
    const scale = rasterScale(plan.width, plan.height);
    const png = await services.rasterize(joinPieces(planSvg(plan)), scale);
    // A host may rasterize smaller than asked (a browser canvas has a size limit): record the resolution actually reached.
    return withDpi(png, (96 * pngWidth(png)) / plan.width);
  },
};
