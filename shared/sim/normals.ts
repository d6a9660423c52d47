/**
 * Standard normals for the simulator's service times, from their own seeded
 * stream and in blocks: the ziggurat method of Marsaglia and Tsang (2000),
 * 128 layers, with the layer and the value taken from separate bits of each
 * draw (as Doornik, 2005, advises). Nearly every normal costs one uniform
 * draw, a table look-up and a multiplication, where Box-Muller costs a
 * logarithm, a square root and a sine or cosine.
 */

const LAYERS = 128;
/** Where the tail beyond the layers starts, and the area of each layer. */
const R = 3.442619855899;
const AREA = 9.91256303526217e-3;
/** Draws give 25 signed bits of value after the 7 bits of layer. */
const SCALE = 2 ** 24;

/** Per layer: the largest value that is always inside the curve (in draw units), value per draw unit, and the curve at the layer's edge. */
const inside = new Float64Array(LAYERS);
const unit = new Float64Array(LAYERS);
const curve = new Float64Array(LAYERS);
{
  let x = R;
  let previous = R;
  const q = AREA / Math.exp(-0.5 * x * x);
  inside[0] = (x / q) * SCALE;
  inside[1] = 0;
  unit[0] = q / SCALE;
  unit[LAYERS - 1] = x / SCALE;
  curve[0] = 1;
  curve[LAYERS - 1] = Math.exp(-0.5 * x * x);
  for (let i = LAYERS - 2; i >= 1; i--) {
    x = Math.sqrt(-2 * Math.log(AREA / x + Math.exp(-0.5 * x * x)));
    inside[i + 1] = (x / previous) * SCALE;
    previous = x;
    curve[i] = Math.exp(-0.5 * x * x);
    unit[i] = x / SCALE;
  }
}

/** Normals drawn at a time by `normal`. */
const BLOCK = 1024;

/** A seeded stream of standard normals. */
export class NormalStream {
  private state: number;
  private readonly block = new Float64Array(BLOCK);
  private at = BLOCK;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next standard normal, from blocks of BLOCK filled in turn (the same stream as `fill` on such blocks). */
  normal(): number {
    if (this.at === BLOCK) {
      this.fill(this.block);
      this.at = 0;
    }
    return this.block[this.at++]!;
  }

  /** A log-normal with the given median and log-scale sigma: the median times e^(sigma z) (sigma 0: the median itself). */
  logNormal(median: number, sigma: number): number {
    return sigma > 0 ? median * Math.exp(sigma * this.normal()) : median;
  }

  /** Fills the first `count` of `out` with standard normals. */
  fill(out: Float64Array, count = out.length): void {
    for (let i = 0; i < count; i++) out[i] = this.draw();
  }

  /** Fills the first `count` of `out` with log-normals of the given median and log-scale sigma > 0, from the normals `fill` would give, in one pass. */
  fillLogNormal(out: Float64Array, count: number, median: number, sigma: number): void {
    // Each parameter made a double once, before the loop (x * 1 is x): as given, the compiled loop unboxes it on every pass.
    const m = median * 1;
    const s = sigma * 1;
    for (let i = 0; i < count; i++) out[i] = m * Math.exp(s * this.draw());
  }

  /** The next standard normal, drawn on its own. */
  private draw(): number {
    const bits = this.next();
    const layer = bits & (LAYERS - 1);
    const value = bits >> 7;
    return Math.abs(value) < inside[layer]! ? value * unit[layer]! : this.slow(value, layer);
  }

  /** 32 random bits (Mulberry32), as a signed integer. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return t ^ (t >>> 14);
  }

  /** A uniform in (0, 1). */
  private uniform(): number {
    return ((this.next() >>> 0) + 0.5) / 4294967296;
  }

  /** A draw outside its layer's rectangle: the tail, a point under the curve's wedge, or a new draw. */
  private slow(value: number, layer: number): number {
    for (;;) {
      const x = value * unit[layer]!;
      if (layer === 0) {
        let tail: number;
        let y: number;
        do {
          tail = -Math.log(this.uniform()) / R;
          y = -Math.log(this.uniform());
        } while (y + y < tail * tail);
        return value > 0 ? R + tail : -R - tail;
      }
      if (curve[layer]! + this.uniform() * (curve[layer - 1]! - curve[layer]!) < Math.exp(-0.5 * x * x)) return x;
      const bits = this.next();
      layer = bits & (LAYERS - 1);
      value = bits >> 7;
      if (Math.abs(value) < inside[layer]!) return value * unit[layer]!;
    }
  }
}
