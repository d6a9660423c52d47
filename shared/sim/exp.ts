/**
 * e^x for the simulator's log-normal service times, as a function the compiler
 * puts inline in the loop that draws them: Math.exp is a call out of compiled
 * code, which costs as much again as the exponential itself. It is the
 * algorithm of fdlibm's exp (Sun Microsystems, 1993), step for step in double
 * precision, the one Node's Math.exp runs (with e itself at 1), so each draw is the same number to
 * the last bit (tests/sim/exp.test.ts); a browser whose Math.exp differs gets
 * the same draws as Node all the same.
 */

/** x = k ln 2 + r, with ln 2 in two parts: a high part whose multiples by k are exact, and the rest. */
const LN2_HIGH = 6.93147180369123816490e-1;
const LN2_LOW = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
/** The rational approximation's coefficients on |r| <= ln 2 / 2. */
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

const word = new Float64Array(1);
const highWord = new Uint32Array(word.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** The double whose high 32 bits are `high` and whose low 32 bits are 0. */
function withHighWord(high: number): number {
  highWord[littleEndian ? 1 : 0] = high;
  highWord[littleEndian ? 0 : 1] = 0;
  return word[0]!;
}

/** Where fdlibm's branches part, as thresholds on |x| (it compares the high word of |x|). */
const HALF_LN2 = withHighWord(0x3fd62e43);
const THREE_HALVES_LN2 = withHighWord(0x3ff0a2b2);
const TINY = withHighWord(0x3e300000);
/** Beyond this, 2^k leaves the normal range (or e^x overflows): Math.exp handles those. */
const NORMAL_RANGE = 700;

/** 2^k for k from -1022 to 1023, at k + 1022. */
const POWERS_OF_TWO = Float64Array.from({ length: 2046 }, (_, i) => 2 ** (i - 1022));

/** e^x, the same double as Node's Math.exp(x). */
export function exp(x: number): number {
  const size = Math.abs(x);
  if (!(size < NORMAL_RANGE)) return Math.exp(x);
  if (size < HALF_LN2) {
    if (size < TINY) return 1 + x;
    const t = x * x;
    const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    return 1 - ((x * c) / (c - 2) - x);
  }
  let high: number;
  let low: number;
  let k: number;
  if (size < THREE_HALVES_LN2) {
    // Node's Math.exp gives e itself at 1, where the steps below are one bit off.
    if (x === 1) return Math.E;
    k = x < 0 ? -1 : 1;
    high = x - k * LN2_HIGH;
    low = k * LN2_LOW;
  } else {
    k = (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0;
    high = x - k * LN2_HIGH;
    low = k * LN2_LOW;
  }
  const r = high - low;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  return (1 - (low - (r * c) / (2 - c) - high)) * POWERS_OF_TWO[k + 1022]!;
}
