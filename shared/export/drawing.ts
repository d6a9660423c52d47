import { edgeRates } from '../estimator/edgeRates';
import { figureLine } from '../figureLine';
import { findKind } from '../kinds';
import type { Position } from '../model/schema';
import { edgeCaption } from './caption';
import { ANNOTATION_FONT_PX, ANNOTATION_LINE_PX, NOTE_COLOUR } from '../layout/annotationBox';
import { boxesPictureSize, pictureOf, tellSimplified, type Picture } from './geometry';
import { iconPaths, roundedRectPath } from './iconPaths';
import { InOrder } from './inOrder';
import { MODE_DASH, THEMES, utilizationColour, type Paint, type Palette, type RoundedBox, type Scene, type Shape } from './scene';
import { sheetOf } from './sheet';
import type { ExportInput } from './types';

/** The narrowest picture, so the title block and legend fit beside a small diagram. */
const MIN_WIDTH = 520;

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

const rect = (x: number, y: number, width: number, height: number, r: number, paint: Paint): Shape => new RoundedRectShape({ x, y, width, height, r }, paint);

/** A filled arrowhead whose tip is at `tip`, pointing from `from`. */
function arrowhead(from: Position, tip: Position, colour: string): Shape {
  const length = Math.hypot(tip.x - from.x, tip.y - from.y) || 1;
  const ux = (tip.x - from.x) / length;
  const uy = (tip.y - from.y) / length;
  const bx = tip.x - 10 * ux;
  const by = tip.y - 10 * uy;
  return { type: 'path', d: `M${tip.x},${tip.y} L${bx - 4.5 * uy},${by + 4.5 * ux} L${bx + 4.5 * uy},${by - 4.5 * ux} Z`, fill: colour };
}

/** Text lines centred in a box, 10-unit type on 12-unit lines. */
function boxedLines(box: { x: number; y: number; width: number; height: number; lines: string[] }, t: Palette): Shape[] {
  return [
    rect(box.x, box.y, box.width, box.height, 3, { fill: t.panel, stroke: t.border, strokeWidth: 1 }),
    ...box.lines.map((line, i): Shape => ({ type: 'text', x: box.x + box.width / 2, y: box.y + 11 + i * 12, text: line, size: 10, colour: t.muted, anchor: 'middle' })),
  ];
}

/** An edge's route, arrowhead, caption and stage marker, moved by the picture's offset. */
function edgeShapes(entry: Picture['edges'][number], offset: Position, caption: string | undefined, t: Palette): Shape {
  const { edge } = entry;
  const points = entry.points.map((p) => ({ x: p.x + offset.x, y: p.y + offset.y }));
  const mode = edge.mode ?? 'sync';
  const colour = t[mode];
  let d = '';
  for (let i = 0; i < points.length; i++) d += `${i === 0 ? 'M' : ' L'}${points[i]!.x},${points[i]!.y}`;
  const children: Shape[] = [{ type: 'path', d, stroke: colour, strokeWidth: 1.6, dash: MODE_DASH[mode] }];
  // Stryker disable next-line ConditionalExpression: every route has at least its two ends; the check only guards a hand-made picture.
  if (points.length >= 2) children.push(arrowhead(points[points.length - 2]!, points[points.length - 1]!, colour));
  // The caption's box, kept for it by the picture whenever the edge has a caption.
  if (entry.label) children.push(...boxedLines({ ...entry.label, x: entry.label.x + offset.x, y: entry.label.y + offset.y }, t));
  if (entry.stage !== undefined && points.length >= 2) {
    // On the last segment, short of the arrowhead: routes from one caller often share their start.
    const [a, b] = [points[points.length - 1]!, points[points.length - 2]!];
    // Stryker disable next-line ConditionalExpression,LogicalOperator: routes have no stretch of zero length; 1 only keeps a hand-made one finite.
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const back = Math.min(22, length / 2);
    const at = { x: a.x + ((b.x - a.x) / length) * back, y: a.y + ((b.y - a.y) / length) * back };
    children.push(
      { type: 'path', d: `M${at.x - 7},${at.y} A7,7 0 1 0 ${at.x + 7},${at.y} A7,7 0 1 0 ${at.x - 7},${at.y} Z`, box: { x: at.x - 7, y: at.y - 7, width: 14, height: 14, r: 7 }, fill: t.panel, stroke: colour, strokeWidth: 1.2 },
      { type: 'text', x: at.x, y: at.y + 3.5, text: String(entry.stage), size: 9, bold: true, colour, anchor: 'middle' },
    );
  }
  return { type: 'group', attributes: { class: 'edge', 'data-edge': edge.id, 'data-mode': mode, ...(entry.stage !== undefined && { 'data-stage': String(entry.stage) }) }, title: caption, children };
}

/** A sticky note (a folded-corner yellow card) or plain text, moved by the picture's offset. */
function annotationShapes(entry: Picture['annotations'][number], offset: Position, t: Palette): Shape {
  const { annotation, width, height, padding, lines } = entry;
  const x = entry.x + offset.x;
  const y = entry.y + offset.y;
  const children: Shape[] = [];
  if (annotation.kind === 'note') {
    children.push(
      { type: 'path', d: `M${x},${y} h${width - 14} l14,14 v${height - 14} h${-width} Z`, fill: annotation.colour ?? NOTE_COLOUR, stroke: '#ca8a04', strokeWidth: 1 },
      { type: 'path', d: `M${x + width - 14},${y} v14 h14`, stroke: '#ca8a04', strokeWidth: 1 },
    );
  }
  const colour = annotation.kind === 'note' ? '#1f2937' : t.text;
  children.push(...lines.map((line, i): Shape => ({ type: 'text', x: x + padding, y: y + padding + 13 + i * ANNOTATION_LINE_PX, text: line, size: ANNOTATION_FONT_PX, colour })));
  return { type: 'group', attributes: { class: 'annotation', 'data-annotation': annotation.id, 'data-annotation-kind': annotation.kind }, title: annotation.text, children };
}

