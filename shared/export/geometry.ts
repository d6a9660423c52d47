import { NODE_HEIGHT, NODE_WIDTH } from '../layout/elkGraph';
import { groupBoxes, type GroupBox } from '../layout/groupBounds';
import { syncStages } from '../estimator/latency';
import type { Diagram, DiagramEdge, Position } from '../model/schema';
import { wrapLines } from './wrap';
import { highest, lowest } from '../numbers';

/** Margin around the picture, px. */
export const MARGIN = 32;

/** Where everything sits in an exported picture: node boxes, group boxes and edge routes. */
export interface Picture {
  width: number;
  height: number;
  /** Added to every diagram coordinate so the picture starts at (0, 0). */
  offset: Position;
  /** Node boxes (diagram coordinates) and their labels wrapped to the box. */
  nodes: { id: string; x: number; y: number; width: number; height: number; lines: string[] }[];
  groups: GroupBox[];
  edges: {
    edge: DiagramEdge;
    points: Position[];
    labelAt: Position;
    /** The box of the edge's caption, when a caption was given. */
    label?: { x: number; y: number; width: number; height: number; lines: string[] };
    /** 1-based stage of a sync call among its caller's stages, where the caller has more than one. */
    stage?: number;
  }[];
}

/**
 * Orthogonal route from the right side of the caller to the left side of the
 * callee; edges that go backwards loop below both nodes.
 */
export function edgeRoute(source: Position, target: Position): Position[] {
  const start = { x: source.x + NODE_WIDTH, y: source.y + NODE_HEIGHT / 2 };
  const end = { x: target.x, y: target.y + NODE_HEIGHT / 2 };
  if (end.x - start.x >= 24) {
    const midX = Math.round((start.x + end.x) / 2);
    return [start, { x: midX, y: start.y }, { x: midX, y: end.y }, end];
  }
  const below = Math.max(source.y, target.y) + NODE_HEIGHT + 24;
  return [start, { x: start.x + 16, y: start.y }, { x: start.x + 16, y: below }, { x: end.x - 16, y: below }, { x: end.x - 16, y: end.y }, end];
}

/** Characters of a node label per line, and of an edge caption. */
const LABEL_CHARS = 24;
const CAPTION_CHARS = 28;

/** 1-based stage of each sync edge whose caller runs its calls in more than one stage. */
function stageMarkers(diagram: Diagram): Map<string, number> {
  const markers = new Map<string, number>();
  for (const node of diagram.nodes) {
    const stages = syncStages(diagram.edges.filter((e) => e.source === node.id && (e.mode ?? 'sync') === 'sync'));
    if (stages.length > 1) stages.forEach((s, i) => s.edges.forEach((e) => markers.set(e.id, i + 1)));
  }
  return markers;
}

/**
 * The picture of a diagram whose nodes all have positions; `captions` (edge
 * id to text) get a box on their edge.
 */
export function pictureOf(diagram: Diagram, captions?: ReadonlyMap<string, string>): Picture {
  const at = new Map(diagram.nodes.map((n) => [n.id, n.position ?? { x: 0, y: 0 }]));
  const nodes = diagram.nodes.map((n) => {
    const lines = wrapLines(n.label, LABEL_CHARS);
    return { id: n.id, ...at.get(n.id)!, width: NODE_WIDTH, height: NODE_HEIGHT + 16 * (lines.length - 1), lines };
  });
  const groups = groupBoxes(diagram);
  const stages = stageMarkers(diagram);
  const edges = diagram.edges
    .filter((e) => at.has(e.source) && at.has(e.target))
    .map((edge) => {
      const points = edgeRoute(at.get(edge.source)!, at.get(edge.target)!);
      const middle = Math.floor((points.length - 1) / 2);
      const a = points[middle]!;
      const b = points[middle + 1]!;
      const labelAt = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const caption = captions?.get(edge.id);
      const lines = caption ? wrapLines(caption, CAPTION_CHARS) : [];
      const width = Math.max(...lines.map((l) => l.length)) * 5.6 + 8;
      const height = lines.length * 12 + 4;
      const label = caption ? { x: labelAt.x - width / 2, y: labelAt.y - height / 2, width, height, lines } : undefined;
      return { edge, points, labelAt, ...(label && { label }), ...(stages.has(edge.id) && { stage: stages.get(edge.id) }) };
    });
  const xs = [...nodes.flatMap((n) => [n.x, n.x + n.width]), ...groups.flatMap((g) => [g.x, g.x + g.width]), ...edges.flatMap((e) => e.points.map((p) => p.x))];
  const ys = [...nodes.flatMap((n) => [n.y, n.y + n.height]), ...groups.flatMap((g) => [g.y, g.y + g.height]), ...edges.flatMap((e) => e.points.map((p) => p.y))];
  const minX = lowest(xs, 0);
  const minY = lowest(ys, 0);
  const width = highest(xs, minX) - minX + 2 * MARGIN;
  const height = highest(ys, minY) - minY + 2 * MARGIN;
  return { width: Math.ceil(width), height: Math.ceil(height), offset: { x: MARGIN - minX, y: MARGIN - minY }, nodes, groups, edges };
}
