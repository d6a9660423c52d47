import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { edgeCaption } from '../../shared/export/caption';
import type { FlowEdgeData } from './toFlow';

function FlowEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<Edge<FlowEdgeData>>) {
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8 });
  const edge = data?.edge;
  const mode = edge?.mode ?? 'sync';
  const parts = edge ? edgeCaption(edge, data?.peakQps, true) : [];
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
