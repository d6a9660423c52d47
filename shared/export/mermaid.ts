import { findKind } from '../kinds';
import { nodesByGroup } from '../layout/groupBounds';
import type { Diagram } from '../model/schema';
import { captionsOf } from './drawing';
import { mermaidText } from './escape';
import { exportId } from './ids';
import { commentJson, diagramMetadata, edgeMetadata, nodeMetadata } from './metadata';
import { joinPieces, linesAsPieces } from './pieces';
import type { ExportFormat, ExportInput, TextPieces } from './types';

/**
 * The diagram as a Mermaid flowchart, left to right: groups as subgraphs,
 * sync edges solid, async dotted, offline thick; edge labels carry calls and
 * (with figures) the peak rate. Ids go through `exportId` (so no id is a
 * Mermaid keyword and "a-b" stays apart from "a_b"); every label is quoted
 * and written with Mermaid's entity codes, so it shows exactly as typed.
 * Comments at the end carry what the picture does not show (kinds,
 * numbers, notes, positions, the brief) for `mlsd import`.
 */
export function mermaidPieces(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>): TextPieces {
  return linesAsPieces(mermaidLines(input));
}

/** The Mermaid flowchart (see `mermaidPieces`) as one string. */
export function renderMermaid(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>): string {
  return joinPieces(mermaidPieces(input));
}

/**
 * The flowchart's lines (see `mermaidPieces`), made as they are read. No line
 * holds a backtick (labels use entity codes, comments \u escapes), so the
 * flowchart goes into a Markdown document inside a plain three-backtick fence.
 */
export function* mermaidLines(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>): Generator<string, void, undefined> {
  const { diagram } = input;
  const captions = captionsOf(input);
  yield 'flowchart LR';
  // The kind goes on a second line as a real line break: HTML tags in a label make Mermaid decode the entity codes before reading Markdown.
  const nodeLine = (n: Diagram['nodes'][number]) => `${exportId('node', n.id)}["${mermaidText(n.label)}\n${mermaidText(findKind(n.kind)?.label ?? n.kind)}"]`;
  const byGroup = nodesByGroup(diagram.nodes);
  for (const group of diagram.groups ?? []) {
    const members = byGroup.get(group.id) ?? [];
    if (members.length === 0) continue;
    yield `  subgraph ${exportId('group', group.id)}["${mermaidText(group.label)}"]`;
    for (const n of members) yield `    ${nodeLine(n)}`;
    yield '  end';
  }
  const groups = new Set((diagram.groups ?? []).map((g) => g.id));
  for (const n of diagram.nodes.filter((n) => !n.group || !groups.has(n.group))) yield `  ${nodeLine(n)}`;
  for (const e of diagram.edges) {
    const mode = e.mode ?? 'sync';
    const arrow = mode === 'async' ? '-.->' : mode === 'offline' ? '==>' : '-->';
    const caption = [...(mode !== 'sync' ? [mode] : []), ...(captions.has(e.id) ? [captions.get(e.id)!] : [])].join(' · ');
    yield `  ${exportId('node', e.source)} ${arrow}${caption ? `|"${mermaidText(caption)}"|` : ''} ${exportId('node', e.target)}`;
  }
  for (const n of diagram.nodes) {
    const colour = findKind(n.kind)?.colour;
    if (colour) yield `  style ${exportId('node', n.id)} stroke:${colour},stroke-width:3px`;
  }
  // Comments Mermaid ignores and `mlsd import` reads back: kinds and numbers, so a round trip loses nothing.
  yield `  %% mlsd diagram ${commentJson(diagramMetadata(diagram))}`;
  for (const n of diagram.nodes) yield `  %% mlsd node ${exportId('node', n.id)} ${commentJson(nodeMetadata(n))}`;
  for (const e of diagram.edges) yield `  %% mlsd edge ${exportId('edge', e.id)} ${commentJson({ ...edgeMetadata(e), ...(e.label !== undefined && { label: e.label }) })}`;
}

export const mermaidFormat: ExportFormat = {
  id: 'mermaid',
  label: 'Mermaid flowchart',
  extension: 'mmd',
  mimeType: 'text/vnd.mermaid',
  binary: false,
  takesFigures: true,
  takesTheme: false,
  takesPaper: false,
  readsFullEstimate: false,
  render: async (input) => mermaidPieces(input),
};
