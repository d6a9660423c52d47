import { LABEL_FONT_FAMILY } from '../layout/text';
import { sceneOf } from './drawing';
import { xmlText } from './escape';
import type { Scene, Shape } from './scene';
import type { ExportFormat, ExportInput } from './types';

/** The font the layout measured names and captions in (Arial's metrics), so text fits the boxes drawn for it. */
const FONT = LABEL_FONT_FAMILY;

function attributes(values: Record<string, string | number | undefined>): string {
  let out = '';
  for (const key in values) {
    const value = values[key];
    if (value !== undefined) out += ` ${key}="${xmlText(String(value))}"`;
  }
  return out;
}

function shapeSvg(shape: Shape): string {
  switch (shape.type) {
    case 'path':
      return `<path${attributes({
        d: shape.d,
        transform: shape.at && `translate(${shape.at.x} ${shape.at.y}) scale(${shape.at.scale})`,
        fill: shape.fill ?? 'none',
        stroke: shape.stroke,
        'stroke-width': shape.strokeWidth,
        'stroke-dasharray': shape.dash?.join(' '),
        'stroke-linecap': shape.at ? 'round' : undefined,
        'stroke-linejoin': shape.at ? 'round' : undefined,
      })}/>`;
    case 'text':
      return `<text${attributes({
        x: shape.x, y: shape.y, 'font-size': shape.size, 'font-weight': shape.bold ? '600' : undefined,
        'letter-spacing': shape.spacing, 'text-anchor': shape.anchor === 'middle' ? 'middle' : undefined, fill: shape.colour,
      })}>${xmlText(shape.text)}</text>`;
    case 'group':
      return [
        `<g${attributes(shape.attributes)}>`,
        ...(shape.title ? [`<title>${xmlText(shape.title)}</title>`] : []),
        ...(shape.desc ? [`<desc>${xmlText(shape.desc)}</desc>`] : []),
        ...shape.children.map(shapeSvg),
        '</g>',
      ].join('\n');
  }
}

/** A scene as standalone SVG: text stays text (selectable, searchable), notes become each node's description. */
export function sceneSvg(scene: Scene): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="${xmlText(FONT)}">`,
    `<title>${xmlText(scene.title)}</title>`,
    `<rect width="100%" height="100%" fill="${scene.background}"/>`,
    ...scene.shapes.map(shapeSvg),
    '</svg>',
    '',
  ].join('\n');
}

/**
 * The diagram as drawn on the canvas, as standalone SVG: group containers,
 * nodes with their kind's icon and colour, edges styled by mode, (optionally)
 * the live figures, and a title block with a legend.
 */
export function renderSvg(input: ExportInput): string {
  return sceneSvg(sceneOf(input));
}

export const svgFormat: ExportFormat = {
  id: 'svg',
  label: 'SVG picture',
  extension: 'svg',
  mimeType: 'image/svg+xml',
  binary: false,
  takesFigures: true,
  takesTheme: true,
  takesPaper: false,
  render: async (input) => renderSvg(input),
};
