import type { TextPieces } from './types';

/** About this many characters a piece: few enough writes to cost little, small enough that nothing large is held. */
const PIECE_CHARS = 1 << 16;

/** Lines gathered into pieces, each line followed by a newline. */
export function* linesAsPieces(lines: Iterable<string>): TextPieces {
  let piece = '';
  for (const line of lines) {
    piece += `${line}\n`;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
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
