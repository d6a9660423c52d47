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
}
