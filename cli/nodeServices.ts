import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

let fullCollection: (() => void) | undefined;

/** A full garbage collection, now: V8's own `gc`, made reachable in this process on first use (a new context sees it once the flag is set). */
export function collectGarbage(): void {
  if (!fullCollection) {
    setFlagsFromString('--expose-gc');
    fullCollection = runInNewContext('gc') as () => void;
  }
  fullCollection();
}
