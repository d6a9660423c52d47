import { nodeBoxes } from '../layout/boxes';
import { placedEdgeGeometry, type Simplified } from '../layout/edgeGeometry';
export { STAGE_MARKER_RADIUS } from '../layout/edgeGeometry';
import { groupBoxes, type GroupBox } from '../layout/groupBounds';
import { edgeLabelSize, nodeSize } from '../layout/sizes';
import { annotationBox, type AnnotationBox } from '../layout/annotationBox';
import type { Annotation, Diagram, DiagramEdge, Position } from '../model/schema';
import { edgeCaption } from './caption';

/** Margin around the picture, px. */
export const MARGIN = 32;

/** A node's box in a picture, with its name wrapped as drawn. */
export interface PictureNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  /** The box's place in the picture's `nodes`: writers keep what they make of each node (an id) by it, found from an edge's ends without a look-up by id. */
  index: number;
}

/** An edge in a picture: its two ends' boxes, its route, its caption (text, centre and box), its stage marker. */
export interface PictureEdge {
  edge: DiagramEdge;
  /** The boxes of the edge's source and target, as the picture's `nodes` hold them. */
  from: PictureNode;
  to: PictureNode;
  /** The caption's whole text (its parts joined with a middle dot, as the captions give it); absent when the edge has none. */
  caption?: string;
  points: Position[];
  labelAt: Position;
  label?: { x: number; y: number; width: number; height: number; lines: string[] };
  /** 1-based stage of the call, drawn as a numbered badge near the start; absent when the caller calls in one stage. */
  stage?: number;
  /** Centre of the stage badge (radius STAGE_MARKER_RADIUS), present with `stage`. */
  stageAt?: Position;
}

/** Where everything sits in an exported picture: node boxes, group boxes and edge routes, in diagram coordinates. */
export interface Picture {
  width: number;
  height: number;
  /** Added to every diagram coordinate so the picture starts at (0, 0). */
  offset: Position;
  nodes: PictureNode[];
  /** Each node's box by its id. */
  boxOf: ReadonlyMap<string, PictureNode>;
  groups: GroupBox[];
  edges: PictureEdge[];
  /** Sticky notes and free text, each with its box. */
  annotations: (AnnotationBox & { annotation: Annotation })[];
  /** What was drawn simpler for lack of time (a very large diagram): plain routes, captions and markers in their first place. */
  simplified?: Simplified;
}

/**
 * What a picture drew simpler for lack of time, as a sentence for the person
 * exporting it; undefined when it drew everything with full care.
 */
export function simplifiedNote(picture: Picture): string | undefined {
  const { plainRoutes = 0, firstPlaces = 0 } = picture.simplified ?? {};
  const parts: string[] = [];
  const count = (n: number) => n.toLocaleString('en-US');
  if (plainRoutes > 0) parts.push(`${count(plainRoutes)} of its ${count(picture.edges.length)} edges are drawn as plain routes, not routed around the nodes`);
  if (firstPlaces > 0) parts.push(`${count(firstPlaces)} captions and stage markers are put in a fixed place along their edge, without looking for free room`);
  return parts.length > 0 ? `the diagram is too large to draw in full detail in a few seconds: ${parts.join('; ')}` : undefined;
}

/** Tells `note` (when given) what the picture drew simpler, if anything. */
export function tellSimplified(picture: Picture, note: ((message: string) => void) | undefined): void {
  const message = note && simplifiedNote(picture);
  if (message) note(message);
}

/** Each edge's caption: parts of it by edge (joined with a middle dot), or the whole text by edge id. */
export type Captions = ((edge: DiagramEdge) => string[]) | ReadonlyMap<string, string>;

function captionOf(captions: Captions, edge: DiagramEdge): string | undefined {
  if (typeof captions !== 'function') return captions.get(edge.id) || undefined;
  const parts = captions(edge);
  return parts.length > 0 ? parts.join(CAPTION_JOIN) : undefined;
}

/** What a caption's parts are joined with (as `edgeLabelSize` joins them). */
const CAPTION_JOIN = ' · ';

/**
 * The picture of a diagram whose nodes all have positions: the same node
 * boxes, routes and caption places as the canvas (stored routes where they
 * still fit, else routed around the nodes). `captions` gives each edge's
 * caption (default: its calls and label, no figures); a caption is centred in
 * the room layout kept for it.
 */
