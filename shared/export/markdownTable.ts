import { markdownText } from './escape';

/** A Markdown table; every cell is text, escaped; the columns in `right` align right (figures). */
export function table(header: string[], rows: string[][], right: ReadonlySet<number>): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (right.has(i) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(markdownText).join(' | ')} |`),
  ].join('\n');
}
