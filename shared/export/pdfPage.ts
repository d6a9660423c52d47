/** Where a picture goes on a PDF page: the page's size in points and the picture's scale and corner. */
import type { Scene } from './scene';
import type { Paper } from './types';

/** Points per picture unit on a page the picture's own size (a CSS pixel is 0.75 pt). */
const PT_PER_UNIT = 0.75;

/** Landscape paper in points, and the margin kept around a scaled picture. */
const PAPER_PT: Record<Exclude<Paper, 'fit'>, { width: number; height: number }> = {
  a4: { width: 841.89, height: 595.28 },
  letter: { width: 792, height: 612 },
};
const PAPER_MARGIN_PT = 36;

/** Largest page side, pt: 200 inches, the limit PDF readers keep to (larger pages are drawn smaller to fit it). */
export const MAX_PAGE_PT = 14_400;

/** Where the picture goes on the page: the page size, the scale (pt per unit) and the picture's top-left corner. */
export function pageFit(scene: Pick<Scene, 'width' | 'height'>, paper: Paper): { width: number; height: number; scale: number; left: number; top: number } {
  if (paper === 'fit') {
    const scale = Math.min(PT_PER_UNIT, MAX_PAGE_PT / Math.max(scene.width, scene.height, 1));
    return { width: scene.width * scale, height: scene.height * scale, scale, left: 0, top: 0 };
  }
  const page = PAPER_PT[paper];
  const scale = Math.min((page.width - 2 * PAPER_MARGIN_PT) / scene.width, (page.height - 2 * PAPER_MARGIN_PT) / scene.height);
  return { ...page, scale, left: (page.width - scene.width * scale) / 2, top: (page.height - scene.height * scale) / 2 };
}
