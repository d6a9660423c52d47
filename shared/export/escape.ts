/**
 * Escaping for each context an exported text lands in. Every exporter goes
 * through these: a label is text to the reader, never markup, in whatever
 * file it ends up.
 */

/** Characters XML 1.0 forbids outright (C0 controls other than tab, newline and return; lone surrogates; U+FFFE/FFFF). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character xmlText changes: markup characters, whitespace written as references, controls and surrogates. */
const XML_SPECIAL = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** The entity each markup or whitespace character becomes. */
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** Text for XML element content or a quoted attribute value (SVG, draw.io): markup characters as entities, forbidden characters dropped. */
export function xmlText(text: string): string {
  // Most values (numbers, path data, plain names) have nothing to escape: one look, no copies.
  if (!XML_SPECIAL.test(text)) return text;
  let out = XML_UNSAFE.test(text) ? text.replace(XML_FORBIDDEN, '') : text;
  // A replace with a plain entity for each character present ("&" first, as the others bring one): the host makes
  // each result as one flat string, calling no function per character (a JSON field has dozens of quotes).
  for (const [char, every, entity] of XML_REPLACES) if (out.includes(char)) out = out.replace(every, entity);
  return out;
}

/** Each character xmlText writes as an entity, every occurrence of it, and its entity; "&" first. */
const XML_REPLACES = Object.entries(XML_ENTITIES).map(([char, entity]) => [char, new RegExp(char, 'g'), entity] as const);

/**
 * Characters besides '"' that xmlText changes and JSON text can hold: JSON
 * writes every control character and lone surrogate as an escape, but not
 * U+FFFE and U+FFFF.
 */
const JSON_SPECIAL = /[&<>'\uFFFE\uFFFF]/;

/**
 * A value's JSON for a quoted XML attribute (draw.io's mlsd_ fields): the same
 * text as xmlText(JSON.stringify(value)), found with one look and one replace
 * for the common case of quotes alone.
 */
export function xmlJson(value: object): string {
  const json = JSON.stringify(value);
  // A plain text replaced (no pattern to run): fewer instructions than a global pattern for the same text.
  return JSON_SPECIAL.test(json) ? xmlText(json) : json.replaceAll('"', '&quot;');
}

/** Characters that may be forbidden in XML: controls other than the escaped whitespace, surrogates, U+FFFE and U+FFFF. */
const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Any character htmlText changes. */
const HTML_SPECIAL = /[&<>"'\n]/;

/** Text inside an HTML label (draw.io's html=1 values): shown as typed, never parsed as tags or entities; newlines become line breaks. */
export function htmlText(text: string): string {
  if (!HTML_SPECIAL.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r?\n/g, '<br>');
}

/**
 * Text in running Markdown (headings, list items, table cells): every
 * character Markdown or raw HTML could read as syntax is escaped, so the
 * reader sees exactly the text. Newlines become spaces (a table row or
 * heading is one line).
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]#|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * A block of the author's own Markdown (the brief): formatting is kept, but
 * no raw HTML can reach the reader (every "<" is an entity) and no code
 * fence is left open to swallow the rest of the document (an unbalanced
 * fence is closed at the end of the block).
 */
export function markdownBlock(text: string): string {
  let open: string | null = null;
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (open === null) open = fence;
      else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = null;
      return line;
    }
    // Inside a code block "<" is shown as typed already; outside it starts raw HTML.
    return open === null ? line.replace(/</g, '&lt;') : line;
  });
  if (open !== null) lines.push(open as string);
  return lines.join('\n');
}

/** A fenced code block whose fence is longer than any backtick run inside, so the content cannot close it. */
export function codeFence(content: string, info = ''): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${content}\n${fence}`;
}

/** Characters a Mermaid label may hold as they are; every other ASCII character becomes an entity code. */
const MERMAID_PLAIN = /[A-Za-z0-9 .,/+\-'?!()]/;

/** A label start Mermaid's Markdown would read as a list item ("- a", "+ a", "1. a", "2) a"). */
const LIST_MARKER = /^\s*(?:[-+]|\d{1,9}[.)](?:\s|$))/;

/**
 * Text for a quoted Mermaid label: ASCII punctuation that Mermaid, its
 * Markdown or its HTML labels could read as syntax ('"', '#', '<', '%', '`',
 * '*', '_', ...) is written as a Mermaid entity code (`#35;`), which Mermaid
 * shows as the character itself, and so is the first character of a list
 * marker; letters, digits and non-ASCII text (CJK, emoji) stay as typed.
 */
export function mermaidText(text: string): string {
  let out = '';
  const listAt = LIST_MARKER.test(text) ? text.search(/\S/) : -1;
  let at = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const control = code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029;
    if (code === 0x0a) out += ' ';
    else if (!control) out += at !== listAt && (code >= 0xa0 || MERMAID_PLAIN.test(char)) ? char : `#${code};`;
    at += char.length;
  }
  return out;
}
