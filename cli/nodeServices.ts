import type { ElkEngine } from '../shared/layout/elkGraph';

/** Rasterizes SVG with resvg (no browser, no display), using the system's fonts. Loaded on first use. */
export async function rasterize(svg: string, scale: number): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return resvg.render().asPng();
}

let engine: Promise<ElkEngine> | undefined;

/** ELK's layered layout, in this process; loaded on first use so other commands start fast. */
export const elk: ElkEngine = {
  async layout(graph) {
    engine ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
    return (await engine).layout(graph);
  },
};
