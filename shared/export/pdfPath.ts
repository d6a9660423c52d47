import { drawSvgPath, type PDFOperator } from 'pdf-lib';
import { Memo } from '../memo';

/** Whole numbers below this are exact after scaling by 1000 (2^53 / 1000), so their rounding is the number itself. */
const WHOLE_LIMIT = 9_007_199_254_740;

/** A number as a PDF's content writes it: at most three decimals (a thousandth of a unit), never an exponent. */
export function num(value: number): string {
  // A whole number (most of a picture's) is its own rounding: written as it is.
  if (Number.isSafeInteger(value) && Math.abs(value) < WHOLE_LIMIT) return value === 0 ? '0' : String(value);
  const rounded = Math.round(value * 1000) / 1000;
  // Stryker disable next-line ConditionalExpression: String(-0) is '0' as well; the test spares a call for the common zero.
  return rounded === 0 ? '0' : String(rounded);
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

/** About this many characters are gathered before they are turned into bytes. */
const PIECE_CHARS = 1 << 16;

/** ASCII text written in small pieces, each turned into bytes as it fills: no piece is held as text once written. */
export class AsciiBytes {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;
  /** The texts written since the last flush, joined only then (one flat copy, not a chain of parts), and their length. */
  private texts: string[] = [];
  private waiting = 0;
  private readonly encoder = new TextEncoder();

  /** Adds text (ASCII only: numbers, operators, names and hex strings). */
  write(text: string): void {
    this.texts.push(text);
    this.waiting += text.length;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: when pieces are turned into bytes changes no byte, only how much text waits.
    if (this.waiting >= PIECE_CHARS) this.flush();
  }

  /** Everything written, as bytes: the chunks copied once into one buffer. */
  done(): Uint8Array<ArrayBuffer> {
    this.flush();
    const bytes = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }

  private flush(): void {
    const piece = this.texts.join('');
    // ASCII is a byte a character; anything else (never written) would still come out whole.
    let chunk = new Uint8Array(piece.length);
    if (this.encoder.encodeInto(piece, chunk).read < piece.length) chunk = this.encoder.encode(piece);
    this.chunks.push(chunk);
    this.length += chunk.length;
    this.texts = [];
    this.waiting = 0;
  }
}
