import { xmlText } from './escape';
import type { Paint, RoundedBox, Shape } from './scene';

/** An attribute, its value escaped; nothing when the value is absent. */
export function attribute(name: string, value: string | number | undefined): string {
  if (value === undefined) return '';
  return ` ${name}="${typeof value === 'number' ? value : xmlText(value)}"`;
}

/** How a path or box is painted, as attributes (a path without a fill is not filled). */
export function paintAttributes(paint: Paint): string {
  return `${attribute('fill', paint.fill ?? 'none')}${attribute('stroke', paint.stroke)}${attribute('stroke-width', paint.strokeWidth)}${attribute('stroke-dasharray', paint.dash?.join(' '))}`;
}

/** A box with rounded corners (a circle when r is half its side) as a rect: the same outline as its path data in a fraction of the text. */
export function boxSvg(box: RoundedBox, paint: Paint): string {
  return rectSvg(box.x, box.y, box.width, box.height, box.r, paintAttributes(paint));
}

/** A rect with corners rounded by r (kept within half its sides), `paint` its paint attributes already written. */
export function rectSvg(x: number, y: number, width: number, height: number, r: number, paint: string): string {
  const k = Math.max(0, Math.min(r, width / 2, height / 2));
  return `<rect x="${x}" y="${y}" width="${width}" height="${height}"${k > 0 ? ` rx="${k}"` : ''}${paint}/>`;
}

export type PathShape = Extract<Shape, { type: 'path' }>;

/** A path as drawn at the origin of its own units (`round`: an icon's shape, before it is placed). */
function pathSvg(shape: PathShape, round: boolean): string {
  return `<path${attribute('d', shape.d)}${paintAttributes(shape)}${round ? ' stroke-linecap="round" stroke-linejoin="round"' : ''}/>`;
}

/**
 * What a file has defined so far: each icon (the paths drawn at one place
 * and scale on a node) is written once, where it is first drawn, and used
 * by reference after that, so a diagram of many nodes holds each kind's
 * icon once. Icons are found by their first path's data (the same string
 * on every node of a kind, so looking it up costs no copy of it).
 */
export interface Definitions {
  icons: Map<string, { paths: readonly PathShape[]; id: string }[]>;
  count: number;
}

/** Nothing defined yet: a new file's. */
export const noDefinitions = (): Definitions => ({ icons: new Map(), count: 0 });

/** Whether two paths draw the same (their data and paint), wherever they are placed. */
function samePath(a: PathShape, b: PathShape): boolean {
  return a.d === b.d && a.fill === b.fill && a.stroke === b.stroke && a.strokeWidth === b.strokeWidth && a.dash?.join(' ') === b.dash?.join(' ');
}

/** An icon's paths (drawn together at one spot) as a use of its one definition at that spot, written first if new. */
export function iconSvg(run: readonly PathShape[], at: { x: number; y: number; scale: number }, defined: Definitions): string {
  const known = defined.icons.get(run[0]!.d) ?? [];
  let id = known.find((icon) => icon.paths.length === run.length && icon.paths.every((p, i) => samePath(p, run[i]!)))?.id;
  let definition = '';
  if (id === undefined) {
    id = `icon${++defined.count}`;
    known.push({ paths: run, id });
    defined.icons.set(run[0]!.d, known);
    definition = `<defs>\n<g id="${id}">\n${run.map((p) => pathSvg(p, true)).join('\n')}\n</g>\n</defs>\n`;
  }
  // xlink:href, not SVG 2's plain href: older editors and converters read only the first (browsers read both).
  return `${definition}<use xlink:href="#${id}" transform="translate(${at.x} ${at.y}) scale(${at.scale})"/>`;
}

/** Whether two paths are placed at the same spot and scale (parts of one icon). */
function sameSpot(a: Shape, b: Shape): boolean {
  return a.type === 'path' && b.type === 'path' && !!a.at && !!b.at && a.at.x === b.at.x && a.at.y === b.at.y && a.at.scale === b.at.scale;
}

/** A text's element (`fill` its colour attribute already written). */
export function textSvg(x: number, y: number, size: number, bold: boolean | undefined, spacing: number | undefined, middle: boolean, fill: string, text: string): string {
  return `<text x="${x}" y="${y}" font-size="${size}"${bold ? ' font-weight="600"' : ''}${attribute('letter-spacing', spacing)}${middle ? ' text-anchor="middle"' : ''}${fill}>${xmlText(text)}</text>`;
}

/** A group's opening: its tag with attributes, then its title and description when it has them. */
export function groupOpening(attributes: Record<string, string>, title: string | undefined, desc: string | undefined): string {
  let out = '<g';
  for (const key in attributes) out += attribute(key, attributes[key]);
  out += '>';
  if (title) out += `\n<title>${xmlText(title)}</title>`;
  if (desc) out += `\n<desc>${xmlText(desc)}</desc>`;
  return out;
}

/** One shape as SVG (a group with its children, a line each). */
export function shapeSvg(shape: Shape, defined: Definitions): string {
  switch (shape.type) {
    case 'path':
      if (shape.at) return iconSvg([shape], shape.at, defined);
      return shape.box ? boxSvg(shape.box, shape) : pathSvg(shape, false);
    case 'text':
      return textSvg(shape.x, shape.y, shape.size, shape.bold, shape.spacing, shape.anchor === 'middle', attribute('fill', shape.colour), shape.text);
    case 'group': {
      let out = groupOpening(shape.attributes, shape.title, shape.desc);
      const { children } = shape;
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        let end = i + 1;
        if (child.type === 'path' && child.at) while (end < children.length && sameSpot(child, children[end]!)) end++;
        out += `\n${end > i + 1 ? iconSvg(children.slice(i, end) as PathShape[], (child as PathShape).at!, defined) : shapeSvg(child, defined)}`;
        i = end - 1;
      }
      return `${out}\n</g>`;
    }
  }
}
