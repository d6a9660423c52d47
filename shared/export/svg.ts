import { LABEL_FONT_FAMILY } from '../layout/text';
import { sceneOf } from './drawing';
import { xmlText } from './escape';
import type { Paint, RoundedBox, Scene, Shape } from './scene';
import { linesAsPieces } from './pieces';
import type { ExportFormat, ExportInput, TextPieces } from './types';

/** The font the layout measured names and captions in (Arial's metrics), so text fits the boxes drawn for it. */
const FONT = LABEL_FONT_FAMILY;

/** An attribute, its value escaped; nothing when the value is absent. */
function attribute(name: string, value: string | number | undefined): string {
  if (value === undefined) return '';
  return ` ${name}="${typeof value === 'number' ? value : xmlText(value)}"`;
}

/** How a path or box is painted, as attributes (a path without a fill is not filled). */
function paintAttributes(paint: Paint): string {
  return `${attribute('fill', paint.fill ?? 'none')}${attribute('stroke', paint.stroke)}${attribute('stroke-width', paint.strokeWidth)}${attribute('stroke-dasharray', paint.dash?.join(' '))}`;
}

/** A box with rounded corners (a circle when r is half its side) as a rect: the same outline as its path data in a fraction of the text. */
function boxSvg(box: RoundedBox, paint: Paint): string {
  const r = Math.max(0, Math.min(box.r, box.width / 2, box.height / 2));
  return `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}"${r > 0 ? ` rx="${r}"` : ''}${paintAttributes(paint)}/>`;
}

/** A path as drawn at the origin of its own units: an icon's shape, before it is placed. */
function pathSvg(shape: PathShape): string {
  const round = shape.at ? ' stroke-linecap="round" stroke-linejoin="round"' : '';
  return `<path${attribute('d', shape.d)}${paintAttributes(shape)}${round}/>`;
}

type PathShape = Extract<Shape, { type: 'path' }>;

/**
 * What a file has defined so far: each icon (the paths drawn at one place
 * and scale on a node) is written once, where it is first drawn, and used
 * by reference after that, so a diagram of many nodes holds each kind's
 * icon once. Icons are found by their first path's data (the same string
 * on every node of a kind, so looking it up costs no copy of it).
 */
interface Definitions {
  icons: Map<string, { paths: readonly PathShape[]; id: string }[]>;
  count: number;
}

/** Whether two paths draw the same (their data and paint), wherever they are placed. */
function samePath(a: PathShape, b: PathShape): boolean {
  return a.d === b.d && a.fill === b.fill && a.stroke === b.stroke && a.strokeWidth === b.strokeWidth && a.dash?.join(' ') === b.dash?.join(' ');
}

/** A run of paths placed at the same spot (an icon) as a use of its one definition, written first if new. */
function iconSvg(run: readonly PathShape[], defined: Definitions): string {
  const { at } = run[0]!;
  const known = defined.icons.get(run[0]!.d) ?? [];
  let id = known.find((icon) => icon.paths.length === run.length && icon.paths.every((p, i) => samePath(p, run[i]!)))?.id;
  let definition = '';
  if (id === undefined) {
    id = `icon${++defined.count}`;
    known.push({ paths: run, id });
    defined.icons.set(run[0]!.d, known);
    definition = `<defs>\n<g id="${id}">\n${run.map(pathSvg).join('\n')}\n</g>\n</defs>\n`;
  }
  // xlink:href, not SVG 2's plain href: older editors and converters read only the first (browsers read both).
  return `${definition}<use xlink:href="#${id}" transform="translate(${at!.x} ${at!.y}) scale(${at!.scale})"/>`;
}

/** Whether two paths are placed at the same spot and scale (parts of one icon). */
function sameSpot(a: Shape, b: Shape): boolean {
  return a.type === 'path' && b.type === 'path' && !!a.at && !!b.at && a.at.x === b.at.x && a.at.y === b.at.y && a.at.scale === b.at.scale;
}

function shapeSvg(shape: Shape, defined: Definitions): string {
  switch (shape.type) {
    case 'path':
      if (shape.at) return iconSvg([shape], defined);
      return shape.box ? boxSvg(shape.box, shape) : pathSvg(shape);
    case 'text':
      return `<text x="${shape.x}" y="${shape.y}" font-size="${shape.size}"${shape.bold ? ' font-weight="600"' : ''}${attribute('letter-spacing', shape.spacing)}` +
        `${shape.anchor === 'middle' ? ' text-anchor="middle"' : ''}${attribute('fill', shape.colour)}>${xmlText(shape.text)}</text>`;
    case 'group': {
      let out = '<g';
      for (const key in shape.attributes) out += attribute(key, shape.attributes[key]);
      out += '>';
      if (shape.title) out += `\n<title>${xmlText(shape.title)}</title>`;
      if (shape.desc) out += `\n<desc>${xmlText(shape.desc)}</desc>`;
      const { children } = shape;
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        let end = i + 1;
        if (child.type === 'path' && child.at) while (end < children.length && sameSpot(child, children[end]!)) end++;
        out += `\n${end > i + 1 ? iconSvg(children.slice(i, end) as PathShape[], defined) : shapeSvg(child, defined)}`;
        i = end - 1;
      }
      return `${out}\n</g>`;
    }
  }
}

function* svgLines(scene: Scene): Generator<string, void, undefined> {
  yield `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="${xmlText(FONT)}">`;
  yield `<title>${xmlText(scene.title)}</title>`;
  yield `<rect width="100%" height="100%" fill="${scene.background}"/>`;
  const defined: Definitions = { icons: new Map(), count: 0 };
  for (const shape of scene.shapes) yield shapeSvg(shape, defined);
  yield '</svg>';
}

/**
 * A scene as standalone SVG, in pieces: text stays text (selectable,
 * searchable), notes become each node's description, rounded boxes are
 * rects and each icon is defined once and used on every node that shows it.
 */
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
  readsFullEstimate: false,
  render: async (input) => renderSvg(input),
};
