import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { edgeCaption } from '../../shared/export/caption';
import { STAGE_MARKER_RADIUS } from '../../shared/layout/edgeGeometry';
import { edgeLabelSize } from '../../shared/layout/sizes';
import type { Position } from '../../shared/model/schema';
import { useApp } from '../app/AppContext';
import type { FlowEdgeData } from './toFlow';

/** Corner radius of a route's bends, px (smaller where a segment is short). */
const CORNER_PX = 6;
/** Width of an edge's clickable band, px: less than the room between two lanes, so a click never lands on a neighbour. */
export const EDGE_HIT_WIDTH = 8;

/** An SVG path through orthogonal points, with rounded corners. */
export function roundedPath(points: readonly Position[]): string {
  if (points.length === 0) return '';
  const parts = [`M${points[0]!.x},${points[0]!.y}`];
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1]!, points[i]!, points[i + 1]!];
    const r = Math.min(CORNER_PX, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const toward = (p: Position, q: Position) => {
      const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      return { x: p.x + ((q.x - p.x) / length) * r, y: p.y + ((q.y - p.y) / length) * r };
    };
    const before = toward(b, a);
    const after = toward(b, c);
    parts.push(`L${before.x},${before.y}`, `Q${b.x},${b.y} ${after.x},${after.y}`);
  }
  const last = points.at(-1)!;
  parts.push(`L${last.x},${last.y}`);
  return parts.join(' ');
}

function FlowEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<Edge<FlowEdgeData>>) {
  const { store } = useApp();
  const geometry = data?.geometry;
  const [fallbackPath, fallbackX, fallbackY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8 });
  const path = geometry ? roundedPath(geometry.points) : fallbackPath;
  const edge = data?.edge;
  const mode = edge?.mode ?? 'sync';
  const parts = edge ? edgeCaption(edge, data?.peakQps, true) : [];
  const size = edgeLabelSize(parts);
  const room = geometry?.label;
  const centre = room ? { x: room.x + room.width / 2, y: room.y + room.height / 2 } : { x: fallbackX, y: fallbackY };
  const select = (event: React.MouseEvent) => {
    event.stopPropagation();
    store.set({ selection: { nodes: [], edges: [id] } });
  };
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`flow-edge edge-${mode}${selected ? ' selected' : ''}`} interactionWidth={EDGE_HIT_WIDTH} />
      {geometry?.stage !== undefined && geometry.stageAt && (
        <g className="stage-marker" data-testid={`stage-${id}`} aria-label={`Stage ${geometry.stage}`}>
          <circle cx={geometry.stageAt.x} cy={geometry.stageAt.y} r={STAGE_MARKER_RADIUS} />
          <text x={geometry.stageAt.x} y={geometry.stageAt.y} textAnchor="middle" dominantBaseline="central">{geometry.stage}</text>
        </g>
      )}
      {size && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label edge-label-${mode}${selected ? ' selected' : ''} nopan`}
            style={{ width: size.width, height: size.height, transform: `translate(${centre.x - size.width / 2}px, ${centre.y - size.height / 2}px)` }}
            data-testid={`edge-label-${id}`}
            title={parts.join(' · ')}
            onClick={select}
          >
            {size.lines.map((line, i) => <div key={i}>{line}</div>)}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

/** An edge drawn along its route (auto layout's, or the router's around the nodes), by mode: sync solid, async dashed, offline dotted; captioned with calls and rate, and a numbered marker for its call stage. */
export const FlowEdge = memo(FlowEdgeView);
