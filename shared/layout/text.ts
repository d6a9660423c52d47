import { BOLD_ADVANCE, MEASURED_CHARS, REGULAR_ADVANCE } from './fontMetrics';

/**
 * The font every measured label is drawn in, on the canvas and in exports:
 * Arial's metrics (Liberation Sans on Linux, Arial on Windows, Helvetica on
 * macOS), so the sizes computed here hold wherever the diagram is drawn.
 */
export const LABEL_FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif";

const INDEX = new Map([...MEASURED_CHARS].map((c, i) => [c, i]));
/** Advance of a character the table lacks, in thousandths of the font size: wide CJK and emoji take a full em. */
function unknownAdvance(code: number): number {
  return code >= 0x2e80 ? 1000 : 600;
}

/** Codes up to the highest measured character: their advances are looked up by code, without hashing. */
const DIRECT_CODES = Math.max(...[...MEASURED_CHARS].map((c) => c.codePointAt(0)!)) + 1;
const advancesByCode = (table: readonly number[]): Float64Array => {
  const advances = new Float64Array(DIRECT_CODES);
  for (let code = 0; code < DIRECT_CODES; code++) {
    const i = INDEX.get(String.fromCharCode(code));
    advances[code] = i === undefined ? unknownAdvance(code) : table[i]!;
  }
  return advances;
};
const REGULAR_BY_CODE = advancesByCode(REGULAR_ADVANCE);
const BOLD_BY_CODE = advancesByCode(BOLD_ADVANCE);

/**
 * Width of one line of text in px at `fontPx`, from the measured advance
 * widths (no kerning, as browsers draw these fonts at these sizes).
 */
export function measureText(text: string, fontPx: number, bold = false): number {
  const byCode = bold ? BOLD_BY_CODE : REGULAR_BY_CODE;
  let thousandths = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < DIRECT_CODES) {
      thousandths += byCode[code]!;
      continue;
    }
    // Past every measured character: one advance per character (a surrogate pair is one).
    const point = text.codePointAt(k)!;
    if (point > 0xffff) k++;
    thousandths += unknownAdvance(point);
  }
  return (thousandths * fontPx) / 1000;
}

/** Splits a word wider than `maxWidthPx` into pieces that fit (a hard break). */
function breakWord(word: string, maxWidthPx: number, fontPx: number, bold: boolean): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const c of word) {
    if (piece && measureText(piece + c, fontPx, bold) > maxWidthPx) {
      pieces.push(piece);
      piece = '';
    }
    piece += c;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy wrap at `maxWidthPx`, with no limit on lines. */
function wrapAt(text: string, maxWidthPx: number, fontPx: number, bold: boolean): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measureText(candidate, fontPx, bold) <= maxWidthPx) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    if (measureText(word, fontPx, bold) <= maxWidthPx) {
      line = word;
      continue;
    }
    const pieces = breakWord(word, maxWidthPx, fontPx, bold);
    lines.push(...pieces.slice(0, -1));
    line = pieces.at(-1) ?? '';
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/**
 * Wraps text into at most `maxLines` lines no wider than `maxWidthPx`: at
 * spaces, and inside a word only where the word alone is too wide. Text that
 * cannot fit in `maxLines` lines at that width is wrapped at the narrowest
 * width that fits it (wider than asked): text is never cut. Joined with
 * single spaces (hard-broken pieces without), the lines give the text back.
 */
export function wrapLabel(text: string, maxWidthPx: number, fontPx: number, maxLines = 3, bold = false): string[] {
  const lines = wrapAt(text, maxWidthPx, fontPx, bold);
  if (lines.length <= maxLines) return lines;
  let fits = Math.ceil(measureText(text, fontPx, bold)) + 1;
  let tooNarrow = maxWidthPx;
  while (fits - tooNarrow > 1) {
    const middle = Math.floor((fits + tooNarrow) / 2);
    if (wrapAt(text, middle, fontPx, bold).length <= maxLines) fits = middle;
    else tooNarrow = middle;
  }
  return wrapAt(text, fits, fontPx, bold);
}
