import type { TextPieces } from './types';

/** About this many characters a piece: few enough writes to cost little, small enough that nothing large is held. */
const PIECE_CHARS = 1 << 16;

/**
 * Lines gathered into pieces, each line followed by a newline. A piece's
 * lines are joined once, into one flat string: a string grown line by line
 * is a chain of parts that writing it to UTF-8 must first copy out whole.
 */
export function* linesAsPieces(lines: Iterable<string>): TextPieces {
  let piece: string[] = [];
  let length = 0;
  for (const line of lines) {
    piece.push(line);
    length += line.length + 1;
    if (length >= PIECE_CHARS) {
      piece.push('');
      yield piece.join('\n');
      piece = [];
      length = 0;
    }
  }
  if (length > 0) {
    piece.push('');
    yield piece.join('\n');
  }
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
