import { LABEL_FONT_FAMILY } from '../layout/text';
import { sceneOf } from './drawing';
import { xmlText } from './escape';
import type { Scene, Shape } from './scene';
import { linesAsPieces } from './pieces';
import type { ExportFormat, ExportInput, TextPieces } from './types';

/** The font the layout measured names and captions in (Arial's metrics), so text fits the boxes drawn for it. */
const FONT = LABEL_FONT_FAMILY;

/** An attribute, its value escaped; nothing when the value is absent. */
function attribute(name: string, value: string | number | undefined): string {
  if (value === undefined) return '';
  return ` ${name}="${typeof value === 'number' ? value : xmlText(value)}"`;
}

function shapeSvg(shape: Shape): string {
  switch (shape.type) {
    case 'path': {
      const { at } = shape;
      const round = at ? ' stroke-linecap="round" stroke-linejoin="round"' : '';
      return `<path${attribute('d', shape.d)}${at ? ` transform="translate(${at.x} ${at.y}) scale(${at.scale})"` : ''}${attribute('fill', shape.fill ?? 'none')}` +
        `${attribute('stroke', shape.stroke)}${attribute('stroke-width', shape.strokeWidth)}${attribute('stroke-dasharray', shape.dash?.join(' '))}${round}/>`;
    }
    case 'text':
      return `<text x="${shape.x}" y="${shape.y}" font-size="${shape.size}"${shape.bold ? ' font-weight="600"' : ''}${attribute('letter-spacing', shape.spacing)}` +
        `${shape.anchor === 'middle' ? ' text-anchor="middle"' : ''}${attribute('fill', shape.colour)}>${xmlText(shape.text)}</text>`;
    case 'group': {
      let out = '<g';
      for (const key in shape.attributes) out += attribute(key, shape.attributes[key]);
      out += '>';
      if (shape.title) out += `\n<title>${xmlText(shape.title)}</title>`;
      if (shape.desc) out += `\n<desc>${xmlText(shape.desc)}</desc>`;
      for (const child of shape.children) out += `\n${shapeSvg(child)}`;
      return `${out}\n</g>`;
    }
  }
}

function* svgLines(scene: Scene): Generator<string, void, undefined> {
  yield `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="${xmlText(FONT)}">`;
  yield `<title>${xmlText(scene.title)}</title>`;
  yield `<rect width="100%" height="100%" fill="${scene.background}"/>`;
  for (const shape of scene.shapes) yield shapeSvg(shape);
  yield '</svg>';
}

/** A scene as standalone SVG, in pieces: text stays text (selectable, searchable), notes become each node's description. */
export function sceneSvg(scene: Scene): TextPieces {
  return linesAsPieces(svgLines(scene));
}

/**
 * The diagram as drawn on the canvas, as standalone SVG: group containers,
 * nodes with their kind's icon and colour, edges styled by mode, (optionally)
 * the live figures, and a title block with a legend.
 */
export function renderSvg(input: ExportInput): TextPieces {
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
