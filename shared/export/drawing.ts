import { edgeRates } from '../estimator/edgeRates';
import { figureLine } from '../figureLine';
import { findKind } from '../kinds';
import type { DiagramEdge, Position } from '../model/schema';
import { edgeCaption, edgeCaptionWithRate } from './caption';
import { ANNOTATION_FONT_PX, ANNOTATION_LINE_PX, NOTE_COLOUR } from '../layout/annotationBox';
import { boxesPictureSize, pictureOf, tellSimplified, type Picture } from './geometry';
import { iconPaths } from './iconPaths';
import { ShapeDrawer, type Drawer, type IconPath, type TextStyle } from './drawer';
import { InOrder } from './inOrder';
import { MODE_DASH, THEMES, utilizationColour, type Paint, type Palette, type Scene, type Shape } from './scene';
import { sheetOf } from './sheet';
import type { ExportInput } from './types';

/** The narrowest picture, so the title block and legend fit beside a small diagram. */
const MIN_WIDTH = 520;

/** The paints a diagram is drawn with, made once a picture (writers that keep a paint's text find it again by the object). */
function paintsOf(t: Palette) {
  const modes = (paint: (colour: string, mode: 'sync' | 'async' | 'offline') => Paint) => ({ sync: paint(t.sync, 'sync'), async: paint(t.async, 'async'), offline: paint(t.offline, 'offline') });
  return {
    group: { fill: t.group, stroke: t.groupBorder, strokeWidth: 1, dash: [6, 4] } as Paint,
    node: { fill: t.panel, stroke: t.border, strokeWidth: 1.5 } as Paint,
    caption: { fill: t.panel, stroke: t.border, strokeWidth: 1 } as Paint,
    route: modes((colour, mode) => ({ stroke: colour, strokeWidth: 1.6, dash: MODE_DASH[mode] })),
    arrow: modes((colour) => ({ fill: colour })),
    marker: modes((colour) => ({ fill: t.panel, stroke: colour, strokeWidth: 1.2 })),
    /** A kind's colour as a fill, by colour. */
    fills: new Map<string, Paint>(),
    icon: new Map<string, IconPath[]>(),
  };
}

type Paints = ReturnType<typeof paintsOf>;

/** A filled arrowhead whose tip is at (x, y), pointing from (fx, fy). */
function arrowhead(fx: number, fy: number, x: number, y: number, paint: Paint, d: Drawer): void {
  const length = Math.hypot(x - fx, y - fy) || 1;
  const ux = (x - fx) / length;
  const uy = (y - fy) / length;
  const bx = x - 10 * ux;
  const by = y - 10 * uy;
  d.lines([x, y, bx - 4.5 * uy, by + 4.5 * ux, bx + 4.5 * uy, by - 4.5 * ux], true, paint);
}

/** An edge's route, arrowhead, caption and stage marker, moved by the picture's offset. */
function drawEdge(entry: Picture['edges'][number], offset: Position, caption: string | undefined, t: Palette, paints: Paints, d: Drawer): void {
  const { edge } = entry;
  const points = entry.points;
  const mode = edge.mode ?? 'sync';
  const colour = t[mode];
  const attributes: Record<string, string> = { class: 'edge', 'data-edge': edge.id, 'data-mode': mode };
  if (entry.stage !== undefined) attributes['data-stage'] = String(entry.stage);
  d.open(attributes, caption);
  const xy: number[] = new Array(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    xy[2 * i] = points[i]!.x + offset.x;
    xy[2 * i + 1] = points[i]!.y + offset.y;
  }
  d.lines(xy, false, paints.route[mode]);
  const n = xy.length;
  // Stryker disable next-line ConditionalExpression: every route has at least its two ends; the check only guards a hand-made picture.
  if (points.length >= 2) arrowhead(xy[n - 4]!, xy[n - 3]!, xy[n - 2]!, xy[n - 1]!, paints.arrow[mode], d);
  // The caption's box, kept for it by the picture whenever the edge has a caption: text lines centred in it, 10-unit type on 12-unit lines.
  const label = entry.label;
  if (label) {
    const x = label.x + offset.x;
    const y = label.y + offset.y;
    d.rect(x, y, label.width, label.height, 3, paints.caption);
    for (let i = 0; i < label.lines.length; i++) d.text(x + label.width / 2, y + 11 + i * 12, label.lines[i]!, 10, t.muted, MIDDLE);
  }
  if (entry.stage !== undefined && points.length >= 2) {
    // On the last segment, short of the arrowhead: routes from one caller often share their start.
    const [ax, ay, bx, by] = [xy[n - 2]!, xy[n - 1]!, xy[n - 4]!, xy[n - 3]!];
    // Stryker disable next-line ConditionalExpression,LogicalOperator: routes have no stretch of zero length; 1 only keeps a hand-made one finite.
    const length = Math.hypot(bx - ax, by - ay) || 1;
    const back = Math.min(22, length / 2);
    const x = ax + ((bx - ax) / length) * back;
    const y = ay + ((by - ay) / length) * back;
    d.circle(x, y, 7, paints.marker[mode]);
    d.text(x, y + 3.5, String(entry.stage), 9, colour, BOLD_MIDDLE);
  }
  d.close();
}

