import type { DiagramEdge } from '../model/schema';
import { formatQps } from '../units';

/** What an exported edge says: its calls (x8, "in turn" when sequential), its peak rate when figures are on, its label. */
export function edgeCaption(edge: DiagramEdge, peakQps: number | undefined, figures: boolean): string[] {
  return edgeCaptionWithRate(edge, figures && peakQps !== undefined ? formatQps(peakQps) : undefined);
}

/** An edge's caption (see `edgeCaption`) with its rate already written, or none. */
export function edgeCaptionWithRate(edge: DiagramEdge, rate: string | undefined): string[] {
  const parts: string[] = [];
  if ((edge.calls ?? 1) !== 1) parts.push(`×${edge.calls}${edge.fanout === 'sequential' ? ' in turn' : ''}`);
  if (rate !== undefined) parts.push(rate);
  if (edge.label) parts.push(edge.label);
  return parts;
}
