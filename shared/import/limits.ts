/**
 * Bounds on what an import reads, so a file of any size or shape is read in
 * bounded time and memory and refused with a reason past them.
 */

/** Characters of an imported file: the same 50 MB a diagram file may have. */
export const MAX_IMPORT_CHARS = 50_000_000;

/** Shapes, connectors, texts and frames of one imported page or scene. */
export const MAX_IMPORT_ELEMENTS = 20_000;

/** Pages of a draw.io file. */
export const MAX_IMPORT_PAGES = 1_000;

/** Characters a compressed draw.io page may expand to: 50 MB, so a small bomb cannot fill memory. */
export const MAX_INFLATED_CHARS = 50_000_000;

/** The complaint about a list longer than MAX_IMPORT_ELEMENTS, or undefined. */
export function tooMany(count: number, what: string): string | undefined {
  return count > MAX_IMPORT_ELEMENTS ? `${count.toLocaleString('en-US')} ${what}: at most ${MAX_IMPORT_ELEMENTS.toLocaleString('en-US')} are imported` : undefined;
}
