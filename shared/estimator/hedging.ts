/**
 * Hedged requests (docs/estimator.md, section 11; Dean and Barroso, "The Tail
 * at Scale", CACM 2013): when a call has not answered after a delay, a second
 * copy goes out, and the first answer wins. With the copies' times T1, T2
 * independent and alike, the call takes min(T1, d + T2); the callee receives
 * the extra copies, a share P(T > d) of the calls.
 */
import type { Hedge } from '../model/serving';
import { Dist } from './grid';
import { cdfOf, distFromCdf, support } from './shapes';

/** The default hedge delay: the callee's p95, as "The Tail at Scale" suggests. */
export const DEFAULT_HEDGE_PERCENTILE = 0.95;

export interface HedgeOutcome {
  time: Dist;
  /** The delay after which the second copy is sent, ms. */
  afterMs: number;
  /** Share of calls that send a second copy: the extra load on the callee. */
  share: number;
}

/** min(T1, d + T2): P(> t) = P(T > t) x P(T > t - d) past the delay, P(T > t) before it. */
export function hedgedTime(hedge: Hedge, attempt: Dist): HedgeOutcome {
  const afterMs = hedge.afterMs ?? attempt.quantile(hedge.afterPercentile ?? DEFAULT_HEDGE_PERCENTILE);
  const cdf = cdfOf(attempt);
  const share = 1 - cdf(afterMs);
  if (attempt.isZero || share <= 0) return { time: attempt, afterMs, share: 0 };
  const { minMs, maxMs } = support(attempt);
  const time = distFromCdf((ms) => 1 - (1 - cdf(ms)) * (ms < afterMs ? 1 : 1 - cdf(ms - afterMs)), minMs, maxMs);
  return { time, afterMs, share };
}
