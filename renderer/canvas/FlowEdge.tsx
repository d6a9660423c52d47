import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { formatQps } from '../../shared/units';
import type { FlowEdgeData } from './toFlow';

function FlowEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<Edge<FlowEdgeData>>) {
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8 });
  const edge = data?.edge;
  const mode = edge?.mode ?? 'sync';
  const calls = edge?.calls ?? 1;
  const parts: string[] = [];
  if (calls !== 1) parts.push(`×${calls}${edge?.fanout === 'sequential' ? ' in turn' : ''}`);
  if (data?.peakQps !== undefined) parts.push(formatQps(data.peakQps));
  if (edge?.label) parts.push(edge.label);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`flow-edge edge-${mode}${selected ? ' selected' : ''}`} interactionWidth={16} />
      {parts.length > 0 && (
        <EdgeLabelRenderer>
          <div className={`edge-label edge-label-${mode}`} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }} data-testid={`edge-label-${id}`}>
            {parts.join(' · ')}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

/** An edge drawn by its mode: sync solid, async dashed, offline dotted; labelled with calls and rate. */
export const FlowEdge = memo(FlowEdgeView);
