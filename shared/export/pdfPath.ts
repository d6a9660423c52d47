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
  // Stryker disable next-line ConditionalExpression,EqualityOperator: String gives the same text below 10^15; the way here only spares its work.
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

/** Bytes a chunk of written text holds: few chunks to join at the end, none large to hold while it fills. */
const CHUNK_BYTES = 1 << 16;

/**
 * ASCII text written straight into byte chunks, character by character as
 * it comes: no text is joined or held once written (a page's content is tens
 * of MB made of hundreds of thousands of small texts).
 */
export class AsciiBytes {
  private readonly chunks: Uint8Array<ArrayBuffer>[] = [];
  /** Bytes in the chunks already full. */
  private length = 0;
  private chunk = new Uint8Array(CHUNK_BYTES);
  /** Bytes used of the chunk being filled. */
  private at = 0;
  private readonly encoder = new TextEncoder();

  /** Adds text (ASCII only: numbers, operators, names and hex strings; anything else still comes out whole, as UTF-8). */
  write(text: string): void {
    let chunk = this.chunk;
    let at = this.at;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // Stryker disable next-line ConditionalExpression: encoding ASCII the long way gives the same bytes.
      if (code >= 0x80) {
        this.at = at;
        this.chunk = chunk;
        this.writeBytes(this.encoder.encode(text.slice(i)));
        return;
      }
      if (at === chunk.length) {
        this.chunks.push(chunk);
        this.length += at;
        chunk = new Uint8Array(CHUNK_BYTES);
        at = 0;
      }
      chunk[at++] = code;
    }
    this.chunk = chunk;
    this.at = at;
  }

  /** Writes a point as the content does: its two numbers (see `num`) with a space between. */
  writePoint(x: number, y: number): void {
    this.write(num(x));
    this.write(' ');
    this.write(num(y));
  }

  /** Everything written, as bytes: the chunks copied once into one buffer. */
  done(): Uint8Array<ArrayBuffer> {
    const bytes = new Uint8Array(this.length + this.at);
    let at = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    bytes.set(this.chunk.subarray(0, this.at), at);
    return bytes;
  }

  /** Adds bytes already encoded, byte by byte into the chunks. */
  private writeBytes(bytes: Uint8Array): void {
    for (const byte of bytes) {
      if (this.at === this.chunk.length) {
        this.chunks.push(this.chunk);
        this.length += this.at;
        this.chunk = new Uint8Array(CHUNK_BYTES);
        this.at = 0;
      }
      this.chunk[this.at++] = byte;
    }
  }
}
