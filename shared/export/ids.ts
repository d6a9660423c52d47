/** What an exported id names; each has its own prefix, so a node, an edge and a group never share an id. */
export type IdSpace = 'node' | 'edge' | 'group' | 'annotation';

const PREFIX: Record<IdSpace, string> = { node: 'n_', edge: 'e_', group: 'g_', annotation: 'a_' };

/** An id of letters, digits and "_" only. */
const PLAIN_ID = /^[A-Za-z0-9_]*$/;

/**
 * The id a diagram element gets in an exported file (draw.io cell, Excalidraw
 * element, Mermaid node, SVG data): its space's prefix, then the id with "_"
 * doubled, "-" as "_h" and any other character as "_u<hex>_". The mapping is
 * one to one, so ids that differ stay different ("a-b" and "a_b" too); the
 * result holds only letters, digits and "_", so it is a valid identifier in
 * every format, can never be a built-in property name ("filter",
 * "constructor", "__proto__") and never contains "-", which exporters use
 * to derive ids of their own (`n_api-label`).
 */
export function exportId(space: IdSpace, id: string): string {
  // Most ids are letters, digits and "_": "_" doubled is all they need.
  if (PLAIN_ID.test(id)) return PREFIX[space] + id.replaceAll('_', '__');
  let out = PREFIX[space];
  for (const char of id) {
    if (/[A-Za-z0-9]/.test(char)) out += char;
    else if (char === '_') out += '__';
    else if (char === '-') out += '_h';
    else out += `_u${char.codePointAt(0)!.toString(16)}_`;
  }
  return out;
}

/** The diagram id an `exportId` came from, or undefined when the text is not one of that space's ids. */
export function importId(space: IdSpace, exported: string): string | undefined {
  if (!exported.startsWith(PREFIX[space])) return undefined;
  let out = '';
  const body = exported.slice(PREFIX[space].length);
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char !== '_') {
      out += char;
      continue;
    }
    const next = body[++i];
    if (next === '_') out += '_';
    else if (next === 'h') out += '-';
    else if (next === 'u') {
      const end = body.indexOf('_', i + 1);
      // Stryker disable next-line EqualityOperator: the search starts after the "u", so it never finds "_" at 0
      if (end < 0) return undefined;
      out += String.fromCodePoint(Number.parseInt(body.slice(i + 1, end), 16));
      i = end;
    } else return undefined;
  }
  return out;
}
