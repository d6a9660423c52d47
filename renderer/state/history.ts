import { applyPatches, enablePatches, produceWithPatches, type Patch } from 'immer';
import type { Diagram } from '../../shared/model/schema';

enablePatches();

/** One undoable step: immer patches forward and back. */
export interface HistoryEntry {
  id: number;
  label: string;
  patches: Patch[];
  inverse: Patch[];
  /** Steps with the same key made close together merge into one (a typing burst). */
  key?: string;
  atMs: number;
}

/** How long a typing burst on one field stays one undo step. */
export const COALESCE_MS = 1200;

let nextId = 1;

/** Applies a recipe to a document, returning the new document and its history entry (none if nothing changed). */
export function record(doc: Diagram, label: string, recipe: (draft: Diagram) => void, key?: string): [Diagram, HistoryEntry | null] {
  const [next, patches, inverse] = produceWithPatches(doc, recipe);
  if (patches.length === 0) return [doc, null];
  return [next, { id: nextId++, label, patches, inverse, key, atMs: Date.now() }];
}

/** Merges a new entry into the previous one when both belong to the same burst. */
export function coalesce(previous: HistoryEntry | undefined, entry: HistoryEntry): HistoryEntry | null {
  if (!previous || !entry.key || previous.key !== entry.key || entry.atMs - previous.atMs > COALESCE_MS) return null;
  return { ...previous, patches: [...previous.patches, ...entry.patches], inverse: [...entry.inverse, ...previous.inverse], atMs: entry.atMs };
}

export function undoEntry(doc: Diagram, entry: HistoryEntry): Diagram {
  return applyPatches(doc, entry.inverse);
}

export function redoEntry(doc: Diagram, entry: HistoryEntry): Diagram {
  return applyPatches(doc, entry.patches);
}
