import type { Annotation } from '../model/schema';
import { wrapLines } from '../export/wrap';

/** Default fill of a sticky note. */
export const NOTE_COLOUR = '#fef08a';
/** Type size and line height of annotation text, px. */
export const ANNOTATION_FONT_PX = 13;
export const ANNOTATION_LINE_PX = 17;
/** Inner padding of a sticky note, px (plain text has none). */
export const NOTE_PADDING_PX = 10;

/** Where an annotation sits and how its text wraps: the same box on the canvas and in the exports. */
export interface AnnotationBox {
  x: number;
  y: number;
  width: number;
  height: number;
  padding: number;
  lines: string[];
}

/** An annotation's box: its width (default 200 for a note, 240 for text), its text wrapped to it, and the height that holds every line. */
export function annotationBox(annotation: Annotation): AnnotationBox {
  const padding = annotation.kind === 'note' ? NOTE_PADDING_PX : 0;
  const width = annotation.width ?? (annotation.kind === 'note' ? 200 : 240);
  // About 7 px per character of 13 px type: a conservative width, so lines stay inside the box.
  const lines = wrapLines(annotation.text, Math.max(4, Math.floor((width - 2 * padding) / 7.2)));
  return { x: annotation.position.x, y: annotation.position.y, width, height: lines.length * ANNOTATION_LINE_PX + 2 * padding + 4, padding, lines };
}
