import { derivationAppendix } from '../explain/appendix';
import { findKind } from '../kinds';
import { scenarioSection } from '../scenarios/markdown';
import { STEP_KEYS } from '../model/schema';
import { formatBytes, formatLatencyMs, formatMs, formatPercent, formatQps, formatUsd } from '../units';
import { codeFence, markdownBlock, markdownText } from './escape';
import { table } from './markdownTable';
import { renderMermaid } from './mermaid';
import { onePiece } from './pieces';
import { plannerSection } from '../planner/markdown';
import type { ExportFormat, ExportInput } from './types';

const STEP_TITLES: Record<(typeof STEP_KEYS)[number], string> = {
  requirements: 'Requirements', framing: 'Framing as an ML task', data: 'Data', model: 'Model',
  evaluation: 'Evaluation', serving: 'Serving', monitoring: 'Monitoring',
};

/**
 * A design document: the brief, the diagram (as Mermaid), the capacity
 * figures per node and per entry with where the tail comes from, the budgets,
 * the diagnostics and the assumptions, in units scaled for reading.
 */
export function renderMarkdown({ diagram, estimate, catalog }: Pick<ExportInput, 'diagram' | 'estimate' | 'catalog'>): string {
  const label = new Map(diagram.nodes.map((n) => [n.id, n.label]));
  const figures = new Map(estimate.nodes.map((n) => [n.id, n]));
  const name = (id: string) => markdownText(label.get(id) ?? id);
  const out: string[] = [`# ${markdownText(diagram.title)}`, ''];
  if (diagram.description) out.push(markdownText(diagram.description), '');
  const brief = diagram.brief;
  if (brief?.prompt) out.push('## The question', '', markdownBlock(brief.prompt), '');
  for (const step of STEP_KEYS) {
    const text = brief?.steps?.[step];
    if (text) out.push(`## ${STEP_TITLES[step]}`, '', markdownBlock(text), '');
  }
  out.push('## Architecture', '', codeFence(renderMermaid({ diagram, estimate, figures: true }).trimEnd(), 'mermaid'), '');

  if (estimate.entries.length > 0) {
    out.push('## End-to-end latency', '');
    out.push(table(
      ['Entry', 'Peak', 'Average', 'Mean', 'p50', 'p90', 'p99', 'p999'],
      estimate.entries.map((e) => {
        const l = e.latencyMs;
        return [label.get(e.node) ?? e.node, formatQps(e.qps.peak), formatQps(e.qps.avg), ...(l ? [l.mean, l.p50, l.p90, l.p99, l.p999].map((ms) => formatLatencyMs(ms, l.mean > 0)) : ['∞', '∞', '∞', '∞', '∞'])];
      }),
      new Set([1, 2, 3, 4, 5, 6, 7]),
    ), '');
    for (const e of estimate.entries.filter((x) => x.p99Breakdown.length > 0)) {
      out.push(`Where the slowest 1% of requests from ${name(e.node)} spend their time: ${e.p99Breakdown.map((b) => `${name(b.node)} ${formatMs(b.ms)}`).join(', ')}.`, '');
    }
  }

  out.push('## Components', '');
  out.push(table(
    ['Component', 'Kind', 'Peak', 'p99', 'Replicas', 'Utilization', 'Storage', 'Cost/month'],
    diagram.nodes.map((node) => {
      const f = figures.get(node.id);
      return [
        node.label,
        findKind(node.kind)?.label ?? node.kind,
        f ? formatQps(f.qps.peak) : '',
        f ? formatLatencyMs(f.latencyMs?.p99 ?? null, f.latencyMs?.mean !== 0) : '',
        f?.replicas === null || !f ? '—' : String(f.replicas),
        f?.utilization === null || !f ? '—' : formatPercent(f.utilization),
        f && f.storageBytes > 0 ? formatBytes(f.storageBytes) : '—',
        f && f.costUsdPerMonth.total > 0 ? formatUsd(f.costUsdPerMonth.total) : '—',
      ];
    }),
    new Set([2, 3, 4, 5, 6, 7]),
  ), '');
  out.push(`Total storage ${formatBytes(estimate.totals.storageBytes)}; total cost ${formatUsd(estimate.totals.costUsdPerMonth)} a month.`, '');
  const notes = diagram.nodes.filter((n) => n.notes);
  if (notes.length > 0) out.push('## Notes', '', table(['Component', 'Notes'], notes.map((n) => [n.label, n.notes!]), new Set()), '');

  const { p99Ms, monthlyCostUsd } = estimate.budgets;
  if (p99Ms || monthlyCostUsd) {
    out.push('## Budgets', '');
    if (p99Ms) out.push(`- p99: ${formatMs(p99Ms.actual)} against ${formatMs(p99Ms.limit)}: ${p99Ms.ok ? 'within budget' : '**over budget**'}`);
    if (monthlyCostUsd) out.push(`- Cost: ${formatUsd(monthlyCostUsd.actual ?? 0)}/month against ${formatUsd(monthlyCostUsd.limit)}/month: ${monthlyCostUsd.ok ? 'within budget' : '**over budget**'}`);
    out.push('');
  }
  out.push('## Diagnostics', '');
  out.push(estimate.diagnostics.length === 0 ? 'None: the design holds at its stated load.' : estimate.diagnostics.map((d) => `- **${d.severity}** (${d.code}): ${markdownText(d.message)}`).join('\n'), '');
  if (brief?.assumptions) out.push('## Assumptions', '', markdownBlock(brief.assumptions), '');
  const annotations = diagram.annotations ?? [];
  if (annotations.length > 0) {
    out.push('## Notes on the diagram', '', annotations.map((a) => `- ${a.kind === 'note' ? 'Sticky note' : 'Text'}: ${markdownText(a.text)}`).join('\n'), '');
  }
  out.push(...plannerSection(diagram, catalog));
  out.push(...scenarioSection(diagram, catalog));
  if (estimate.entries.length > 0 || estimate.nodes.length > 0) out.push(...derivationAppendix(diagram, estimate, catalog));
  return out.join('\n');
}

export const markdownFormat: ExportFormat = {
  id: 'markdown',
  label: 'Markdown design doc',
  extension: 'md',
  mimeType: 'text/markdown',
  binary: false,
  takesFigures: false,
  takesTheme: false,
  takesPaper: false,
  render: async (input) => onePiece(renderMarkdown(input)),
};
