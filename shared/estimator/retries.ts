/**
 * Retries and timeouts on a call (docs/estimator.md, section 10). Each attempt
 * fails outright with probability p or runs past the timeout; a failed
 * attempt is retried after a backoff, up to `retries` times. The callee sees
 * 1 + q + q^2 + ... + q^R attempts per call, q the attempt's failure
 * probability; the caller waits for the failed attempts, their backoffs and
 * the last attempt.
 */
import type { Retry } from '../model/serving';
import { Dist } from './grid';
import { cdfOf, distFromCdf, support } from './shapes';

/** Attempts per call on average: the geometric series (1 - q^(R+1)) / (1 - q). */
export function expectedAttempts(failure: number, retries: number): number {
  if (failure >= 1) return retries + 1;
  return (1 - Math.pow(failure, retries + 1)) / (1 - failure);
}

/** Probability that an attempt fails: outright (failureProbability), or by running past the timeout. */
export function attemptFailure(retry: Retry, attempt: Dist): number {
  const withinTimeout = retry.timeoutMs === undefined ? 1 : cdfOf(attempt)(retry.timeoutMs);
  return 1 - (1 - (retry.failureProbability ?? 0)) * withinTimeout;
}

/** The attempt's time given that it ends by the timeout. */
function withinTimeout(attempt: Dist, timeoutMs: number): Dist {
  const cdf = cdfOf(attempt);
  const total = cdf(timeoutMs);
  if (!(total > 0)) return Dist.constant(timeoutMs);
  const { minMs } = support(attempt);
  return distFromCdf((ms) => cdf(Math.min(ms, timeoutMs)) / total, minMs, timeoutMs);
}

/** What a call with retries costs: the caller's time, the attempts, and the share that fails after every retry. */
export interface RetryOutcome {
  time: Dist;
  attempts: number;
  /** Share of calls that fail on every attempt (the caller gets an error). */
  failedShare: number;
}

/**
 * The time of a call with retries, a mixture over how many attempts fail:
 * with k failures then a success (probability q^k (1 - q)), k failed
 * attempts, k backoffs and one successful attempt; after R + 1 failures
 * (probability q^(R+1)), R + 1 failed attempts and R backoffs. A failed
 * attempt lasts the timeout when it timed out, else its own time.
 */
export function retriedTime(retry: Retry, attempt: Dist): RetryOutcome {
  const retries = retry.retries ?? 0;
  const p = retry.failureProbability ?? 0;
  const timeout = retry.timeoutMs;
  const inTime = timeout === undefined ? 1 : cdfOf(attempt)(timeout);
  const q = 1 - (1 - p) * inTime;
  const success = timeout === undefined || inTime >= 1 ? attempt : withinTimeout(attempt, timeout);
  const failed = timeout === undefined || q <= 0 ? success : Dist.mix((p * inTime) / q, success, Dist.constant(timeout));
  const backoff = (k: number) => (retry.backoffMs ?? 0) * Math.pow(retry.backoffMultiplier ?? 1, k - 1);
  // Outcomes in turn: weight and time of "k failures then success", then "all failed".
  const outcomes: { weight: number; time: Dist }[] = [];
  let before = Dist.ZERO;
  let weight = 1;
  for (let k = 0; k <= retries; k++) {
    if (k > 0) before = before.plus(failed).plus(Dist.constant(backoff(k)));
    outcomes.push({ weight: weight * (1 - q), time: before.plus(success) });
    weight *= q;
    if (weight < 1e-12) break;
  }
  if (weight >= 1e-12) outcomes.push({ weight, time: before.plus(failed) });
  let time = outcomes[outcomes.length - 1]!.time;
  let mass = outcomes[outcomes.length - 1]!.weight;
  for (let i = outcomes.length - 2; i >= 0; i--) {
    const o = outcomes[i]!;
    mass += o.weight;
    time = Dist.mix(o.weight / mass, o.time, time);
  }
  return { time, attempts: expectedAttempts(q, retries), failedShare: Math.pow(q, retries + 1) };
}