const MIDDLE: TextStyle = { anchor: 'middle' };
const BOLD_MIDDLE: TextStyle = { bold: true, anchor: 'middle' };
const BOLD: TextStyle = { bold: true };

/** A sticky note (a folded-corner yellow card) or plain text, moved by the picture's offset. */
function drawAnnotation(entry: Picture['annotations'][number], offset: Position, t: Palette, d: Drawer): void {
  const { annotation, width, height, padding, lines } = entry;
  const x = entry.x + offset.x;
  const y = entry.y + offset.y;
  d.open({ class: 'annotation', 'data-annotation': annotation.id, 'data-annotation-kind': annotation.kind }, annotation.text);
  if (annotation.kind === 'note') {
    d.path(`M${x},${y} h${width - 14} l14,14 v${height - 14} h${-width} Z`, { fill: annotation.colour ?? NOTE_COLOUR, stroke: '#ca8a04', strokeWidth: 1 });
    d.path(`M${x + width - 14},${y} v14 h14`, { stroke: '#ca8a04', strokeWidth: 1 });
  }
  const colour = annotation.kind === 'note' ? '#1f2937' : t.text;
  lines.forEach((line, i) => d.text(x + padding, y + padding + 13 + i * ANNOTATION_LINE_PX, line, ANNOTATION_FONT_PX, colour));
  d.close();
}

/** A group's container and its name, moved by the picture's offset. */
function drawGroup(g: Picture['groups'][number], offset: Position, t: Palette, paints: Paints, d: Drawer): void {
  d.open({ class: 'group', 'data-group': g.id }, g.label);
  d.rect(g.x + offset.x, g.y + offset.y, g.width, g.height, 12, paints.group);
  d.text(g.x + offset.x + 14, g.y + offset.y + 22, g.label.toUpperCase(), 11, t.muted, { bold: true, spacing: 0.6 });
  d.close();
}

/** A kind's icon paths as drawn on its nodes (white, 2 units wide), made once a picture. */
function iconOf(name: string, paints: Paints): IconPath[] {
  let paths = paints.icon.get(name);
  if (paths === undefined) paints.icon.set(name, (paths = iconPaths(name).map((d): IconPath => ({ type: 'path', d, stroke: '#ffffff', strokeWidth: 2 }))));
  return paths;
}

/**
 * The diagram drawn as on the canvas, moved so it starts at the margin:
 * group containers, edges styled by mode with their captions and stage
 * markers, nodes with their kind's icon and colour, the wrapped label, and
 * (with figures) the live figures and a utilization bar; then sticky notes
 * and free text on top. Yields after each group drawn, so a writer can pass
 * on what it has.
 */
