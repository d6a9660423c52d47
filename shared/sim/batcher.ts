/**
 * A model pool with a dynamic batcher inside the network simulation, by the
 * batcher's rules (the same as the one-pool simulation in batching.ts): a
 * batch leaves when an executor is free and either the queue holds the largest
 * preferred size (else the largest batch) or its oldest request has waited the
 * max queue delay; it takes at most maxBatchSize requests, oldest first, and
 * runs for the batch latency of its size.
 */
import { batchCap, batchLatencyMs } from '../estimator/batching';
import type { Batching } from '../model/serving';

export class Batcher {
  private ids = new Int32Array(64);
  private arrivedMs = new Float64Array(64);
  private head = 0;
  private count = 0;
  private free: number;
  private readonly cap: number;
  /** When the pending queue-delay event fires, Infinity when none is pending. */
  deadlineMs = Infinity;

  constructor(readonly spec: Batching, executors: number) {
    this.free = executors;
    this.cap = batchCap(spec);
  }

  /** A request joins the queue now. */
  add(id: number, nowMs: number): void {
    if (this.count === this.ids.length) this.grow();
    const at = (this.head + this.count++) & (this.ids.length - 1);
    this.ids[at] = id;
    this.arrivedMs[at] = nowMs;
  }

  /**
   * The batch that leaves now, written to `out` (returns its size), or 0 when
   * none may leave yet. The executor it takes is busy until `finished`.
   */
  take(nowMs: number, out: Int32Array): number {
    if (this.free === 0 || this.count === 0) return 0;
    if (this.count < this.cap && this.arrivedMs[this.head]! + this.spec.maxQueueDelayMs > nowMs) return 0;
    const size = Math.min(this.count, this.spec.maxBatchSize);
    for (let i = 0; i < size; i++) out[i] = this.ids[(this.head + i) & (this.ids.length - 1)]!;
    this.head = (this.head + size) & (this.ids.length - 1);
    this.count -= size;
    this.free--;
    return size;
  }

  /** Run time of a batch of `size` requests, ms. */
  runMs(size: number): number {
    return batchLatencyMs(this.spec, size);
  }

  /** A batch has run: its executor is free. */
  finished(): void {
    this.free++;
  }

  /** When the oldest waiting request reaches the queue delay while an executor is free; Infinity otherwise. */
  nextDeadlineMs(): number {
    return this.count > 0 && this.free > 0 ? this.arrivedMs[this.head]! + this.spec.maxQueueDelayMs : Infinity;
  }

  private grow(): void {
    const size = this.ids.length;
    const ids = new Int32Array(size * 2);
    const arrived = new Float64Array(size * 2);
    for (let i = 0; i < this.count; i++) {
      ids[i] = this.ids[(this.head + i) & (size - 1)]!;
      arrived[i] = this.arrivedMs[(this.head + i) & (size - 1)]!;
    }
    this.ids = ids;
    this.arrivedMs = arrived;
    this.head = 0;
  }
}
