import { grown } from '../typedArrays';

/**
 * A binary min-heap of (time, id) pairs in typed arrays: the simulator's
 * pending completions. Growing doubles the arrays; ties pop in no fixed order
 * but the same order every run. Push and pop read the arrays into locals once
 * and each time once per level: through `this` on every access, a fifth more
 * instructions.
 */
export class TimeHeap {
  private times = new Float64Array(1024);
  private ids = new Int32Array(1024);
  size = 0;

  /** The earliest time, or Infinity when empty. */
  get topTime(): number {
    return this.size > 0 ? this.times[0]! : Infinity;
  }

  push(time: number, id: number): void {
    if (this.size === this.times.length) {
      this.times = grown(this.times, this.size * 2);
      this.ids = grown(this.ids, this.size * 2);
    }
    const times = this.times;
    const ids = this.ids;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime <= time) break;
      times[i] = parentTime;
      ids[i] = ids[parent]!;
      i = parent;
    }
    times[i] = time;
    ids[i] = id;
  }

  /** Removes the earliest pair and returns its id (the heap must not be empty). */
  pop(): number {
    const times = this.times;
    const ids = this.ids;
    const top = ids[0]!;
    const n = --this.size;
    const time = times[n]!;
    const id = ids[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let childTime = times[child]!;
      // No check that the right child is in the heap: at n is still the pair being placed, which
      // as the earlier child ends the sift at i just as its absence would.
      const rightTime = times[child + 1]!;
      if (rightTime < childTime) {
        childTime = rightTime;
        child++;
      }
      if (childTime >= time) break;
      times[i] = childTime;
      ids[i] = ids[child]!;
      i = child;
    }
    times[i] = time;
    ids[i] = id;
    return top;
  }
}

/**
 * The servers of one first-come-first-served pool, as a min-heap of the times
 * at which each becomes free. Requests are offered in time order, so a request
 * takes the server that frees first and starts at max(now, that time).
 */
export class ServerPool {
  private readonly freeAt: Float64Array;

  constructor(servers: number) {
    this.freeAt = new Float64Array(servers);
  }

  /** Seizes the first free server for `serviceMs` from `nowMs`; returns when the request starts. */
  seize(nowMs: number, serviceMs: number): number {
    return this.freeAt.length <= ORDERED_POOL ? seizeInOrder(this.freeAt, nowMs, serviceMs) : seizeInHeap(this.freeAt, nowMs, serviceMs);
  }

  /**
   * Copies arriving together at `nowMs` seize servers one after another, as
   * `seize` would; each one's own time (wait plus service) goes to `out` from `at`.
   */
  seizeTogether(nowMs: number, serviceMs: Float64Array, count: number, out: Float64Array, at: number): void {
    const free = this.freeAt;
    if (free.length <= ORDERED_POOL) {
      for (let c = 0; c < count; c++) out[at + c] = seizeInOrder(free, nowMs, serviceMs[c]!) - nowMs + serviceMs[c]!;
    } else {
      // The arrival made a double once, before the loop (x * 1 is x): as given, the compiled loop unboxes it on every pass.
      const now = nowMs * 1;
      for (let c = 0; c < count; c++) {
        const service = serviceMs[c]!;
        out[at + c] = seizeInHeap(free, now, service) - now + service;
      }
    }
  }
}

// The start is max(first free, now) by Math.max: a number either way, where a choice between them made it a boxed value.

/** Seizes the server that frees first in a pool whose free times are a min-heap; returns when the request starts. */
function seizeInHeap(heap: Float64Array, nowMs: number, serviceMs: number): number {
  const start = Math.max(heap[0]!, nowMs);
  const done = start + serviceMs;
  const n = heap.length;
  let i = 0;
  // Each free time read once: the earlier child moves up while it frees before the new one.
  for (let child = 1; child < n; child = 2 * i + 1) {
    let earliest = heap[child]!;
    if (child + 1 < n) {
      const right = heap[child + 1]!;
      if (right < earliest) {
        earliest = right;
        child++;
      }
    }
    if (earliest >= done) break;
    heap[i] = earliest;
    i = child;
  }
  heap[i] = done;
  return start;
}

/**
 * The same for a small pool, whose free times are kept in order: the first
 * is the earliest, and the new one slides into place. Which of several
 * servers free at the same time is taken changes no start.
 */
function seizeInOrder(free: Float64Array, nowMs: number, serviceMs: number): number {
  const start = Math.max(free[0]!, nowMs);
  const done = start + serviceMs;
  let i = 1;
  while (i < free.length && free[i]! < done) {
    free[i - 1] = free[i]!;
    i++;
  }
  free[i - 1] = done;
  return start;
}

/**
 * Pools of up to this many servers keep their free times in order instead of
 * in a heap: batches of copies into 4 servers cost the same either way, and
 * into 8 or 16 servers a fifth and two fifths fewer instructions in the heap.
 */
const ORDERED_POOL = 4;

/**
 * The servers of one first-come-first-served pool, counted rather than kept
 * in a heap, with the visits waiting for one in arrival order: the simulator's
 * pools, where a server's end is an event anyway (the visit's completion), so
 * a request waits for that event instead of having its start worked out on
 * arrival. Either way a request starts when the first server frees after it
 * arrives and after every request before it has started.
 */
export class WaitingLine {
  private busy = 0;
  private waiting = new Int32Array(64);
  private head = 0;
  private count = 0;

  constructor(private readonly servers: number) {}

  /** Takes a server for `id` if one is free now (true), else puts it in the line (false). */
  admit(id: number): boolean {
    if (this.busy < this.servers) {
      this.busy++;
      return true;
    }
    if (this.count === this.waiting.length) this.grow();
    this.waiting[(this.head + this.count++) & (this.waiting.length - 1)] = id;
    return false;
  }

  /** A server frees: returns the waiting request that takes it, or -1 when none waits. */
  release(): number {
    if (this.count === 0) {
      this.busy--;
      return -1;
    }
    const id = this.waiting[this.head]!;
    this.head = (this.head + 1) & (this.waiting.length - 1);
    this.count--;
    return id;
  }

  private grow(): void {
    const bigger = new Int32Array(this.waiting.length * 2);
    for (let i = 0; i < this.count; i++) bigger[i] = this.waiting[(this.head + i) & (this.waiting.length - 1)]!;
    this.waiting = bigger;
    this.head = 0;
  }
}