// Stryker disable next-line BooleanLiteral: without a peak rate, a caption with figures is the same as one without
export function pictureOf(diagram: Diagram, captions: Captions = (e) => edgeCaption(e, undefined, false)): Picture {
  // Each node's box as nodeBoxes gives it, with its name's lines: the same object serves as the box the routes go around.
  // Node by node, in the diagram's order (ids are unique): the list drawn, and the look-up by id the edges need.
  const boxes = new Map<string, PictureNode>();
  const nodes: PictureNode[] = [];
  for (const n of diagram.nodes) {
    const { width, height, lines } = nodeSize(n.label);
    // Stryker disable next-line OptionalChaining: a picture is made only of placed nodes (see above); 0 only keeps a hand-made one drawable.
    const box = { id: n.id, x: n.position?.x ?? 0, y: n.position?.y ?? 0, width, height, lines, index: nodes.length };
    boxes.set(n.id, box);
    nodes.push(box);
  }
  const groups = groupBoxes(diagram);
  const simplified: Simplified = { plainRoutes: 0, firstPlaces: 0 };
  const edges = placedEdgeGeometry(diagram, boxes, (edge, points, room, stage, stageAt, from, to): PictureEdge => {
    const middle = Math.floor((points.length - 1) / 2);
    const centre = room ? { x: room.x + room.size.width / 2, y: room.y + room.size.height / 2 } : { x: (points[middle]!.x + points[middle + 1]!.x) / 2, y: (points[middle]!.y + points[middle + 1]!.y) / 2 };
    const caption = captionOf(captions, edge);
    const picture: PictureEdge = { edge, from, to, points, labelAt: centre };
    if (caption !== undefined) picture.caption = caption;
    const size = caption === undefined ? undefined : edgeLabelSize([caption]);
    if (size) picture.label = { x: centre.x - size.width / 2, y: centre.y - size.height / 2, width: size.width, height: size.height, lines: size.lines };
    // Stryker disable next-line ConditionalExpression: an edge without a stage given `stage: undefined` is drawn the same.
    if (stage) {
      picture.stage = stage;
      picture.stageAt = stageAt;
    }
    return picture;
  }, simplified);
  const annotations = (diagram.annotations ?? []).map((annotation) => ({ annotation, ...annotationBox(annotation) }));
  const extent = new Extent();
  for (const a of [...annotations, ...nodes, ...groups]) extent.add(a);
  for (const e of edges) {
    for (const p of e.points) extent.addPoint(p.x, p.y);
    if (e.label) extent.add(e.label);
  }
  return { ...extent.picture(), nodes, boxOf: boxes, groups, edges, annotations, simplified };
}

/**
 * The size of a diagram's picture counting only its boxes (nodes, groups,
 * notes), without routing an edge: the picture `pictureOf` draws is at least
 * this large (its routes and captions can only widen it).
 */
export function boxesPictureSize(diagram: Diagram): { width: number; height: number } {
  const extent = new Extent();
  for (const box of nodeBoxes(diagram).values()) extent.add(box);
  for (const box of groupBoxes(diagram)) extent.add(box);
  for (const annotation of diagram.annotations ?? []) extent.add(annotationBox(annotation));
  const { width, height } = extent.picture();
  return { width, height };
}

/** The smallest box around the boxes added (with `any` false until one is). */
class Extent {
  any = false;
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;
  add(box: { x: number; y: number; width: number; height: number }): void {
    this.addPoint(box.x, box.y);
    this.addPoint(box.x + box.width, box.y + box.height);
  }
  addPoint(x: number, y: number): void {
    this.any = true;
    this.minX = Math.min(this.minX, x);
    this.maxX = Math.max(this.maxX, x);
    this.minY = Math.min(this.minY, y);
    this.maxY = Math.max(this.maxY, y);
  }
  /** The picture around the boxes added, with the margin: its size and the offset that moves it to start at (0, 0). */
  picture(): { width: number; height: number; offset: Position } {
    const minX = this.any ? this.minX : 0;
    const minY = this.any ? this.minY : 0;
    const width = (this.any ? this.maxX : minX) - minX + 2 * MARGIN;
    const height = (this.any ? this.maxY : minY) - minY + 2 * MARGIN;
    return { width: Math.ceil(width), height: Math.ceil(height), offset: { x: MARGIN - minX, y: MARGIN - minY } };
  }
}
