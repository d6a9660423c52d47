import { findKind } from '../../shared/kinds';
import type { Diagram, DiagramNode } from '../../shared/model/schema';

/** How a node is marked in a preview: found in both designs, missing from the other, or plain. */
export type PreviewMark = 'match' | 'missing' | undefined;

const WIDTH = 220;
const HEIGHT = 60;
const MARGIN = 30;

/**
 * A small, read-only drawing of a diagram (boxes at their positions, calls
 * as lines): for setting two designs side by side and for replays, where the
 * full canvas would be too heavy and must not be edited.
 */
export function DiagramPreview({ diagram, label, mark }: { diagram: Diagram; label: string; mark?: (node: DiagramNode) => PreviewMark }) {
  const placed = diagram.nodes.map((n, i) => ({ node: n, x: n.position?.x ?? (i % 4) * 260, y: n.position?.y ?? Math.floor(i / 4) * 120 }));
  const at = new Map(placed.map((p) => [p.node.id, p]));
  const minX = Math.min(0, ...placed.map((p) => p.x)) - MARGIN;
  const minY = Math.min(0, ...placed.map((p) => p.y)) - MARGIN;
  const width = Math.max(400, ...placed.map((p) => p.x + WIDTH)) - minX + MARGIN;
  const height = Math.max(200, ...placed.map((p) => p.y + HEIGHT)) - minY + MARGIN;
  return (
    <svg className="diagram-preview" role="img" aria-label={label} viewBox={`${minX} ${minY} ${width} ${height}`} preserveAspectRatio="xMidYMid meet">
      {diagram.edges.map((e) => {
        const a = at.get(e.source);
        const b = at.get(e.target);
        if (!a || !b) return null;
        return <line key={e.id} className={`preview-edge ${e.mode ?? 'sync'}`} x1={a.x + WIDTH} y1={a.y + HEIGHT / 2} x2={b.x} y2={b.y + HEIGHT / 2} />;
      })}
      {placed.map(({ node, x, y }) => {
        const state = mark?.(node);
        return (
          <g key={node.id} className={`preview-node${state ? ` ${state}` : ''}`} data-node={node.id} transform={`translate(${x} ${y})`}>
            <title>{`${node.label} (${findKind(node.kind)?.label ?? node.kind})${state === 'missing' ? ': not in your design' : state === 'match' ? ': in both' : ''}`}</title>
            <rect width={WIDTH} height={HEIGHT} rx={8} />
            <text x={12} y={26}>{node.label.length > 30 ? `${node.label.slice(0, 29)}…` : node.label}</text>
            <text x={12} y={46} className="preview-kind">{findKind(node.kind)?.label ?? node.kind}</text>
          </g>
        );
      })}
    </svg>
  );
}
