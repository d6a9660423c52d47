import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { GroupData } from './toFlow';

function GroupNodeView({ data }: NodeProps<Node<GroupData>>) {
  return (
    <div className="group-node" data-testid={`group-${data.label}`}>
      <span className="group-label">{data.label}</span>
    </div>
  );
}

/** A group container: a labelled box around its members; dragging it moves them. */
export const GroupNode = memo(GroupNodeView);
