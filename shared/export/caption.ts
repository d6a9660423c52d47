import type { DiagramEdge } from '../model/schema';
import { formatQps } from '../units';

/** What an exported edge says: its calls (x8, "in turn" when sequential), its peak rate when figures are on, its label. */
export function edgeCaption(edge: DiagramEdge, peakQps: number | undefined, figures: boolean): string[] {
  const parts: string[] = [];
  if ((edge.calls ?? 1) !== 1) parts.push(`×${edge.calls}${edge.fanout === 'sequential' ? ' in turn' : ''}`);
  if (figures && peakQps !== undefined) parts.push(formatQps(peakQps));
  if (edge.label) parts.push(edge.label);
  return parts;
}
