import { sceneOf } from './drawing';
import { pngWidth, withDpi } from './pngDpi';
import { sceneSvg } from './svg';
import type { ExportFormat } from './types';

/** Dots per inch of PNG exports: a picture unit is a CSS pixel (1/96 inch), so 300 dpi prints at the picture's natural size. */
export const PRINT_DPI = 300;

/** Pixels per picture unit in PNG exports. */
export const PRINT_SCALE = PRINT_DPI / 96;

export const pngFormat: ExportFormat = {
  id: 'png',
  label: 'PNG image',
  extension: 'png',
  mimeType: 'image/png',
  binary: true,
  takesFigures: true,
  takesTheme: true,
  takesPaper: false,
  async render(input, services) {
    const scene = sceneOf(input);
    const png = await services.rasterize(sceneSvg(scene), PRINT_SCALE);
    // A host may rasterize smaller than asked (a browser canvas has a size limit): record the resolution actually reached.
    return withDpi(png, (96 * pngWidth(png)) / scene.width);
  },
};
