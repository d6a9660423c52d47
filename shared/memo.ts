/**
 * Results kept by their inputs, at most `limit` of them (the oldest goes
 * first when a new one comes). Every such store can be emptied at once with
 * `clearMemos`: a test that changes how a result is worked out (mutation
 * testing plants one change at a time in loaded code) must not be answered
 * from a store filled before the change.
 */
const stores = new Set<{ clear(): void }>();

export class Memo<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {
    stores.add(this);
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    if (this.entries.size >= this.limit && !this.entries.has(key)) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Empties every store of results. */
export function clearMemos(): void {
  for (const store of stores) store.clear();
}
