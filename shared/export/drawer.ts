import { roundedRectPath } from './iconPaths';
import type { Paint, RoundedBox, Shape } from './scene';

/** Where an icon's paths are drawn: their top-left corner and scale, in picture units. */
export interface IconPlace {
  x: number;
  y: number;
  scale: number;
}

/** How a text is set beyond its place, size and colour. */
export interface TextStyle {
  bold?: boolean;
  anchor?: 'middle';
  spacing?: number;
}

/**
 * What the diagram is drawn onto, one call a primitive in picture units: a
 * writer that turns each straight into its format (SVG), or one that keeps
 * them as shapes (see `ShapeDrawer`). Groups do not nest.
 */
export interface Drawer {
  /** Starts a group (a node, an edge, a note): what is drawn until `close` belongs to it. */
  open(attributes: Record<string, string>, title: string | undefined, desc?: string): void;
  close(): void;
  /** A box with corners rounded by r. */
  rect(x: number, y: number, width: number, height: number, r: number, paint: Paint): void;
  /** A circle of radius r around (x, y) (a stage marker). */
  circle(x: number, y: number, r: number, paint: Paint): void;
  /** Straight lines through points given as x, y pairs, closed back to the first when `closed`. */
  lines(xy: readonly number[], closed: boolean, paint: Paint): void;
  /** Any other path data. */
  path(d: string, paint: Paint): void;
  /** An icon's paths (the same array for every node of a kind), drawn together at one place. */
  icon(paths: readonly IconPath[], at: IconPlace): void;
  text(x: number, y: number, text: string, size: number, colour: string, style?: TextStyle): void;
}

/** One path of an icon, with its paint. */
export type IconPath = Extract<Shape, { type: 'path' }>;

/** Straight lines through x, y pairs as path data: "M x,y L x,y ...", with " Z" when closed. */
export function linesPath(xy: readonly number[], closed: boolean): string {
  let d = '';
  for (let i = 0; i < xy.length; i += 2) d += `${i === 0 ? 'M' : ' L'}${xy[i]},${xy[i + 1]}`;
  return closed ? `${d} Z` : d;
}

/**
 * A rounded box; its path data is spelled out only if read (the SVG and PDF
 * writers draw the box itself). A class, so its getter is shared: a large
 * picture makes hundreds of thousands of these.
 */
class RoundedRectShape {
  readonly type = 'path';
  readonly box: RoundedBox;
  readonly fill?: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  readonly dash?: readonly number[];
  constructor(box: RoundedBox, paint: Paint) {
    this.box = box;
    this.fill = paint.fill;
    this.stroke = paint.stroke;
    this.strokeWidth = paint.strokeWidth;
    this.dash = paint.dash;
  }
  get d(): string {
    const { x, y, width, height, r } = this.box;
    return roundedRectPath(x, y, width, height, r);
  }
}

/** A rounded box as a shape. */
export const rect = (x: number, y: number, width: number, height: number, r: number, paint: Paint): Shape => new RoundedRectShape({ x, y, width, height, r }, paint);

/** Keeps what is drawn as shapes: each group, once closed, is `done`. */
export class ShapeDrawer implements Drawer {
  private group: Extract<Shape, { type: 'group' }> | undefined;
  /** The last group closed. */
  done: Shape | undefined;

  open(attributes: Record<string, string>, title: string | undefined, desc?: string): void {
    this.group = { type: 'group', attributes, title, desc, children: [] };
  }

  close(): void {
    this.done = this.group;
    this.group = undefined;
  }

  private add(shape: Shape): void {
    this.group!.children.push(shape);
  }

  rect(x: number, y: number, width: number, height: number, r: number, paint: Paint): void {
    this.add(rect(x, y, width, height, r, paint));
  }

  circle(x: number, y: number, r: number, paint: Paint): void {
    this.add({ type: 'path', d: `M${x - r},${y} A${r},${r} 0 1 0 ${x + r},${y} A${r},${r} 0 1 0 ${x - r},${y} Z`, box: { x: x - r, y: y - r, width: 2 * r, height: 2 * r, r }, ...paint });
  }

  lines(xy: readonly number[], closed: boolean, paint: Paint): void {
    this.add({ type: 'path', d: linesPath(xy, closed), ...paint });
  }

  path(d: string, paint: Paint): void {
    this.add({ type: 'path', d, ...paint });
  }

  icon(paths: readonly IconPath[], at: IconPlace): void {
    for (const p of paths) this.add({ ...p, at });
  }

  text(x: number, y: number, text: string, size: number, colour: string, style?: TextStyle): void {
    this.add({ type: 'text', x, y, text, size, colour, ...style });
  }
}
