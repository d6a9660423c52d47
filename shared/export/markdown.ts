import { derivationAppendix } from '../explain/appendix';
import { findKind } from '../kinds';
import { scenarioSection } from '../scenarios/markdown';
import { STEP_KEYS } from '../model/schema';
import { formatBytes, formatLatencyMs, formatMs, formatPercent, formatQps, formatUsd } from '../units';
import { markdownBlock, markdownText } from './escape';
import { tableLines } from './markdownTable';
import { mermaidLines } from './mermaid';
import { joinPieces, linesAsPieces } from './pieces';
import { plannerSection } from '../planner/markdown';
import type { NodeEstimate } from '../estimator/output';
import type { Diagram } from '../model/schema';
import type { ExportFormat, ExportInput, TextPieces } from './types';

const STEP_TITLES: Record<(typeof STEP_KEYS)[number], string> = {
  requirements: 'Requirements', framing: 'Framing as an ML task', data: 'Data', model: 'Model',
  evaluation: 'Evaluation', serving: 'Serving', monitoring: 'Monitoring',
};

/**
 * Largest design whose document derives every figure: beyond it the appendix
 * (a dozen lines a component) would outweigh the rest of the document, and
 * `mlsd explain` gives the derivations.
 */
export const DOC_DERIVATIONS_MAX_NODES = 2_000;

/**
 * A design document: the brief, the diagram (as Mermaid), the capacity
 * figures per node and per entry with where the tail comes from, the budgets,
 * the diagnostics and the assumptions, in units scaled for reading; as pieces
 * to write one after another, so a large design's document is never held whole.
 */
export function markdownPieces(input: Pick<ExportInput, 'diagram' | 'estimate' | 'catalog'>): TextPieces {
  return withoutLastNewline(linesAsPieces(markdownLines(input)));
}

/** The design document (see `markdownPieces`) as one string. */
export function renderMarkdown(input: Pick<ExportInput, 'diagram' | 'estimate' | 'catalog'>): string {
  return joinPieces(markdownPieces(input));
}

/** The pieces with the newline after the last line left out: the document's lines are joined, not each ended. */
function* withoutLastNewline(pieces: TextPieces): TextPieces {
  let held: string | undefined;
  for (const piece of pieces) {
    if (held !== undefined) yield held;
    held = piece;
  }
  if (held !== undefined) yield held.slice(0, -1);
}

