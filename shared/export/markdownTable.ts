import { markdownText } from './escape';

/** A Markdown table's lines, a row at a time; every cell is text, escaped; the columns in `right` align right (figures). */
export function* tableLines(header: string[], rows: Iterable<string[]>, right: ReadonlySet<number>): Generator<string, void, undefined> {
  yield `| ${header.join(' | ')} |`;
  yield `| ${header.map((_, i) => (right.has(i) ? '---:' : '---')).join(' | ')} |`;
  for (const r of rows) yield `| ${r.map(markdownText).join(' | ')} |`;
}

/** A Markdown table as one string (see `tableLines`). */
export function table(header: string[], rows: Iterable<string[]>, right: ReadonlySet<number>): string {
  return [...tableLines(header, rows, right)].join('\n');
}
