/**
 * Splits text into lines of at most `maxChars` characters at spaces,
 * breaking a word only when it alone is longer than a line. Nothing is
 * dropped: joining the lines with spaces gives the text back (bar runs of
 * spaces).
 */
export function wrapLines(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    // Stryker disable next-line Regex: empty words are filtered out, so splitting at each space gives the same words
    for (const word of paragraph.split(/ +/).filter((w) => w.length > 0)) {
      const chars = [...word];
      if (line && [...line].length + 1 + chars.length <= maxChars) {
        line += ` ${word}`;
        continue;
      }
      if (line) lines.push(line);
      // Stryker disable next-line StringLiteral: a word is never empty, so the loop below always sets the line
      line = '';
      for (let i = 0; i < chars.length; i += maxChars) {
        const piece = chars.slice(i, i + maxChars).join('');
        if (i + maxChars < chars.length) lines.push(piece);
        else line = piece;
      }
    }
    lines.push(line);
  }
  return lines;
}
