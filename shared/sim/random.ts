/**
 * Seeded random draws for the simulator: uniforms from the Mulberry32
 * recurrence, normals by Box-Muller (the spare one kept), and the two laws the
 * simulator needs (exponential gaps between arrivals, log-normal service).
 */
export class SimRandom {
  private state: number;
  private spare = Number.NaN;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform in (0, 1), never exactly 0 or 1. */
  uniform(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  }

  /** A standard normal. */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = Number.NaN;
      return z;
    }
    const radius = Math.sqrt(-2 * Math.log(this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** An exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(this.uniform()) * mean;
  }

  /** A log-normal with the given median and log-scale sigma (sigma 0: the median itself). */
  logNormal(median: number, sigma: number): number {
    return sigma > 0 ? median * Math.exp(sigma * this.normal()) : median;
  }
}
