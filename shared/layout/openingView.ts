import type { Diagram } from '../model/schema';
import { nodeBoxes, type Box } from './boxes';
import { servingNodes } from './stages';

/** A canvas view: the screen position of the diagram's origin, px, and the zoom. */
export interface View {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The least zoom a document opens at: a node's name (13 px) then reads at
 * about 10 px. A diagram too large to fit whole at this zoom opens on its
 * request path instead, to be followed by panning.
 */
export const READABLE_ZOOM = 0.75;
/** The most a document opens at: a small diagram is not blown up, and a wide one shows a few of its columns at once. */
export const MAX_OPENING_ZOOM = 0.9;
/** Room kept between the diagram and the canvas's edge, as a share of the diagram (whole) or in px (request path). */
const FIT_PADDING = 0.1;
const EDGE_ROOM_PX = 24;
/** Room on the left of the request path, px: the zoom controls stand over the canvas's bottom-left corner (15 px in, 26 px wide). */
const LEFT_ROOM_PX = 56;
/** Room above the request path, px: its group's title and the scenario bar over the canvas's top-left corner. */
const TOP_ROOM_PX = 64;

function bounds(boxes: readonly Box[]): Box {
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The view a document opens in, on a canvas of the given size: the whole
 * diagram when it fits at READABLE_ZOOM or more (centred, at most at its own
 * size); else its request path (the serving band, without the offline band
 * below it), its height filling the canvas at a zoom between READABLE_ZOOM
 * and 1, its entry at the left edge: the view starts where a request starts
 * and a person pans right to follow the calls, as in a drawing program
 * showing a large page at a readable zoom. Null for an empty diagram.
 */
export function openingView(diagram: Pick<Diagram, 'nodes' | 'edges'>, canvasWidthPx: number, canvasHeightPx: number): View | null {
  const boxes = nodeBoxes(diagram);
  if (boxes.size === 0 || canvasWidthPx <= 0 || canvasHeightPx <= 0) return null;
  const all = bounds([...boxes.values()]);
  const fitZoom = Math.min(MAX_OPENING_ZOOM, canvasWidthPx / (all.width * (1 + 2 * FIT_PADDING)), canvasHeightPx / (all.height * (1 + 2 * FIT_PADDING)));
  if (fitZoom >= READABLE_ZOOM) {
    return { x: (canvasWidthPx - all.width * fitZoom) / 2 - all.x * fitZoom, y: (canvasHeightPx - all.height * fitZoom) / 2 - all.y * fitZoom, zoom: fitZoom };
  }
  const serving = servingNodes(diagram);
  const path = bounds([...boxes].filter(([id]) => serving.has(id)).map(([, box]) => box).concat(serving.size === 0 ? [...boxes.values()] : []));
  const zoom = Math.max(READABLE_ZOOM, Math.min(MAX_OPENING_ZOOM, (canvasHeightPx - TOP_ROOM_PX - EDGE_ROOM_PX) / path.height));
  const spare = canvasHeightPx - path.height * zoom;
  return { x: LEFT_ROOM_PX - path.x * zoom, y: Math.max(TOP_ROOM_PX, spare / 2) - path.y * zoom, zoom };
}
