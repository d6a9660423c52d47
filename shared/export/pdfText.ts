/**
 * Text in a PDF page's content: the characters the standard fonts can
 * encode (a plain stand-in or "?" for the others), each text's encoding as
 * the content writes it, and its width, each worked out once per picture.
 */
import type { PDFFont } from 'pdf-lib';

/** What setting text needs of the page being drawn: its fonts, the characters they encode, and what was set before. */
export interface TextPen {
  fonts: { regular: PDFFont; bold: PDFFont };
  known: ReadonlySet<number>;
  /** Texts set so far (the first TEXTS_KEPT of them), by their characters, in each font. */
  texts: { regular: Map<string, SetText>; bold: Map<string, SetText> };
  /** Each character's code as the content writes it (hex digits), by code point, in each font: only characters the font encodes. */
  codes: { regular: string[]; bold: string[] };
}

/** Characters the standard fonts cannot encode that have a plain stand-in. */
const STAND_INS: Record<string, string> = { '∞': 'inf', '≤': '<=', '≥': '>=', '→': '->', '←': '<-', '≈': '~', '−': '-' };

/** Text the font can set: characters outside its encoding get a stand-in or "?". */
function encodable(text: string, known: ReadonlySet<number>): string {
  // Most texts the font encodes whole: the text itself, no copy made.
  // Stryker disable next-line BooleanLiteral,ConditionalExpression: the character by character way below gives the same text; this only spares the copy.
  let whole = true;
  for (let i = 0; i < text.length && whole; i++) whole = known.has(text.charCodeAt(i));
  // Stryker disable next-line ConditionalExpression: the character by character way below gives the same text.
  if (whole) return text;
  let out = '';
  for (const char of text) out += known.has(char.codePointAt(0)!) ? char : (STAND_INS[char] ?? '?');
  return out;
}

/** A text as a font sets it (see `setText`); its width only once a centred text asks for it. */
export interface SetText {
  text: string;
  encoded: string;
  units?: number;
}

/**
 * Texts kept set per font (the first ones met): enough for those a picture
 * repeats (kinds, stage numbers, captions); a large diagram's node names,
 * each drawn once, are set again rather than kept in an ever larger map.
 */
const TEXTS_KEPT = 4096;

/**
 * A text as the font sets it: the characters it can encode and their
 * encoding as the content writes it (each character's code, as the font
 * encodes it, kept per character). Kept per text, as a picture repeats
 * many (kinds, stage numbers, figures), up to TEXTS_KEPT of them.
 */
export function setText(pen: TextPen, raw: string, bold: boolean): SetText {
  const texts = bold ? pen.texts.bold : pen.texts.regular;
  let set = texts.get(raw);
  if (set === undefined) {
    set = setNew(pen, raw, bold);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a text set again gives the same codes; the bound only spares a large picture's memory.
    if (texts.size < TEXTS_KEPT) texts.set(raw, set);
  }
  return set;
}

/** A text not kept as the font sets it (see `setText`). */
function setNew(pen: TextPen, raw: string, bold: boolean): SetText {
  const codes = bold ? pen.codes.bold : pen.codes.regular;
  // Most texts (a large diagram's node names) are made of characters the font has set before: their codes are joined as they come.
  let encoded = '<';
  let i = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a text not taken this way is set character by character below, to the same codes.
  for (; i < raw.length; i++) {
    const code = codes[raw.charCodeAt(i)];
    if (code === undefined) break;
    encoded += code;
  }
  if (i === raw.length) return { text: raw, encoded: `${encoded}>` };
  // Otherwise character by character: what the font cannot encode gets its stand-in, and each new character its code.
  const font = bold ? pen.fonts.bold : pen.fonts.regular;
  const text = encodable(raw, pen.known);
  encoded = '<';
  for (const char of text) {
    const point = char.codePointAt(0)!;
    let code = codes[point];
    // Stryker disable next-line ConditionalExpression: a code asked of the font again is the same; keeping it only spares the asking.
    if (code === undefined) {
      code = font.encodeText(char).asString();
      // Kept only for a character the font encodes as itself: a stand-in's character ("~" for "≈") may be one it does not.
      if (pen.known.has(point)) codes[point] = code;
    }
    encoded += code;
  }
  return { text, encoded: `${encoded}>` };
}

/** A set text's width in thousandths of its size, as the font measures it (kerning included), worked out once. */
export function unitsOf(pen: TextPen, set: SetText, bold: boolean): number {
  return (set.units ??= (bold ? pen.fonts.bold : pen.fonts.regular).widthOfTextAtSize(set.text, 1000));
}
