/**
 * JSON text written in pieces: a large estimate's `--json` output is
 * hundreds of megabytes, and making it as one string (then the bytes of
 * that string) costs as much memory and time again as the estimate held.
 */

/** About this many characters a piece: few writes, and nothing large held at once. */
const PIECE_CHARS = 1 << 20;
/** Items of a list stringified together: JSON.stringify's own layout, in texts of a few hundred kilobytes. */
const ITEMS_TOGETHER = 512;

const hasToJson = (value: unknown) => value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function';

/** A list or plain object laid out here: neither it nor any value in it has a toJSON method (which may turn it into anything, or leave it out). */
function laidOut(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  if (!(proto === Object.prototype || proto === null || Array.isArray(value)) || hasToJson(value)) return false;
  for (const key in value) if (hasToJson((value as Record<string, unknown>)[key])) return false;
  return true;
}

/** Whether JSON.stringify leaves this value out of an object (and writes null for it in a list). */
const skipped = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * `JSON.stringify(value, null, 2)` given to `write` in pieces of at most
 * about a megabyte, the same text byte for byte: objects in the outer
 * `levels` are laid out here, a list there is stringified a run of items at
 * a time, and any other value on its own, indented to its place. A value
 * whose layout JSON.stringify would change (one with a toJSON method, or
 * holding one) is stringified whole.
 */
export function writeJsonPieces(value: unknown, write: (text: string) => void, levels = 2): void {
  let piece = '';
  const put = (text: string) => {
    // A long text goes out as it is rather than copied into a piece.
    if (text.length >= PIECE_CHARS / 8) {
      if (piece) write(piece);
      piece = '';
      write(text);
      return;
    }
    piece += text;
    if (piece.length >= PIECE_CHARS) {
      write(piece);
      piece = '';
    }
  };
  const lay = (item: unknown, indent: string, levelsLeft: number): void => {
    if (levelsLeft === 0 || item === null || typeof item !== 'object' || !laidOut(item)) {
      const text = JSON.stringify(item, null, 2) ?? '';
      put(indent === '' || text.indexOf('\n') < 0 ? text : text.replaceAll('\n', `\n${indent}`));
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(item)) {
      if (item.length === 0) return put('[]');
      // A run of items placed as deep in lists as this list is, so JSON.stringify indents them
      // to their place; the text between the brackets around them is the run as it stands here.
      const depth = indent.length / 2;
      let open = '';
      let close = '';
      for (let j = 0; j <= depth; j++) {
        open += `${' '.repeat(2 * j)}[\n`;
        close = `\n${' '.repeat(2 * j)}]${close}`;
      }
      put('[\n');
      for (let i = 0; i < item.length; i += ITEMS_TOGETHER) {
        let run: unknown = item.slice(i, i + ITEMS_TOGETHER);
        for (let j = 0; j < depth; j++) run = [run];
        const text = JSON.stringify(run, null, 2);
        put(i === 0 ? '' : ',\n');
        put(text.slice(open.length, text.length - close.length));
      }
      return put(`\n${indent}]`);
    }
    const record = item as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => !skipped(record[key]));
    if (keys.length === 0) return put('{}');
    put('{');
    keys.forEach((key, i) => {
      put(`${i === 0 ? '\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
      lay(record[key], inner, levelsLeft - 1);
    });
    put(`\n${indent}}`);
  };
  if (skipped(value)) return;
  lay(value, '', levels);
  if (piece) write(piece);
}
