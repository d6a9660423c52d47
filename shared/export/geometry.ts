import { nodeBoxes } from '../layout/boxes';
import { edgeGeometry } from '../layout/edgeGeometry';
export { STAGE_MARKER_RADIUS } from '../layout/edgeGeometry';
import { groupBoxes, type GroupBox } from '../layout/groupBounds';
import { edgeLabelSize, nodeSize } from '../layout/sizes';
import { annotationBox, type AnnotationBox } from '../layout/annotationBox';
import type { Annotation, Diagram, DiagramEdge, Position } from '../model/schema';
import { highest, lowest } from '../numbers';
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
}

/** An edge in a picture: its route, its caption's centre and box, its stage marker. */
export interface PictureEdge {
  edge: DiagramEdge;
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
  groups: GroupBox[];
  edges: PictureEdge[];
  /** Sticky notes and free text, each with its box. */
  annotations: (AnnotationBox & { annotation: Annotation })[];
}

/** Each edge's caption: parts of it by edge (joined with a middle dot), or the whole text by edge id. */
export type Captions = ((edge: DiagramEdge) => string[]) | ReadonlyMap<string, string>;

function captionOf(captions: Captions, edge: DiagramEdge): string[] {
  if (typeof captions === 'function') return captions(edge);
  const text = captions.get(edge.id);
  return text ? [text] : [];
}

/**
 * The picture of a diagram whose nodes all have positions: the same node
 * boxes, routes and caption places as the canvas (stored routes where they
 * still fit, else routed around the nodes). `captions` gives each edge's
 * caption (default: its calls and label, no figures); a caption is centred in
 * the room layout kept for it.
 */
export function pictureOf(diagram: Diagram, captions: Captions = (e) => edgeCaption(e, undefined, false)): Picture {
  const boxes = nodeBoxes(diagram);
  const nodes = diagram.nodes.map((n) => ({ id: n.id, ...boxes.get(n.id)!, lines: nodeSize(n.label).lines }));
  const groups = groupBoxes(diagram);
  const edges = edgeGeometry(diagram).map(({ edge, points, label: room, stage, stageAt }): PictureEdge => {
    const middle = Math.floor((points.length - 1) / 2);
    const centre = room ? { x: room.x + room.width / 2, y: room.y + room.height / 2 } : { x: (points[middle]!.x + points[middle + 1]!.x) / 2, y: (points[middle]!.y + points[middle + 1]!.y) / 2 };
    const size = edgeLabelSize(captionOf(captions, edge));
    const label = size ? { x: centre.x - size.width / 2, y: centre.y - size.height / 2, ...size } : undefined;
    return { edge, points, labelAt: centre, ...(label ? { label } : {}), ...(stage ? { stage, stageAt } : {}) };
  });
  const annotations = (diagram.annotations ?? []).map((annotation) => ({ annotation, ...annotationBox(annotation) }));
  const xs = [...annotations.flatMap((a) => [a.x, a.x + a.width]), ...nodes.flatMap((n) => [n.x, n.x + n.width]), ...groups.flatMap((g) => [g.x, g.x + g.width]), ...edges.flatMap((e) => [...e.points.map((p) => p.x), ...(e.label ? [e.label.x, e.label.x + e.label.width] : [])])];
  const ys = [...annotations.flatMap((a) => [a.y, a.y + a.height]), ...nodes.flatMap((n) => [n.y, n.y + n.height]), ...groups.flatMap((g) => [g.y, g.y + g.height]), ...edges.flatMap((e) => [...e.points.map((p) => p.y), ...(e.label ? [e.label.y, e.label.y + e.label.height] : [])])];
  const minX = lowest(xs, 0);
  const minY = lowest(ys, 0);
  const width = highest(xs, minX) - minX + 2 * MARGIN;
  const height = highest(ys, minY) - minY + 2 * MARGIN;
  return { width: Math.ceil(width), height: Math.ceil(height), offset: { x: MARGIN - minX, y: MARGIN - minY }, nodes, groups, edges, annotations };
}
