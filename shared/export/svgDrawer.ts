import type { Drawer, IconPath, IconPlace, TextStyle } from './drawer';
import { linesPath } from './drawer';
import type { PieceLines } from './pieces';
import type { Paint } from './scene';
import { attribute, groupOpening, iconSvg, paintAttributes, rectSvg, textSvg, type Definitions } from './svgShapes';

/** Paints whose attributes are kept, found by the object: a picture draws with a few dozen, made once (see `drawDiagram`). */
const KEPT_PAINTS = 64;

/**
 * Draws straight into SVG lines, an element a line (the same text the
 * shapes' writer makes of the same drawing), with no shape made on the way.
 */
export class SvgDrawer implements Drawer {
  private readonly paints = new Map<Paint, string>();
  private readonly fills = new Map<string, string>();

  constructor(private readonly out: PieceLines, private readonly defined: Definitions) {}

  /** A paint's attributes, kept for the paints a picture draws with again and again. */
  private paint(paint: Paint): string {
    let text = this.paints.get(paint);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: writing a paint's attributes again gives the same text; keeping them only saves time.
    if (text === undefined) {
      text = paintAttributes(paint);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: how many are kept changes no text, only how much is remembered.
      if (this.paints.size < KEPT_PAINTS) this.paints.set(paint, text);
    }
    return text;
  }

  private fill(colour: string): string {
    let text = this.fills.get(colour);
    // Stryker disable next-line ConditionalExpression: writing a colour's attribute again gives the same text.
    if (text === undefined) this.fills.set(colour, (text = attribute('fill', colour)));
    return text;
  }

  open(attributes: Record<string, string>, title: string | undefined, desc?: string): void {
    this.out.add(groupOpening(attributes, title, desc));
  }

  close(): void {
    this.out.add('</g>');
  }

  rect(x: number, y: number, width: number, height: number, r: number, paint: Paint): void {
    this.out.add(rectSvg(x, y, width, height, r, this.paint(paint)));
  }

  circle(x: number, y: number, r: number, paint: Paint): void {
    this.out.add(rectSvg(x - r, y - r, 2 * r, 2 * r, r, this.paint(paint)));
  }

  lines(xy: readonly number[], closed: boolean, paint: Paint): void {
    this.out.add(`<path d="${linesPath(xy, closed)}"${this.paint(paint)}/>`);
  }

  path(d: string, paint: Paint): void {
    this.out.add(`<path${attribute('d', d)}${this.paint(paint)}/>`);
  }

  icon(paths: readonly IconPath[], at: IconPlace): void {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: every kind's icon has paths (an unknown one is the server's); none only keeps a hand-made drawing safe.
    if (paths.length > 0) this.out.add(iconSvg(paths, at, this.defined));
  }

  text(x: number, y: number, text: string, size: number, colour: string, style?: TextStyle): void {
    this.out.add(textSvg(x, y, size, style?.bold, style?.spacing, style?.anchor === 'middle', this.fill(colour), text));
  }
}
