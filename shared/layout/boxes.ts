import type { Diagram, Position } from '../model/schema';
import { nodeSize } from './sizes';

/** An axis-aligned box in diagram coordinates, px; x and y are its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box of every placed node, by id (size from its name, position from the document). */
export function nodeBoxes(diagram: Pick<Diagram, 'nodes'>): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const n of diagram.nodes) {
    const { width, height } = nodeSize(n.label);
    boxes.set(n.id, { x: n.position?.x ?? 0, y: n.position?.y ?? 0, width, height });
  }
  return boxes;
}

/** Whether two boxes overlap by more than touching, with `gap` px of room required between them. */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** Whether the axis-aligned segment a-b enters the inside of the box (running along its border does not count). */
export function segmentCrossesBox(a: Position, b: Position, box: Box, inset = 0.5): boolean {
  const left = box.x + inset;
  const right = box.x + box.width - inset;
  const top = box.y + inset;
  const bottom = box.y + box.height - inset;
  const minX = Math.min(a.x, b.x);
  const maxX = Math.max(a.x, b.x);
  const minY = Math.min(a.y, b.y);
  const maxY = Math.max(a.y, b.y);
  return minX < right && maxX > left && minY < bottom && maxY > top;
}

/** Whether a point lies on the border of a box, within `tolerance` px. */
export function onBorder(p: Position, box: Box, tolerance = 1.5): boolean {
  const withinX = p.x >= box.x - tolerance && p.x <= box.x + box.width + tolerance;
  const withinY = p.y >= box.y - tolerance && p.y <= box.y + box.height + tolerance;
  const onVertical = Math.abs(p.x - box.x) <= tolerance || Math.abs(p.x - box.x - box.width) <= tolerance;
  const onHorizontal = Math.abs(p.y - box.y) <= tolerance || Math.abs(p.y - box.y - box.height) <= tolerance;
  return (onVertical && withinY) || (onHorizontal && withinX);
}

/** A box grown by `margin` px on every side. */
export function inflate(box: Box, margin: number): Box {
  return { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin };
}
