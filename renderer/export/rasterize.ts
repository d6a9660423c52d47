import { rasterScale } from '../../shared/export/raster';

/** Largest canvas side browsers reliably allow, px. */
const MAX_CANVAS_SIDE = 16_000;

/** Rasterizes SVG in the browser: an image drawn on a canvas at the scale asked (capped to what a canvas and the pixel budget hold). */
export async function rasterizeInBrowser(svg: string, scale: number): Promise<Uint8Array> {
  const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? ['', '800', '600'];
  const width = Number(w);
  const height = Number(h);
  // Within the pixel budget too (rasterScale throws, saying how large, when even half size is over it).
  const fitted = Math.min(scale, MAX_CANVAS_SIDE / Math.max(width, height), rasterScale(width, height));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * fitted);
  canvas.height = Math.round(height * fitted);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.scale(fitted, fitted);
  context.drawImage(image, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the picture is too large to turn into a PNG here');
  return new Uint8Array(await blob.arrayBuffer());
}