/**
 * The diagram drawn as on the canvas, moved so it starts at the margin:
 * group containers, edges styled by mode with their captions and stage
 * markers, nodes with their kind's icon and colour, the wrapped label, and
 * (with figures) the live figures and a utilization bar; then sticky notes
 * and free text on top.
 */
export function* diagramShapes({ diagram, estimate, figures }: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>, picture: Picture, captions: ReadonlyMap<string, string>, t: Palette): Generator<Shape, void, undefined> {
  const { x: ox, y: oy } = picture.offset;
  const byNode = new InOrder(estimate.nodes);
  const nodes = new InOrder(diagram.nodes);
  for (const g of picture.groups) {
    yield {
      type: 'group', attributes: { class: 'group', 'data-group': g.id }, title: g.label,
      children: [
        rect(g.x + ox, g.y + oy, g.width, g.height, 12, { fill: t.group, stroke: t.groupBorder, strokeWidth: 1, dash: [6, 4] }),
        { type: 'text', x: g.x + ox + 14, y: g.y + oy + 22, text: g.label.toUpperCase(), size: 11, bold: true, colour: t.muted, spacing: 0.6 },
      ],
    };
  }
  for (const entry of picture.edges) yield edgeShapes(entry, picture.offset, captions.get(entry.edge.id), t);
  for (const [i, box] of picture.nodes.entries()) {
    const node = nodes.get(box.id, i);
    // Stryker disable next-line ConditionalExpression: the picture's boxes are made from the diagram's nodes, so each is found.
    if (!node) continue;
    const kind = findKind(node.kind);
    const colour = kind?.colour ?? '#64748b';
    const x = box.x + ox;
    const y = box.y + oy;
    const f = byNode.get(node.id, i);
    const below = y + 23 + (box.lines.length - 1) * 16;
    // Where the icon's paths are drawn, one place for all of them.
    const icon = { x: x + 15, y: y + 11, scale: 16 / 24 };
    const children: Shape[] = [
      rect(x, y, box.width, box.height, 8, { fill: t.panel, stroke: t.border, strokeWidth: 1.5 }),
      rect(x, y, 5, box.height, 2, { fill: colour }),
      rect(x + 12, y + 8, 22, 22, 5, { fill: colour }),
      // Stryker disable next-line StringLiteral: an unknown icon name is drawn as the server icon too.
      ...iconPaths(kind?.icon ?? 'server').map((d): Shape => ({ type: 'path', d, at: icon, stroke: '#ffffff', strokeWidth: 2 })),
      ...box.lines.map((line, i): Shape => ({ type: 'text', x: x + 42, y: y + 23 + i * 16, text: line, size: 13, bold: true, colour: t.text })),
      { type: 'text', x: x + 42, y: below + 17, text: kind?.label ?? node.kind, size: 11, colour: t.muted },
    ];
    if (figures && f) {
      children.push({ type: 'text', x: x + 14, y: below + 39, text: figureLine(node, f).map((p) => p.text).join('   '), size: 11, colour: t.text });
      if (f.utilization !== null) {
        children.push({ type: 'path', d: `M${x + 5},${y + box.height - 5} h${(box.width - 10) * Math.min(1, f.utilization)} v3 h${-(box.width - 10) * Math.min(1, f.utilization)} Z`, fill: utilizationColour(f.utilization, t) });
      }
    }
    yield { type: 'group', attributes: { class: 'node', 'data-node': node.id, 'data-kind': node.kind }, title: node.label, desc: node.notes, children };
  }
  for (const entry of picture.annotations) yield annotationShapes(entry, picture.offset, t);
}

/** Each edge's caption (calls, rate with figures, label), by edge id. */
export function captionsOf({ diagram, estimate, figures }: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>): Map<string, string> {
  // Without figures a caption shows no rate: the rates are not worked out.
  const rates = figures ? edgeRates(diagram, estimate) : new Map<string, { peak: number }>();
  return new Map(diagram.edges.flatMap((e) => {
    const parts = edgeCaption(e, rates.get(e.id)?.peak, figures);
    return parts.length ? [[e.id, parts.join(' · ')] as const] : [];
  }));
}

/**
 * The size of the whole exported picture counting only the diagram's boxes
 * (see `boxesPictureSize`) and the title block: the scene `sceneOf` makes is
 * at least this large, and this is known before any edge is routed.
 */
export function sceneSizeFromBoxes(input: ExportInput): { width: number; height: number } {
  const boxes = boxesPictureSize(input.diagram);
  const width = Math.max(boxes.width, MIN_WIDTH);
  return { width, height: boxes.height + sheetOf(input, width, boxes.height, THEMES[input.theme]).height };
}

/** The whole exported picture: the diagram, then its title block and legend below it; the shapes are made each time they are read. */
export function sceneOf(input: ExportInput): Scene {
  const t = THEMES[input.theme];
  const captions = captionsOf(input);
  const picture = pictureOf(input.diagram, captions);
  tellSimplified(picture, input.note);
  const width = Math.max(picture.width, MIN_WIDTH);
  const sheet = sheetOf(input, width, picture.height, t);
  return {
    width,
    height: picture.height + sheet.height,
    title: input.diagram.title,
    background: t.background,
    shapes: {
      *[Symbol.iterator]() {
        yield* diagramShapes(input, picture, captions, t);
        yield* sheet.shapes;
      },
    },
  };
}
