import type { BatchingFigures } from './servingFigures';

/** Severity of a diagnostic: errors fail `mlsd estimate --check`. */
export type Severity = 'error' | 'warning' | 'info';

/** Something a person should know about the design, with what to do about it. */
export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  node?: string;
  edge?: string;
}

export interface QpsFigures {
  peak: number;
  avg: number;
}

export interface EntryEstimate {
  node: string;
  qps: QpsFigures;
  /** End-to-end latency of requests entering here; null when unbounded. */
  latencyMs: { mean: number; p50: number; p90: number; p99: number; p999: number } | null;
  p99Breakdown: { node: string; ms: number }[];
}

export interface NodeEstimate {
  id: string;
  qps: QpsFigures;
  /** null where the node has no capacity block. */
  replicas: number | null;
  /** null where not modelled (no capacity or no latency). */
  utilization: number | null;
  /** T(v): from arrival until the node answers; null when unbounded. */
  latencyMs: { mean: number; p50: number; p99: number } | null;
  storageBytes: number;
  costUsdPerMonth: { compute: number; storage: number; total: number };
  /** Present on a node with a batching block (docs/estimator.md, section 9). */
  batching?: BatchingFigures;
}

/** An edge with retries or a hedge (docs/estimator.md, sections 10 and 11). */
export interface CallEstimate {
  edge: string;
  /** Copies the callee receives per call: attempts x (1 + hedge share). */
  amplification: number;
  /** Extra requests per second at peak the policy sends to the callee. */
  extraPeakQps: number;
  failedShare: number;
  hedge: { afterMs: number; share: number } | null;
  /** p99 of one call with its policy, and of the callee alone; null when unbounded. */
  p99Ms: number | null;
  p99WithoutPolicyMs: number | null;
}

export interface BudgetCheck {
  limit: number;
  actual: number | null;
  ok: boolean;
}

/** What `mlsd estimate --json` prints (docs/estimator.md, section 6). */
export interface Estimate {
  format: 'mlsd-studio/estimate';
  version: 1;
  entries: EntryEstimate[];
  nodes: NodeEstimate[];
  totals: { storageBytes: number; costUsdPerMonth: number };
  budgets: { p99Ms?: BudgetCheck; monthlyCostUsd?: BudgetCheck };
  diagnostics: Diagnostic[];
  /** Present when some edge retries or hedges. */
  calls?: CallEstimate[];
}
