import type * as Y from 'yjs';
import { loadDiagramValue, type LoadOptions } from '../model/load';
import { formatProblem, type Problem } from '../model/problems';
import type { Diagram } from '../model/schema';
import { COLLECTIONS, readDiagram } from './mapping';

/** What the editor may show of a shared document, and what it had to leave out. */
export type CheckedRead =
  | { ok: true; diagram: Diagram; left: string[] }
  | { ok: false; problems: string[] };

/** How many rounds of leaving out invalid items before giving up (a removed node can strand its edges). */
const MAX_ROUNDS = 4;

const ITEM_PATH = new RegExp(`^(${COLLECTIONS.join('|')})\\[(\\d+)\\]`);

/**
 * Reads a shared document through the same gate as an opened file or a
 * pasted clip (schema, bounds and structure). An item a peer made invalid
 * (a node with a bad field, an edge to a missing node) is left out of what
 * the editor shows, with the reason in `left`; when the document as a whole
 * is invalid (its title, say), nothing is taken and the editor keeps the last
 * valid diagram.
 */
export function readChecked(ydoc: Y.Doc, options: LoadOptions = {}): CheckedRead {
  const raw = readDiagram(ydoc);
  const left: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = loadDiagramValue(raw, options);
    if (result.ok) return { ok: true, diagram: result.diagram, left };
    const drop = new Map<string, Set<number>>();
    for (const problem of result.problems) {
      const match = ITEM_PATH.exec(problem.path);
      if (!match) return { ok: false, problems: result.problems.map(formatProblem) };
      const indices = drop.get(match[1]!) ?? new Set<number>();
      indices.add(Number(match[2]));
      drop.set(match[1]!, indices);
    }
    left.push(...result.problems.map((p) => describe(p, raw)));
    for (const [collection, indices] of drop) {
      raw[collection] = (raw[collection] as unknown[]).filter((_, i) => !indices.has(i));
    }
  }
  return { ok: false, problems: left };
}

/**
 * Every problem the load gate finds in a shared document, each named by the
 * item's id (the same text on every peer and the server). Empty when the
 * document holds a valid diagram.
 */
export function problemsOf(ydoc: Y.Doc, options: LoadOptions = {}): string[] {
  return [...problemsByText(ydoc, options).keys()];
}

/**
 * Problems between items rather than in one: an edge to a node someone else
 * deleted, a cycle two people closed from both ends, a node put in a group
 * someone removed. Two honest edits, each valid alone, can make these
 * together, and every editor leaves such an item out of what it shows.
 */
const BETWEEN_ITEMS = new Set(['dangling-edge', 'unknown-group', 'cycle', 'edge-into-traffic', 'duplicate-id']);

/** Every problem of a shared document by its text (as problemsOf), with whether it lies between items (see BETWEEN_ITEMS). */
export function problemsByText(ydoc: Y.Doc, options: LoadOptions = {}): Map<string, { betweenItems: boolean }> {
  const raw = readDiagram(ydoc);
  const result = loadDiagramValue(raw, options);
  if (result.ok) return new Map();
  return new Map(result.problems.map((p) => [describe(p, raw), { betweenItems: p.code !== undefined && BETWEEN_ITEMS.has(p.code) }]));
}

/** A problem named by the item's id rather than its index, which differs between peers. */
function describe(problem: Problem, raw: Record<string, unknown>): string {
  const match = ITEM_PATH.exec(problem.path);
  const item = match ? (raw[match[1]!] as { id?: unknown }[] | undefined)?.[Number(match[2])] : undefined;
  const rest = match ? problem.path.slice(match[0].length) : problem.path;
  return item && typeof item.id === 'string' ? `${match![1]} "${item.id}"${rest}: ${problem.message}` : formatProblem(problem);
}
