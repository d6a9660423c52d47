import { Resvg } from '@resvg/resvg-js';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkEngine } from '../shared/layout/elkGraph';

/** Rasterizes SVG with resvg (no browser, no display), using the system's fonts. */
export async function rasterize(svg: string, scale: number): Promise<Uint8Array> {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return resvg.render().asPng();
}

/** ELK's layered layout, in this process. */
export const elk: ElkEngine = new ELK();