function* markdownLines({ diagram, estimate, catalog }: Pick<ExportInput, 'diagram' | 'estimate' | 'catalog'>): Generator<string, void, undefined> {
  const label = new Map(diagram.nodes.map((n) => [n.id, n.label]));
  const figures = new Map(estimate.nodes.map((n) => [n.id, n]));
  const name = (id: string) => markdownText(label.get(id) ?? id);
  yield* [`# ${markdownText(diagram.title)}`, ''];
  if (diagram.description) yield* [markdownText(diagram.description), ''];
  const brief = diagram.brief;
  if (brief?.prompt) yield* ['## The question', '', markdownBlock(brief.prompt), ''];
  for (const step of STEP_KEYS) {
    const text = brief?.steps?.[step];
    if (text) yield* [`## ${STEP_TITLES[step]}`, '', markdownBlock(text), ''];
  }
  // Written a line at a time: the flowchart holds no backtick, so a plain fence always holds it.
  yield* ['## Architecture', '', '```mermaid'];
  yield* mermaidLines({ diagram, estimate, figures: true });
  yield* ['```', ''];

  if (estimate.entries.length > 0) {
    yield* ['## End-to-end latency', ''];
    yield* tableLines(
      ['Entry', 'Peak', 'Average', 'Mean', 'p50', 'p90', 'p99', 'p999'],
      estimate.entries.map((e) => {
        const l = e.latencyMs;
        return [label.get(e.node) ?? e.node, formatQps(e.qps.peak), formatQps(e.qps.avg), ...(l ? [l.mean, l.p50, l.p90, l.p99, l.p999].map((ms) => formatLatencyMs(ms, l.mean > 0)) : ['∞', '∞', '∞', '∞', '∞'])];
      }),
      new Set([1, 2, 3, 4, 5, 6, 7]),
    );
    yield '';
    for (const e of estimate.entries) {
      if (e.p99Breakdown.length === 0) continue;
      yield* [`Where the slowest 1% of requests from ${name(e.node)} spend their time: ${e.p99Breakdown.map((b) => `${name(b.node)} ${formatMs(b.ms)}`).join(', ')}.`, ''];
    }
  }

  yield* ['## Components', ''];
  yield* tableLines(
    ['Component', 'Kind', 'Peak', 'p99', 'Replicas', 'Utilization', 'Storage', 'Cost/month'],
    componentRows(diagram, figures),
    new Set([2, 3, 4, 5, 6, 7]),
  );
  yield '';
  yield* [`Total storage ${formatBytes(estimate.totals.storageBytes)}; total cost ${formatUsd(estimate.totals.costUsdPerMonth)} a month.`, ''];
  const notes = diagram.nodes.filter((n) => n.notes);
  if (notes.length > 0) yield* ['## Notes', '', ...tableLines(['Component', 'Notes'], notes.map((n) => [n.label, n.notes!]), new Set()), ''];

  const { p99Ms, monthlyCostUsd } = estimate.budgets;
  if (p99Ms || monthlyCostUsd) {
    yield* ['## Budgets', ''];
    if (p99Ms) yield `- p99: ${formatMs(p99Ms.actual)} against ${formatMs(p99Ms.limit)}: ${p99Ms.ok ? 'within budget' : '**over budget**'}`;
    if (monthlyCostUsd) yield `- Cost: ${formatUsd(monthlyCostUsd.actual ?? 0)}/month against ${formatUsd(monthlyCostUsd.limit)}/month: ${monthlyCostUsd.ok ? 'within budget' : '**over budget**'}`;
    yield '';
  }
  yield* ['## Diagnostics', ''];
  if (estimate.diagnostics.length === 0) yield 'None: the design holds at its stated load.';
  for (const d of estimate.diagnostics) yield `- **${d.severity}** (${d.code}): ${markdownText(d.message)}`;
  yield '';
  if (brief?.assumptions) yield* ['## Assumptions', '', markdownBlock(brief.assumptions), ''];
  const annotations = diagram.annotations ?? [];
  if (annotations.length > 0) {
    yield* ['## Notes on the diagram', ''];
    for (const a of annotations) yield `- ${a.kind === 'note' ? 'Sticky note' : 'Text'}: ${markdownText(a.text)}`;
    yield '';
  }
  yield* plannerSection(diagram, catalog);
  yield* scenarioSection(diagram, catalog);
  if (estimate.entries.length === 0 && estimate.nodes.length === 0) return;
  if (diagram.nodes.length > DOC_DERIVATIONS_MAX_NODES) {
    yield* ['## How each number was derived', '', `Left out for a design of more than ${DOC_DERIVATIONS_MAX_NODES.toLocaleString('en-US')} components: \`mlsd explain\` and the app's inspector give each figure's derivation.`, ''];
  } else yield* derivationAppendix(diagram, estimate, catalog);
}

/** The Components table's rows, a node at a time. */
function* componentRows(diagram: Diagram, figures: ReadonlyMap<string, NodeEstimate>): Generator<string[], void, undefined> {
  for (const node of diagram.nodes) {
    const f = figures.get(node.id);
    yield [
      node.label,
      findKind(node.kind)?.label ?? node.kind,
      f ? formatQps(f.qps.peak) : '',
      f ? formatLatencyMs(f.latencyMs?.p99 ?? null, f.latencyMs?.mean !== 0) : '',
      f?.replicas === null || !f ? '—' : String(f.replicas),
      f?.utilization === null || !f ? '—' : formatPercent(f.utilization),
      f && f.storageBytes > 0 ? formatBytes(f.storageBytes) : '—',
      f && f.costUsdPerMonth.total > 0 ? formatUsd(f.costUsdPerMonth.total) : '—',
    ];
  }
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
  readsFullEstimate: true,
  render: async (input) => markdownPieces(input),
};
