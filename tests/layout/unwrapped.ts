/** The text wrapped lines came from: single spaces between words, none inside a hard-broken word. */
export function unwrapped(lines: readonly string[], text: string): boolean {
  const squeezed = text.replace(/\s+/g, ' ').trim();
  let at = 0;
  for (const line of lines) {
    if (at > 0 && squeezed[at] === ' ') at++;
    if (!squeezed.startsWith(line, at)) return false;
    at += line.length;
  }
  return at === squeezed.length;
}
