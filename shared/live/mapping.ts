import * as Y from 'yjs';
import type { Diagram } from '../model/schema';

/**
 * How a diagram lives in a shared `Y.Doc`.
 *
 * - `meta`: the document's own fields (title, description, budgets, brief),
 *   one key each; an object field is a nested map, one key per sub-field.
 * - `nodes`, `edges`, `groups`, `annotations`: maps keyed by id; each item is
 *   a nested map with one key per field, and an object field (traffic,
 *   latency, params...) is a map again, so two people editing different
 *   fields of one node both keep their edit.
 *
 * Positions and edge routes are written whole (a point is one value). The
 * order of items is an `_order` number on each item (ties broken by id), so
 * every client reads the same order. The viewport is a person's own view and
 * is never shared.
 */
export const COLLECTIONS = ['nodes', 'edges', 'groups', 'annotations'] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** Document fields kept in the `meta` map. */
const META_FIELDS = ['title', 'description', 'budgets', 'brief'] as const;

/** Fields written as one value even though they hold objects. */
const WHOLE_FIELDS = new Set(['position', 'route']);

/** The key holding an item's place in its list. */
export const ORDER_KEY = '_order';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Item = Record<string, unknown> & { id: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A field's value as stored: an object becomes a nested map (one level deep), anything else a copy. */
function toShared(key: string, value: unknown): unknown {
  if (isPlainObject(value) && !WHOLE_FIELDS.has(key)) {
    const map = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(value)) if (v !== undefined) map.set(k, structuredClone(v));
    return map;
  }
  return structuredClone(value);
}

/** A stored value back as plain JSON. */
function fromShared(value: unknown): unknown {
  return value instanceof Y.Map ? value.toJSON() : value;
}

const sameJson = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Writes one field into a map, touching only what differs (sub-fields of a nested map one by one). */
function writeField(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined) {
    if (map.has(key)) map.delete(key);
    return;
  }
  const current = map.get(key);
  if (current instanceof Y.Map && isPlainObject(value)) {
    for (const k of [...current.keys()]) if (!(k in value) || value[k] === undefined) current.delete(k);
    for (const [k, v] of Object.entries(value)) if (v !== undefined && !sameJson(current.get(k), v)) current.set(k, structuredClone(v));
    return;
  }
  if (!sameJson(fromShared(current), value)) map.set(key, toShared(key, value));
}

/** Writes an item's fields into its map; `previous` (the item as last written) skips fields that did not change. */
function writeItem(map: Y.Map<unknown>, item: Item, previous: Item | undefined): void {
  const keys = new Set([...Object.keys(item), ...Object.keys(previous ?? {})]);
  for (const key of keys) {
    if (previous && previous[key] === item[key]) continue;
    writeField(map, key, item[key]);
  }
}

function itemsOf(diagram: Partial<Diagram>, collection: Collection): Item[] {
  return (diagram[collection] ?? []) as Item[];
}

/** The shared map of one collection. */
export function collectionMap(ydoc: Y.Doc, collection: Collection): Y.Map<Y.Map<unknown>> {
  return ydoc.getMap(collection);
}

/**
 * Writes a diagram into a shared document as the changes from `previous`
 * (the diagram as last written or read; unchanged items, found by identity,
 * are skipped). Without `previous`, everything is compared with what the
 * shared document holds. Call inside a transaction to make it one update.
 */
export function writeDiagram(ydoc: Y.Doc, next: Diagram, previous?: Diagram): void {
  const meta = ydoc.getMap<unknown>('meta');
  for (const field of META_FIELDS) {
    if (previous && previous[field] === next[field]) continue;
    writeField(meta, field, next[field]);
  }
  for (const collection of COLLECTIONS) {
    const shared = collectionMap(ydoc, collection);
    const items = itemsOf(next, collection);
    const before = previous ? itemsOf(previous, collection) : null;
    if (before === items) continue;
    const beforeById = new Map((before ?? []).map((item, index) => [item.id, { item, index }]));
    const ids = new Set(items.map((item) => item.id));
    for (const id of [...shared.keys()]) if (!ids.has(id)) shared.delete(id);
    items.forEach((item, index) => {
      const old = beforeById.get(item.id);
      if (old && old.item === item && old.index === index && shared.has(item.id)) return;
      let map = shared.get(item.id);
      let since = old?.item;
      if (!(map instanceof Y.Map)) {
        map = new Y.Map<unknown>();
        shared.set(item.id, map);
        since = undefined;
      }
      writeItem(map, item, since);
      if (map.get(ORDER_KEY) !== index) map.set(ORDER_KEY, index);
    });
  }
}

/**
 * Reads the diagram a shared document holds, as plain JSON, unchecked: a
 * peer may have written anything, so the result goes through the load gate
 * (see `readChecked`) before the editor sees it.
 */
export function readDiagram(ydoc: Y.Doc): Record<string, unknown> {
  const out: Record<string, unknown> = { format: 'mlsd-studio/diagram', version: 1 };
  const meta = ydoc.getMap<unknown>('meta');
  for (const [key, value] of meta.entries()) out[key] = fromShared(value);
  for (const collection of COLLECTIONS) {
    const shared = collectionMap(ydoc, collection);
    const rows: { order: number; item: Record<string, unknown> }[] = [];
    for (const [id, map] of shared.entries()) {
      const item: Record<string, unknown> = {};
      if (map instanceof Y.Map) for (const [key, value] of map.entries()) item[key] = fromShared(value);
      const order = typeof item[ORDER_KEY] === 'number' ? (item[ORDER_KEY] as number) : Number.MAX_SAFE_INTEGER;
      delete item[ORDER_KEY];
      rows.push({ order, item: { ...item, id } });
    }
    rows.sort((a, b) => a.order - b.order || (String(a.item.id) < String(b.item.id) ? -1 : 1));
    if (collection === 'nodes' || collection === 'edges' || rows.length > 0) out[collection] = rows.map((r) => r.item);
  }
  return out;
}

/** Whether a shared document holds a diagram yet (a new room is empty until its first writer fills it). */
export function hasDiagram(ydoc: Y.Doc): boolean {
  return ydoc.getMap('meta').has('title');
}

export type { Json };
