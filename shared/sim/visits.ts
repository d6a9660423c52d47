import { grown } from '../typedArrays';

/**
 * A visit's integer fields, at these offsets of its record's 16 integers: its
 * node, its caller's visit, the stage it is in and the answers that stage
 * still waits for, the copies still to run one after another once it answers,
 * for a request's first visit its entry and sample slot (-1 in the warm-up;
 * else -1), and for a visit made by a call with a policy the call (else -1)
 * and its attempt's token.
 */
export const NODE = 0;
export const PARENT = 1;
export const STAGE = 2;
export const PENDING = 3;
export const LEFT = 4;
export const SLOT = 5;
export const ENTRY = 6;
export const CALL = 7;
export const TOKEN = 8;
/** Its doubles, at these offsets of the same record's 8: when it arrived, and the own service time of a visit waiting for a server (ms). */
export const ARRIVAL = 5;
export const SERVICE_MS = 6;
/** A record is 64 bytes: 16 integers, or 8 doubles. */
const INTS = 16;

/**
 * Growable storage for in-flight visits, recycled through a free list: each
 * visit one record of 64 bytes, its integers at `ints[16 id + field]` and its
 * doubles at `doubles[8 id + field]` (views of the same buffer), so a visit's
 * fields are read from one place in memory.
 */
export class Visits {
  ints = new Int32Array(INTS * 1024);
  doubles = new Float64Array(this.ints.buffer);
  private free = new Int32Array(1024);
  private freeCount = 0;
  private used = 0;

  allocate(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount]!;
    if (this.used * INTS === this.ints.length) {
      this.ints = grown(this.ints, this.ints.length * 2);
      this.doubles = new Float64Array(this.ints.buffer);
    }
    return this.used++;
  }

  release(id: number): void {
    if (this.freeCount === this.free.length) this.free = grown(this.free, this.free.length * 2);
    this.free[this.freeCount++] = id;
  }
}
