/**
 * What an edge's hedge and retry policy do to one call: its time, the
 * attempts and copies the callee receives per call, and the share that still
 * fails. A hedged pair is one attempt; each retry hedges again.
 */
import type { DiagramEdge } from '../model/schema';
import type { Dist } from './grid';
import { hedgedTime } from './hedging';
import { expectedAttempts, retriedTime } from './retries';

export interface CallPolicyOutcome {
  time: Dist;
  /** Copies the callee receives per call: attempts x (1 + hedge share). */
  amplification: number;
  /** Share of calls that fail after every retry. */
  failedShare: number;
  hedge: { afterMs: number; share: number } | null;
}

/** Whether an edge carries a retry or hedge policy. */
export function hasCallPolicy(edge: DiagramEdge): boolean {
  return edge.retry !== undefined || edge.hedge !== undefined;
}

const outcomes = new WeakMap<Dist, WeakMap<DiagramEdge, CallPolicyOutcome>>();

/** One call through the edge's policy, given the callee's time per attempt (memoised per callee distribution). */
export function callPolicy(edge: DiagramEdge, callee: Dist): CallPolicyOutcome {
  let byEdge = outcomes.get(callee);
  const known = byEdge?.get(edge);
  if (known) return known;
  const hedge = edge.hedge ? hedgedTime(edge.hedge, callee) : null;
  const attempt = hedge ? hedge.time : callee;
  const retry = edge.retry ? retriedTime(edge.retry, attempt) : null;
  const outcome: CallPolicyOutcome = {
    time: retry ? retry.time : attempt,
    amplification: (retry ? retry.attempts : 1) * (1 + (hedge?.share ?? 0)),
    failedShare: retry ? retry.failedShare : 0,
    hedge: hedge ? { afterMs: hedge.afterMs, share: hedge.share } : null,
  };
  if (!byEdge) outcomes.set(callee, (byEdge = new WeakMap()));
  byEdge.set(edge, outcome);
  return outcome;
}

/** Copies per call known before any latency: retries from the outright failure probability alone. */
export function staticAmplification(edge: DiagramEdge): number {
  return edge.retry ? expectedAttempts(edge.retry.failureProbability ?? 0, edge.retry.retries ?? 0) : 1;
}

/** Whether an edge's load depends on the callee's latency (a timeout or a hedge), so the estimate must iterate. */
export function loadDependsOnLatency(edge: DiagramEdge): boolean {
  return edge.hedge !== undefined || edge.retry?.timeoutMs !== undefined;
}
