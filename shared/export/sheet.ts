import { BUSY_UTILIZATION, HIGH_UTILIZATION } from '../estimator/utilization';
import { formatBytes, formatMs, formatQps, formatUsd } from '../units';
import { MARGIN } from './geometry';
import { MODE_DASH, textWidth, type Palette, type Shape } from './scene';
import type { ExportInput } from './types';
import { wrapLines } from './wrap';

const LINE = 16;

/** The title block's lines: each entry's peak rate and percentiles against the latency budget, cost against its budget, storage. */
export function titleBlockLines({ diagram, estimate }: Pick<ExportInput, 'diagram' | 'estimate'>): string[] {
  const label = new Map(diagram.nodes.map((n) => [n.id, n.label]));
  const p99Budget = estimate.budgets.p99Ms?.limit;
  const lines = estimate.entries.map((e) => {
    const figures = `${label.get(e.node) ?? e.node}: peak ${formatQps(e.qps.peak)} · p50 ${formatMs(e.latencyMs?.p50 ?? null)} · p99 ${formatMs(e.latencyMs?.p99 ?? null)}`;
    if (p99Budget === undefined) return figures;
    const within = e.latencyMs !== null && e.latencyMs.p99 <= p99Budget;
    return `${figures} against a p99 budget of ${formatMs(p99Budget)} (${within ? 'within' : 'over'})`;
  });
  const cost = estimate.budgets.monthlyCostUsd;
  const monthly = `Monthly cost ${formatUsd(estimate.totals.costUsdPerMonth)}`;
  lines.push(cost ? `${monthly} against a budget of ${formatUsd(cost.limit)} (${cost.ok ? 'within' : 'over'})` : monthly);
  lines.push(`Total storage ${formatBytes(estimate.totals.storageBytes)}`);
  return lines;
}

/** A short line drawn in an edge mode's style, then its name. */
function edgeSample(x: number, y: number, mode: 'sync' | 'async' | 'offline', name: string, t: Palette): Shape[] {
  return [
    { type: 'path', d: `M${x},${y - 4} L${x + 36},${y - 4}`, stroke: t[mode], strokeWidth: 1.6, dash: MODE_DASH[mode] },
    { type: 'text', x: x + 44, y, text: name, size: 11, colour: t.muted },
  ];
}

/**
 * The block under the diagram: its title, the headline figures (with
 * figures on) and a legend of edge styles and utilization colours, laid
 * out for a picture `width` wide from `top` down.
 */
export function sheetOf(input: ExportInput, width: number, top: number, t: Palette): { height: number; shapes: Shape[] } {
  const shapes: Shape[] = [{ type: 'path', d: `M${MARGIN},${top} L${width - MARGIN},${top}`, stroke: t.border, strokeWidth: 1 }];
  const chars = Math.max(20, Math.floor((width - 2 * MARGIN) / 6.2));
  let y = top + 28;
  for (const line of wrapLines(input.diagram.title, Math.floor(chars * 0.7))) {
    shapes.push({ type: 'text', x: MARGIN, y, text: line, size: 16, bold: true, colour: t.text });
    y += 22;
  }
  if (input.figures) {
    for (const line of titleBlockLines(input).flatMap((l) => wrapLines(l, chars))) {
      shapes.push({ type: 'text', x: MARGIN, y, text: line, size: 11, colour: t.text });
      y += LINE;
    }
  }
  y += 8;
  const legend: Shape[] = [{ type: 'text', x: MARGIN, y, text: 'Edges', size: 11, bold: true, colour: t.text }];
  let x = MARGIN + 56;
  for (const [mode, name] of [['sync', 'sync (caller waits)'], ['async', 'async (queued)'], ['offline', 'offline (batch data)']] as const) {
    legend.push(...edgeSample(x, y, mode, name, t));
    x += 44 + textWidth(name, 11) + 20;
  }
  if (input.figures) {
    y += LINE + 4;
    legend.push({ type: 'text', x: MARGIN, y, text: 'Utilization', size: 11, bold: true, colour: t.text });
    const [busy, high] = [BUSY_UTILIZATION * 100, HIGH_UTILIZATION * 100];
    x = MARGIN + 76;
    for (const [colour, name] of [[t.ok, `up to ${busy}%`], [t.busy, `${busy}–${high}%`], [t.hot, `${high}–100%`], [t.bad, 'saturated']] as const) {
      legend.push({ type: 'path', d: `M${x},${y - 9} h10 v10 h-10 Z`, fill: colour });
      legend.push({ type: 'text', x: x + 16, y, text: name, size: 11, colour: t.muted });
      x += 16 + textWidth(name, 11) + 20;
    }
  }
  shapes.push({ type: 'group', attributes: { class: 'legend' }, children: legend });
  return { height: y + MARGIN - top, shapes };
}
