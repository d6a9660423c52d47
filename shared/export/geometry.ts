import { NODE_HEIGHT, NODE_WIDTH } from '../layout/elkGraph';
import { groupBoxes, type GroupBox } from '../layout/groupBounds';
import type { Diagram, DiagramEdge, Position } from '../model/schema';
import { highest, lowest } from '../numbers';

/** Margin around the picture, px. */
export const MARGIN = 32;

/** Where everything sits in an exported picture: node boxes, group boxes and edge routes. */
export interface Picture {
  width: number;
  height: number;
  /** Added to every diagram coordinate so the picture starts at (0, 0). */
  offset: Position;
  groups: GroupBox[];
  edges: { edge: DiagramEdge; points: Position[]; labelAt: Position }[];
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

/** The picture of a diagram whose nodes all have positions. */
export function pictureOf(diagram: Diagram): Picture {
  const at = new Map(diagram.nodes.map((n) => [n.id, n.position ?? { x: 0, y: 0 }]));
  const groups = groupBoxes(diagram);
  const edges = diagram.edges
    .filter((e) => at.has(e.source) && at.has(e.target))
    .map((edge) => {
      const points = edgeRoute(at.get(edge.source)!, at.get(edge.target)!);
      const middle = Math.floor((points.length - 1) / 2);
      const a = points[middle]!;
      const b = points[middle + 1]!;
      return { edge, points, labelAt: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
    });
  const xs = [...diagram.nodes.flatMap((n) => [at.get(n.id)!.x, at.get(n.id)!.x + NODE_WIDTH]), ...groups.flatMap((g) => [g.x, g.x + g.width]), ...edges.flatMap((e) => e.points.map((p) => p.x))];
  const ys = [...diagram.nodes.flatMap((n) => [at.get(n.id)!.y, at.get(n.id)!.y + NODE_HEIGHT]), ...groups.flatMap((g) => [g.y, g.y + g.height]), ...edges.flatMap((e) => e.points.map((p) => p.y))];
  const minX = lowest(xs, 0);
  const minY = lowest(ys, 0);
  const width = highest(xs, minX) - minX + 2 * MARGIN;
  const height = highest(ys, minY) - minY + 2 * MARGIN;
  return { width: Math.ceil(width), height: Math.ceil(height), offset: { x: MARGIN - minX, y: MARGIN - minY }, groups, edges };
}
