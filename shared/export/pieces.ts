import type { TextPieces } from './types';

/** About this many characters a piece: few enough writes to cost little, small enough that nothing large is held. */
const PIECE_CHARS = 1 << 16;

/**
 * Lines gathered into a piece, each line followed by a newline. A piece's
 * lines are joined once, into one flat string: a string grown line by line
 * is a chain of parts that writing it to UTF-8 must first copy out whole.
 */
export class PieceLines {
  private lines: string[] = [];
  private length = 0;

  add(line: string): void {
    this.lines.push(line);
    this.length += line.length + 1;
  }

  /** Whether the piece has its size: time to `take` it. */
  get full(): boolean {
    return this.length >= PIECE_CHARS;
  }

  /** Whether no line waits. */
  get empty(): boolean {
    return this.length === 0;
  }

  /** The lines added since the last piece, as one piece. */
  take(): string {
    this.lines.push('');
    const piece = this.lines.join('\n');
    this.lines = [];
    this.length = 0;
    return piece;
  }
}

/** Lines gathered into pieces (see `PieceLines`). */
export function* linesAsPieces(lines: Iterable<string>): TextPieces {
  const piece = new PieceLines();
  for (const line of lines) {
    piece.add(line);
    if (piece.full) yield piece.take();
  }
  if (!piece.empty) yield piece.take();
}

/** The whole text the pieces make, for callers that want one string (the app, the tests). */
export function joinPieces(pieces: Iterable<string>): string {
  let text = '';
  for (const piece of pieces) text += piece;
  return text;
}

/** A text already whole, as pieces. */
export function* onePiece(text: string): TextPieces {
  yield text;
}
