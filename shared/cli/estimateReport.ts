import type { Estimate } from '../estimator/output';
import { findKind } from '../kinds';
import type { Diagram } from '../model/schema';
import { formatBytes, formatLatencyMs, formatMs, formatPercent, formatQps, formatUsd, significant } from '../units';
import { renderTable } from './table';

const qpsCell = (qps: number) => formatQps(qps).replace(/ QPS$/, '');

/** The estimate as a readable report, units scaled (`mlsd estimate FILE`). */
export function estimateReport(diagram: Diagram, result: Estimate): string {
  const labels = new Map(diagram.nodes.map((n) => [n.id, n.label]));
  const label = (id: string) => labels.get(id) ?? id;
  const lines: string[] = [`${diagram.title}`, ''];

  if (result.entries.length > 0) {
    lines.push('Entries (end-to-end latency)');
    const rows = [['entry', 'peak QPS', 'avg QPS', 'mean', 'p50', 'p90', 'p99', 'p999']];
    for (const e of result.entries) {
      const l = e.latencyMs;
      rows.push([label(e.node), qpsCell(e.qps.peak), qpsCell(e.qps.avg), ...(l ? [l.mean, l.p50, l.p90, l.p99, l.p999].map((ms) => formatLatencyMs(ms, l.mean > 0)) : ['∞', '∞', '∞', '∞', '∞'])]);
    }
    lines.push(indent(renderTable(rows, new Set([1, 2, 3, 4, 5, 6, 7]))), '');
    for (const e of result.entries) {
      if (e.p99Breakdown.length === 0) continue;
      const parts = e.p99Breakdown.slice(0, 6).map((b) => `${label(b.node)} ${formatMs(b.ms)}`);
      lines.push(`  p99 comes from (${label(e.node)}): ${parts.join(', ')}${e.p99Breakdown.length > 6 ? ', …' : ''}`);
    }
    lines.push('');
  }

  lines.push('Nodes');
  const rows = [['node', 'kind', 'peak QPS', 'replicas', 'util', 'p50', 'p99', 'storage', 'cost/mo']];
  diagram.nodes.forEach((node, i) => {
    const n = result.nodes[i];
    if (!n) return;
    rows.push([
      node.label,
      findKind(node.kind)?.label ?? node.kind,
      qpsCell(n.qps.peak),
      n.replicas === null ? '—' : significant(n.replicas, 6),
      n.utilization === null ? '—' : formatPercent(n.utilization),
      n.latencyMs ? formatLatencyMs(n.latencyMs.p50, n.latencyMs.mean > 0) : '∞',
      n.latencyMs ? formatLatencyMs(n.latencyMs.p99, n.latencyMs.mean > 0) : '∞',
      n.storageBytes > 0 ? formatBytes(n.storageBytes) : '—',
      n.costUsdPerMonth.total > 0 ? formatUsd(n.costUsdPerMonth.total) : '—',
    ]);
  });
  lines.push(indent(renderTable(rows, new Set([2, 3, 4, 5, 6, 7, 8]))), '');
  lines.push(`Totals: storage ${formatBytes(result.totals.storageBytes)}, cost ${formatUsd(result.totals.costUsdPerMonth)}/mo`);

  const { p99Ms, monthlyCostUsd } = result.budgets;
  if (p99Ms) lines.push(`Budget p99: ${formatMs(p99Ms.actual)} of ${formatMs(p99Ms.limit)} ${p99Ms.ok ? 'ok' : 'OVER'}`);
  if (monthlyCostUsd) {
    lines.push(`Budget cost: ${formatUsd(monthlyCostUsd.actual ?? 0)}/mo of ${formatUsd(monthlyCostUsd.limit)}/mo ${monthlyCostUsd.ok ? 'ok' : 'OVER'}`);
  }
  if (result.diagnostics.length > 0) {
    lines.push('', 'Diagnostics');
    for (const d of result.diagnostics) lines.push(`  ${d.severity.padEnd(7)} ${d.code}: ${d.message}`);
  }
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string {
  return text.split('\n').map((line) => `  ${line}`).join('\n');
}
