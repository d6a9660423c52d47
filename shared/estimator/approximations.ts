/**
 * Diagnostics for the regimes where the estimator's queueing model is known
 * to be approximate, measured against the simulator (docs/accuracy.md): the
 * node says so, and how to check.
 */
import type { Diagram } from '../model/schema';
import type { Diagnostic } from './output';
import type { Queueing } from './queueing';

/** Copies of one parallel call at or above this share of a pool's idle servers are flagged. */
export const BATCH_SHARE_OF_IDLE = 0.25;
/** Single-server stages in a row from which a chain is flagged. */
export const CHAIN_LENGTH = 3;

/**
 * Parallel copies of one request reach the same pool at the same instant and
 * queue behind each other; the estimator treats them as independent arrivals.
 * That is harmless while idle servers far exceed the copies, optimistic
 * otherwise (for this caller and for every other caller of the pool).
 */
export function batchArrivalDiagnostics(diagram: Pick<Diagram, 'nodes' | 'edges'>, queues: ReadonlyMap<string, Queueing>): Diagnostic[] {
  const labels = new Map(diagram.nodes.map((n) => [n.id, n.label]));
  const widest = new Map<string, number>();
  for (const edge of diagram.edges) {
    if ((edge.mode ?? 'sync') === 'offline' || (edge.fanout ?? 'parallel') !== 'parallel') continue;
    const copies = Math.ceil((edge.calls ?? 1) - 1e-12);
    if (copies >= 2) widest.set(edge.target, Math.max(widest.get(edge.target) ?? 0, copies));
  }
  const diagnostics: Diagnostic[] = [];
  for (const [id, copies] of widest) {
    const q = queues.get(id);
    if (!q || q.saturated) continue;
    const idle = q.servers - q.offeredLoad;
    if (copies < BATCH_SHARE_OF_IDLE * idle) continue;
    diagnostics.push({
      severity: 'warning',
      code: 'batch-arrivals',
      node: id,
      message:
        `${copies} copies arrive together into ${q.servers} server${q.servers === 1 ? '' : 's'} of "${labels.get(id)}" ` +
        `(${idle.toFixed(1)} idle on average): they queue behind each other, so its latency figures are optimistic. ` +
        'Check by simulation (mlsd simulate), or add servers.',
    });
  }
  return diagnostics;
}

/**
 * Three or more single-server nodes called one after another: each smooths the
 * arrivals of the next, so waits downstream are shorter than the estimator's
 * Poisson model says (the estimate errs high, on the safe side).
 */
export function chainDiagnostics(diagram: Pick<Diagram, 'nodes' | 'edges'>, queues: ReadonlyMap<string, Queueing>): Diagnostic[] {
  const single = (id: string) => {
    const q = queues.get(id);
    return q !== undefined && !q.saturated && q.servers === 1;
  };
  const next = new Map<string, string[]>();
  const hasSingleCaller = new Set<string>();
  for (const edge of diagram.edges) {
    if ((edge.mode ?? 'sync') !== 'sync' || !single(edge.source) || !single(edge.target)) continue;
    next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
    hasSingleCaller.add(edge.target);
  }
  const length = new Map<string, number>();
  const runFrom = (id: string, path: Set<string>): number => {
    const known = length.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return 0;
    path.add(id);
    const result = 1 + Math.max(0, ...(next.get(id) ?? []).map((t) => runFrom(t, path)));
    path.delete(id);
    length.set(id, result);
    return result;
  };
  return diagram.nodes
    .filter((n) => single(n.id) && !hasSingleCaller.has(n.id))
    .map((n) => ({ node: n, run: runFrom(n.id, new Set()) }))
    .filter(({ run }) => run >= CHAIN_LENGTH)
    .map(({ node, run }) => ({
      severity: 'info' as const,
      code: 'single-server-chain',
      node: node.id,
      message:
        `"${node.label}" starts a chain of ${run} single-server nodes: each smooths the arrivals of the next, so waits ` +
        'further down are shorter than estimated (the figures err on the safe side). Check by simulation (mlsd simulate).',
    }));
}
