/**
 * Values by a non-negative whole number (a grid cell's number), held in an
 * open-addressing table of typed arrays: a look-up is a few reads of plain
 * numbers, where a Map of numbers calls into the engine for each (a large
 * picture's boxes look cells up millions of times).
 */
export class CellTable<T> {
  /** Each slot's key, -1 where the slot is free; the slots number a power of two. */
  private keys = new Int32Array(64).fill(-1);
  /** Each filled slot's value, as a place in `values`. */
  private places = new Int32Array(64);
  // Stryker disable next-line ArrayDeclaration: each value is found at the place written when it was added, wherever the list starts.
  private readonly values: T[] = [];
  /** The bits a slot's number has (the slots number 2^bits). */
  private bits = 6;

  /** The value under `key`, or undefined when none is. */
  get(key: number): T | undefined {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & mask) {
      const held = keys[slot]!;
      if (held === key) return this.values[this.places[slot]!];
      if (held < 0) return undefined;
    }
  }

  /** Puts a value under a key that holds none yet. */
  add(key: number, value: T): void {
    // At most half the slots filled, so a look-up meets a free slot soon.
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: growing sooner, or later while a slot is free, finds the same values.
    if (2 * (this.values.length + 1) > this.keys.length) this.grow();
    this.place(key, this.values.length);
    this.values.push(value);
  }

  /** The slot a key's search starts at: the top bits of its multiplicative hash (Fibonacci hashing). */
  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
  }

  private place(key: number, at: number): void {
    const mask = this.keys.length - 1;
    let slot = this.slotOf(key);
    while (this.keys[slot]! >= 0) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.places[slot] = at;
  }

  /** Doubles the slots and places every key again. */
  private grow(): void {
    const { keys, places } = this;
    this.bits += 1;
    this.keys = new Int32Array(1 << this.bits).fill(-1);
    this.places = new Int32Array(1 << this.bits);
    // Stryker disable next-line EqualityOperator,ConditionalExpression: a free slot's key (-1) placed again marks a free slot; past the end is nothing.
    for (let slot = 0; slot < keys.length; slot++) if (keys[slot]! >= 0) this.place(keys[slot]!, places[slot]!);
  }
}
