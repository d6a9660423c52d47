/**
 * Items grouped by a small whole-number key, each group in the items' own
 * order (a counting sort): how the graph passes list a node's edges by
 * source in one array, without a list per node.
 */

/** items[starts[k]..starts[k + 1]) are the items of key k. */
export interface Grouped {
  starts: Int32Array;
  items: Int32Array;
}

/**
 * Items 0..count-1 grouped by `keyOf(i)`, a key in 0..keys-1; an item whose
 * key is negative is left out.
 */
export function groupedBy(count: number, keys: number, keyOf: (item: number) => number): Grouped {
  const key = new Int32Array(count);
  const starts = new Int32Array(keys + 1);
  for (let i = 0; i < count; i++) {
    const k = (key[i] = keyOf(i));
    if (k >= 0) starts[k + 1]!++;
  }
  for (let k = 0; k < keys; k++) starts[k + 1]! += starts[k]!;
  const fill = starts.slice(0, keys);
  const items = new Int32Array(starts[keys]!);
  for (let i = 0; i < count; i++) if (key[i]! >= 0) items[fill[key[i]!]!++] = i;
  return { starts, items };
}
