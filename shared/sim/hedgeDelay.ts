/**
 * The delay of a hedge set at a percentile of the callee's latency, as a
 * client tracking it would have it: that percentile of the last 1,024
 * copies' times, taken again every 256 copies.
 */
import { selectKth } from './stats';

/** Copies' times the delay is taken over, and how often it is taken again. */
const WINDOW = 1024;
const REFRESH = 256;
/**
 * Ranks either side of the percentile's whose times are kept as a bracket for
 * the next time: by then a quarter of the window is new and the percentile's
 * rank has moved by a few places, so it is selected among the times inside
 * the bracket only (about a tenth of the window at the p95).
 */
const SPAN = 64;

/** The recent times of one edge's copies, and the delay taken from them. */
export class HedgeDelay {
  private readonly times = new Float64Array(WINDOW);
  /** The times the percentile is selected among (selection reorders them). */
  private readonly scratch = new Float64Array(WINDOW);
  private count = 0;
  /** Rank of the percentile in the window. */
  private readonly rank: number;
  /** The times SPAN ranks below and above the percentile when it was last taken (as far as the bracket then reached). */
  private lowMs = -Infinity;
  private highMs = Infinity;

  constructor(
    /** The delay until the window first fills, then the percentile of the window, ms. */
    public afterMs: number,
    percentile: number,
  ) {
    this.rank = Math.min(WINDOW - 1, Math.floor(percentile * WINDOW));
  }

  /** A copy answered after `ms`. */
  record(ms: number): void {
    this.times[this.count++ % WINDOW] = ms;
    if (this.count % REFRESH === 0 && this.count >= WINDOW) this.refresh();
  }

  /** Takes the percentile among the times inside the last bracket, or among all when it has moved out of it. */
  private refresh(): void {
    const k = this.rank;
    const scratch = this.scratch;
    let below = 0;
    let inside = 0;
    for (let i = 0; i < WINDOW; i++) {
      const ms = this.times[i]!;
      if (ms < this.lowMs) below++;
      else if (ms <= this.highMs) scratch[inside++] = ms;
    }
    if (below > k || below + inside <= k) {
      scratch.set(this.times);
      below = 0;
      inside = WINDOW;
    }
    // Ranks within the scratch: the percentile's, then the next bracket's, as far as the scratch reaches.
    const at = k - below;
    const lowAt = Math.max(at - SPAN, 0);
    const highAt = Math.min(at + SPAN, inside - 1);
    this.afterMs = selectKth(scratch, at, 0, inside - 1);
    this.lowMs = lowAt < at ? selectKth(scratch, lowAt, 0, at - 1) : this.afterMs;
    this.highMs = highAt > at ? selectKth(scratch, highAt, at + 1, inside - 1) : this.afterMs;
  }
}
