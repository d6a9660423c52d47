import { drawSvgPath, type PDFOperator } from 'pdf-lib';
import { Memo } from '../memo';

/** Whole numbers below this are exact after scaling by 1000 (2^53 / 1000), so their rounding is the number itself. */
const WHOLE_LIMIT = 9_007_199_254_740;

/** A number as a PDF's content writes it: at most three decimals (a thousandth of a unit), never an exponent. */
export function num(value: number): string {
  // A whole number (most of a picture's) is its own rounding: written as it is.
  if (Number.isSafeInteger(value) && Math.abs(value) < WHOLE_LIMIT) return value === 0 ? '0' : String(value);
  const thousandths = Math.round(value * 1000);
  // Below 10^15 thousandths the rounding has at most 15 digits, which is how String writes it: the whole part, then the thousandths.
  if (Math.abs(thousandths) < 1e15) return thousandthsText(thousandths);
  return String(thousandths / 1000);
}

/** Each count of thousandths from 1 to 999 as the decimals String writes for it (".5", ".25", ".125", ".001"). */
const DECIMALS = Array.from({ length: 1000 }, (_, n) => (n === 0 ? '' : String(n / 1000).slice(1)));

/** A whole number of thousandths (below 10^15 in size) as String writes it divided by 1000. */
function thousandthsText(thousandths: number): string {
  const size = Math.abs(thousandths);
  const whole = Math.floor(size / 1000);
  // No sign for a rounding to zero (-0 thousandths included), as String writes it.
  return `${thousandths < 0 ? '-' : ''}${whole}${DECIMALS[size - whole * 1000]!}`;
}

/** The operators' text, one a line, numbers at most three decimals. */
function operatorsText(operators: readonly PDFOperator[]): string {
  return `${operators.join('\n')}\n`.replace(/-?\d+\.\d{4,}/g, (long) => num(Number(long)));
}

/** Paths drawn many times (every node's icon) are read once: their operators' text by path data. */
const pathCache = new Memo<string, string>(4096);

/** SVG path data as PDF path operators in the path's own units (y down, as SVG), through pdf-lib's reading of any path. */
function svgPathOperators(d: string): string {
  let text = pathCache.get(d);
  // Stryker disable next-line ConditionalExpression: reading the path again gives the same text; the store only saves time.
  if (text === undefined) {
    // pdf-lib's own drawing of a path: push, three transforms, the dash, the path, the paint, pop; the path is what is kept.
    text = operatorsText(drawSvgPath(d, { x: 0, y: 0 } as Parameters<typeof drawSvgPath>[1]).slice(5, -2));
    pathCache.set(d, text);
  }
  return text;
}

/** The commands and numbers of path data. */
const TOKEN = /[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/**
 * Path data made only of straight lines (M, L, H, V, Z, absolute or
 * relative: every edge, arrowhead and legend sample) as PDF operators, read
 * without building an object per step; undefined for any other command.
 */
export function linePathOperators(d: string): string | undefined {
  let out = '';
  let command = '';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let pending: number | undefined;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(d); m; m = TOKEN.exec(d)) {
    const token = m[0];
    // A letter: a number starts with a digit, a sign or a point, all below 'A'.
    if (token.charCodeAt(0) >= 65) {
      if (pending !== undefined) return undefined;
      command = token;
      if (command === 'Z' || command === 'z') {
        out += 'h\n';
        x = startX;
        y = startY;
      } else if (!'MLHVmlhv'.includes(command)) return undefined;
      continue;
    }
    const value = Number(token);
    switch (command) {
      case 'H': x = value; break;
      case 'h': x += value; break;
      case 'V': y = value; break;
      case 'v': y += value; break;
      default: {
        if (pending === undefined) {
          pending = value;
          continue;
        }
        const relative = command === 'm' || command === 'l';
        x = relative ? x + pending : pending;
        y = relative ? y + value : value;
        pending = undefined;
        if (command === 'M' || command === 'm') {
          out += `${num(x)} ${num(y)} m\n`;
          [startX, startY] = [x, y];
          // Pairs after a move are lines.
          command = command === 'M' ? 'L' : 'l';
          continue;
        }
      }
    }
    if (command === '' || command === 'Z' || command === 'z') return undefined;
    out += `${num(x)} ${num(y)} l\n`;
  }
  return pending === undefined ? out : undefined;
}

/** SVG path data as PDF path operators in the path's own units (y down, as SVG). */
export function pathOperators(d: string): string {
  return linePathOperators(d) ?? svgPathOperators(d);
}

/** Characters of written text gathered before they are encoded at once: few encodings, nothing large held. */
const CHUNK_CHARS = 1 << 16;

/**
 * Text written as bytes (ASCII: numbers, operators, names and hex strings;
 * anything else comes out as UTF-8). The small texts written are gathered and
 * encoded a chunk at a time by the host's own encoder, so no text is held
 * once its chunk is full (a page's content is tens of MB made of hundreds of
 * thousands of small texts).
 */
export class AsciiBytes {
  private readonly chunks: Uint8Array<ArrayBuffer>[] = [];
  /** Bytes in the chunks already encoded. */
  private length = 0;
  /** The texts written since the last chunk, and their characters. */
  private texts: string[] = [];
  private chars = 0;
  private readonly encoder = new TextEncoder();

  /** Adds text. */
  write(text: string): void {
    this.texts.push(text);
    this.chars += text.length;
    if (this.chars >= CHUNK_CHARS) this.encode();
  }

  /** Writes a point as the content does: its two numbers (see `num`) with a space between. */
  writePoint(x: number, y: number): void {
    this.texts.push(num(x), ' ', num(y));
    this.chars += 24;
    if (this.chars >= CHUNK_CHARS) this.encode();
  }

  /** Everything written, as bytes: the chunks copied once into one buffer. */
  done(): Uint8Array<ArrayBuffer> {
    this.encode();
    const bytes = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }

  /** Encodes the texts gathered into a chunk of their own, joined once. */
  private encode(): void {
    if (this.texts.length === 0) return;
    const chunk = this.encoder.encode(this.texts.join(''));
    this.chunks.push(chunk);
    this.length += chunk.length;
    this.texts = [];
    this.chars = 0;
  }
}
