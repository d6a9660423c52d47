import { edgeCaptionWithRate } from '../export/caption';
import { formatQps } from '../units';
import { Memo } from '../memo';
import type { DiagramEdge } from '../model/schema';
import { measureText, wrapLabel } from './text';

/** A component node's box: the narrowest that holds its figures, wider for a long name, up to a maximum. */
export const NODE_MIN_WIDTH = 220;
export const NODE_MAX_WIDTH = 320;
/** Height of a node whose name takes one line, px; each further line adds NODE_LINE_HEIGHT. */
export const NODE_BASE_HEIGHT = 84;
/** A node's name: bold, 13 px, 16 px a line, at most three lines. */
export const NODE_FONT_PX = 13;
export const NODE_LINE_HEIGHT = 16;
export const NODE_MAX_LINES = 3;
/** Where a node's name starts (after the colour bar and the kind's icon), and the room kept on its right, px. */
export const NODE_TEXT_LEFT = 42;
export const NODE_TEXT_RIGHT = 10;

/** An edge's caption: 11 px, 14 px a line, wrapped at 160 px, with 5 px and 2 px of padding. */
export const EDGE_FONT_PX = 11;
export const EDGE_LINE_HEIGHT = 14;
export const EDGE_LABEL_MAX_TEXT = 160;
export const EDGE_LABEL_PAD = { x: 5, y: 2 };

/** Box and wrapped name of a node. */
export interface NodeSize {
  width: number;
  height: number;
  lines: string[];
}

const nodeSizes = new Memo<string, NodeSize>(5_000);

/**
 * The box of a node with this name: the name wrapped (at spaces, hard-broken
 * only where one word is too long) to as few lines as the maximum width
 * allows, at most three, then the box narrowed as far as that many lines
 * allow, never below the minimum. A name too long for three lines at the
 * maximum width widens the box rather than lose text.
 */
export function nodeSize(label: string): NodeSize {
  const room = (width: number) => width - NODE_TEXT_LEFT - NODE_TEXT_RIGHT;
  // A one-line name is measured faster than it is looked up among many; longer names are kept once worked out.
  const oneLine = oneLineSize(label, room(NODE_MIN_WIDTH));
  if (oneLine) return oneLine;
  const known = nodeSizes.get(label);
  if (known) return known;
  const size = wrappedSize((width: number) => wrapLabel(label, room(width), NODE_FONT_PX, NODE_MAX_LINES, true));
  nodeSizes.set(label, size);
  return size;
}

/** Words parted by single spaces, nothing around them: the name as one line reads it. */
const SINGLE_SPACED = /^\S+(?: \S+)*$/;

/** The box of a name that fits on one line of the narrowest box (most names), without a search; else undefined. */
function oneLineSize(label: string, roomPx: number): NodeSize | undefined {
  const line = SINGLE_SPACED.test(label) ? label : label.split(/\s+/).filter(Boolean).join(' ');
  const widthPx = measureText(line, NODE_FONT_PX, true);
  return widthPx <= roomPx ? { width: boxWidth(widthPx), height: NODE_BASE_HEIGHT, lines: [line] } : undefined;
}

/** The box of a longer name: as few lines as the widest box allows, then the box as narrow as that many lines allow. */
function wrappedSize(wrap: (width: number) => string[]): NodeSize {
  const fewest = wrap(NODE_MAX_WIDTH).length;
  let narrow = NODE_MIN_WIDTH;
  if (wrap(narrow).length > fewest) {
    let wide = NODE_MAX_WIDTH;
    while (wide - narrow > 2) {
      const middle = Math.round((wide + narrow) / 2);
      if (wrap(middle).length > fewest) narrow = middle;
      else wide = middle;
    }
    narrow = wide;
  }
  return sizeOf(wrap(narrow));
}

/** A node's box around its name's lines: wide enough for the widest, never below the minimum. */
function sizeOf(lines: string[]): NodeSize {
  const widest = Math.max(...lines.map((l) => measureText(l, NODE_FONT_PX, true)));
  return { width: boxWidth(widest), height: NODE_BASE_HEIGHT + (lines.length - 1) * NODE_LINE_HEIGHT, lines };
}

/** The width of a node's box whose widest line is this wide, px: in steps of 4, never below the minimum. */
const boxWidth = (widestPx: number) => Math.max(NODE_MIN_WIDTH, Math.ceil((widestPx + NODE_TEXT_LEFT + NODE_TEXT_RIGHT) / 4) * 4);

/** A label box: size and wrapped lines. */
export interface LabelSize {
  width: number;
  height: number;
  lines: string[];
}

const labelSizes = new Map<string, LabelSize>();

/**
 * The box of an edge caption (its parts joined with " · "), wrapped to at
 * most three lines; undefined when empty. The same caption text gets the same
 * box (shared: not to be changed by the caller).
 */
export function edgeLabelSize(parts: readonly string[]): LabelSize | undefined {
  if (parts.length === 0) return undefined;
  const text = parts.join(' · ');
  const known = labelSizes.get(text);
  if (known) return known;
  const lines = wrapLabel(text, EDGE_LABEL_MAX_TEXT, EDGE_FONT_PX, 3);
  const widest = Math.max(...lines.map((l) => measureText(l, EDGE_FONT_PX)));
  const size = { width: Math.ceil(widest) + 2 * EDGE_LABEL_PAD.x + 2, height: lines.length * EDGE_LINE_HEIGHT + 2 * EDGE_LABEL_PAD.y, lines };
  if (labelSizes.size > 5_000) labelSizes.clear();
  labelSizes.set(text, size);
  return size;
}

/** The widest rate a caption can show ("1.23M QPS"): layout keeps room for it whatever the traffic. */
const WIDEST_PEAK_QPS = 1_230_000;

/** The widest rate as a caption writes it, written once (every edge's room is measured with it). */
const widestRate = new Memo<number, string>(1);

/**
 * The room kept for an edge's caption: its calls and label with the widest
 * rate, so the caption fits whatever the estimate says and whether or not
 * figures are shown.
 */
export function reservedLabelSize(edge: DiagramEdge): LabelSize | undefined {
  let rate = widestRate.get(WIDEST_PEAK_QPS);
  if (rate === undefined) widestRate.set(WIDEST_PEAK_QPS, (rate = formatQps(WIDEST_PEAK_QPS)));
  return edgeLabelSize(edgeCaptionWithRate(edge, rate));
}
