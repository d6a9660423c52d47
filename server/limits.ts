/**
 * A token bucket: `perSecond` sustained, up to `burst` at once. `take`
 * says whether one more message fits now.
 */
export class RateLimit {
  private tokens: number;
  private atMs: number;

  constructor(private readonly perSecond: number, private readonly burst: number, nowMs: number) {
    this.tokens = burst;
    this.atMs = nowMs;
  }

  take(nowMs: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.atMs) / 1000) * this.perSecond);
    this.atMs = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
