import { grown } from './heap';

/** Growable struct-of-arrays storage for in-flight visits, recycled through a free list. */
export class Visits {
  node = new Int32Array(1024);
  parent = new Int32Array(1024);
  stage = new Int32Array(1024);
  pending = new Int32Array(1024);
  /** Copies still to run one after another once this one answers. */
  left = new Int32Array(1024);
  /** For a request's first visit: its entry's sample slot (-1 in the warm-up); else -1. */
  slot = new Int32Array(1024);
  entry = new Int32Array(1024);
  /** For a visit made by a call with a policy: the call (else -1) and its attempt's token. */
  call = new Int32Array(1024);
  token = new Int32Array(1024);
  arrival = new Float64Array(1024);
  /** Own service time of a visit waiting for a server, ms. */
  serviceMs = new Float64Array(1024);
  private free = new Int32Array(1024);
  private freeCount = 0;
  private used = 0;

  allocate(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount]!;
    if (this.used === this.node.length) this.grow();
    return this.used++;
  }

  release(id: number): void {
    if (this.freeCount === this.free.length) this.free = grown(this.free, this.free.length * 2);
    this.free[this.freeCount++] = id;
  }

  private grow(): void {
    const size = this.node.length * 2;
    this.node = grown(this.node, size);
    this.parent = grown(this.parent, size);
    this.stage = grown(this.stage, size);
    this.pending = grown(this.pending, size);
    this.left = grown(this.left, size);
    this.slot = grown(this.slot, size);
    this.entry = grown(this.entry, size);
    this.call = grown(this.call, size);
    this.token = grown(this.token, size);
    this.arrival = grown(this.arrival, size);
    this.serviceMs = grown(this.serviceMs, size);
  }

}
