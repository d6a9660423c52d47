import { edgeRates } from '../estimator/edgeRates';
import { edgeCaption } from './caption';
import { findKind } from '../kinds';
import type { Diagram } from '../model/schema';
import type { ExportFormat, ExportInput } from './types';

/** Mermaid-safe text inside a quoted label. */
function label(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[\[\]{}<>|]/g, ' ');
}

/**
 * A Mermaid id for a node or group: prefixed so no id can be a Mermaid
 * keyword ("end", "graph") or clash between a group and a node, and with "-"
 * (which Mermaid reads as part of an arrow) replaced.
 */
function id(raw: string, prefix = 'n'): string {
  return `${prefix}_${raw.replace(/-/g, '_')}`;
}

/**
 * The diagram as a Mermaid flowchart, left to right: groups as subgraphs,
 * sync edges solid, async dotted, offline thick; edge labels carry calls and
 * (with figures) the peak rate.
 */
export function renderMermaid({ diagram, estimate, figures }: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>): string {
  const rates = edgeRates(diagram, estimate);
  const lines = ['flowchart LR'];
  const nodeLine = (n: Diagram['nodes'][number]) => `${id(n.id)}["${label(n.label)}<br/><small>${label(findKind(n.kind)?.label ?? n.kind)}</small>"]`;
  for (const group of diagram.groups ?? []) {
    const members = diagram.nodes.filter((n) => n.group === group.id);
    if (members.length === 0) continue;
    lines.push(`  subgraph ${id(group.id, 'g')}["${label(group.label)}"]`);
    for (const n of members) lines.push(`    ${nodeLine(n)}`);
    lines.push('  end');
  }
  const groups = new Set((diagram.groups ?? []).map((g) => g.id));
  for (const n of diagram.nodes.filter((n) => !n.group || !groups.has(n.group))) lines.push(`  ${nodeLine(n)}`);
  for (const e of diagram.edges) {
    const mode = e.mode ?? 'sync';
    const arrow = mode === 'async' ? '-.->' : mode === 'offline' ? '==>' : '-->';
    const parts = [...(mode !== 'sync' ? [mode] : []), ...edgeCaption(e, rates.get(e.id)?.peak, figures)];
    lines.push(`  ${id(e.source)} ${arrow}${parts.length ? `|"${label(parts.join(' · '))}"|` : ''} ${id(e.target)}`);
  }
  for (const n of diagram.nodes) {
    const colour = findKind(n.kind)?.colour;
    if (colour) lines.push(`  style ${id(n.id)} stroke:${colour},stroke-width:3px`);
  }
  return `${lines.join('\n')}\n`;
}

export const mermaidFormat: ExportFormat = {
  id: 'mermaid',
  label: 'Mermaid flowchart',
  extension: 'mmd',
  mimeType: 'text/vnd.mermaid',
  binary: false,
  takesFigures: true,
  takesTheme: false,
  render: async (input) => renderMermaid(input),
};
