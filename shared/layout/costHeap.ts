/** A binary min-heap of states by cost, in flat typed lists kept from one search to the next. */
export class CostHeap {
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024);
  size = 0;
  /** The key of the value popped last. */
  poppedKey = 0;
  clear(): void {
    this.size = 0;
  }
  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      const values = new Int32Array(this.size * 2);
      keys.set(this.keys);
      values.set(this.values);
      [this.keys, this.values] = [keys, values];
    }
    const k = this.keys;
    const v = this.values;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (k[parent]! <= key) break;
      k[i] = k[parent]!;
      v[i] = v[parent]!;
      i = parent;
    }
    k[i] = key;
    v[i] = value;
  }
  pop(): number {
    const k = this.keys;
    const v = this.values;
    const top = v[0]!;
    this.poppedKey = k[0]!;
    const size = --this.size;
    const lastKey = k[size]!;
    const lastValue = v[size]!;
    if (size > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= size) break;
        const child = left + 1 < size && k[left + 1]! < k[left]! ? left + 1 : left;
        if (k[child]! >= lastKey) break;
        k[i] = k[child]!;
        v[i] = v[child]!;
        i = child;
      }
      k[i] = lastKey;
      v[i] = lastValue;
    }
    return top;
  }
}
