import { SimRandom } from '../shared/sim/random';

/** A small deterministic generator of uniforms in (0, 1) (the simulator's Mulberry32 recurrence). */
export class Random extends SimRandom {
  next(): number {
    return this.uniform();
  }
}