export function* drawDiagram({ diagram, estimate, figures }: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>, picture: Picture, t: Palette, d: Drawer): Generator<void, void, undefined> {
  const { offset } = picture;
  const { x: ox, y: oy } = offset;
  const paints = paintsOf(t);
  const byNode = new InOrder(estimate.nodes);
  const nodes = new InOrder(diagram.nodes);
  for (const g of picture.groups) {
    drawGroup(g, offset, t, paints, d);
    yield;
  }
  for (const entry of picture.edges) {
    drawEdge(entry, offset, entry.caption, t, paints, d);
    yield;
  }
  for (let i = 0; i < picture.nodes.length; i++) {
    const box = picture.nodes[i]!;
    const node = nodes.get(box.id, i);
    // Stryker disable next-line ConditionalExpression: the picture's boxes are made from the diagram's nodes, so each is found.
    if (!node) continue;
    const kind = findKind(node.kind);
    const colour = kind?.colour ?? '#64748b';
    let fill = paints.fills.get(colour);
    if (fill === undefined) paints.fills.set(colour, (fill = { fill: colour }));
    const x = box.x + ox;
    const y = box.y + oy;
    const f = byNode.get(node.id, i);
    const below = y + 23 + (box.lines.length - 1) * 16;
    d.open({ class: 'node', 'data-node': node.id, 'data-kind': node.kind }, node.label, node.notes);
    d.rect(x, y, box.width, box.height, 8, paints.node);
    d.rect(x, y, 5, box.height, 2, fill);
    d.rect(x + 12, y + 8, 22, 22, 5, fill);
    // Where the icon's paths are drawn, one place for all of them.
    // Stryker disable next-line StringLiteral: an unknown icon name is drawn as the server icon too.
    d.icon(iconOf(kind?.icon ?? 'server', paints), { x: x + 15, y: y + 11, scale: 16 / 24 });
    for (let l = 0; l < box.lines.length; l++) d.text(x + 42, y + 23 + l * 16, box.lines[l]!, 13, t.text, BOLD);
    d.text(x + 42, below + 17, kind?.label ?? node.kind, 11, t.muted);
    if (figures && f) {
      d.text(x + 14, below + 39, figureLine(node, f).map((p) => p.text).join('   '), 11, t.text);
      if (f.utilization !== null) {
        d.path(`M${x + 5},${y + box.height - 5} h${(box.width - 10) * Math.min(1, f.utilization)} v3 h${-(box.width - 10) * Math.min(1, f.utilization)} Z`, { fill: utilizationColour(f.utilization, t) });
      }
    }
    d.close();
    yield;
  }
  for (const entry of picture.annotations) {
    drawAnnotation(entry, offset, t, d);
    yield;
  }
}

/** The diagram drawn (see `drawDiagram`) as shapes, a group at a time. */
export function* diagramShapes(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>, picture: Picture, t: Palette): Generator<Shape, void, undefined> {
  const drawer = new ShapeDrawer();
  for (const _ of drawDiagram(input, picture, t, drawer)) yield drawer.done!;
}

/** Each edge's caption (calls, rate with figures, label), by edge id. */
export function captionsOf(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>): Map<string, string> {
  const partsOf = captionParts(input);
  return new Map(input.diagram.edges.flatMap((e) => {
    const parts = partsOf(e);
    return parts.length ? [[e.id, parts.join(' · ')] as const] : [];
  }));
}

/**
 * Each edge's caption (as `captionsOf`) in its parts, worked out as a
 * picture asks for it: no map of every edge's caption is made.
 */
export function captionParts({ diagram, estimate, figures }: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>): (edge: DiagramEdge) => string[] {
  // Without figures a caption shows no rate: the rates are not worked out.
  if (!figures) return (e) => edgeCaptionWithRate(e, undefined);
  const rates = edgeRates(diagram, estimate);
  return (e) => edgeCaption(e, rates.get(e.id)?.peak, true);
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

/** What a scene is drawn from: the picture (with each edge's caption), the palette, the title block and the whole size. */
export interface ScenePlan {
  input: ExportInput;
  t: Palette;
  picture: Picture;
  sheet: { height: number; shapes: Shape[] };
  width: number;
  height: number;
}

/** Works out what the exported picture holds (routes, captions, title block) before any of it is drawn. */
export function scenePlan(input: ExportInput): ScenePlan {
  const t = THEMES[input.theme];
  const picture = pictureOf(input.diagram, captionParts(input));
  tellSimplified(picture, input.note);
  const width = Math.max(picture.width, MIN_WIDTH);
  const sheet = sheetOf(input, width, picture.height, t);
  return { input, t, picture, sheet, width, height: picture.height + sheet.height };
}

/** The whole exported picture: the diagram, then its title block and legend below it; the shapes are made each time they are read. */
export function sceneOf(input: ExportInput): Scene {
  return sceneOfPlan(scenePlan(input));
}

/** A plan's scene (see `sceneOf`). */
export function sceneOfPlan(plan: ScenePlan): Scene {
  const { input, picture, t, sheet } = plan;
  return {
    width: plan.width,
    height: plan.height,
    title: input.diagram.title,
    background: t.background,
    shapes: {
      *[Symbol.iterator]() {
        yield* diagramShapes(input, picture, t);
        yield* sheet.shapes;
      },
    },
  };
}
