import type { Diagram } from '../model/schema';

/** An imported diagram, or what stopped the import, each problem saying where. */
export type ImportResult = { ok: true; diagram: Diagram } | { ok: false; problems: string[] };

/** An id the file format accepts (a letter first; letters, digits, "_", "-"), not yet taken; it is then taken. */
export function uniqueId(wanted: string, taken: Set<string>): string {
  let base = wanted.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
  if (!/^[A-Za-z]/.test(base)) base = `n${base}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}${i}`;
  taken.add(id);
  return id;
}
