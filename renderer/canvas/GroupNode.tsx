import type { Node, NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useApp } from '../app/AppContext';
import { renameGroup } from '../state/commands';
import type { GroupData } from './toFlow';

function GroupNodeView({ id, data }: NodeProps<Node<GroupData>>) {
  const { store } = useApp();
  const [editing, setEditing] = useState(false);
  const groupId = id.replace(/^group:/, '');
  const rename = (label: string) => {
    setEditing(false);
    const trimmed = label.trim().slice(0, 120);
    if (trimmed && trimmed !== data.label) store.commit('Rename group', (d) => renameGroup(d, groupId, trimmed));
  };
  return (
    <div className="group-node" data-testid={`group-${groupId}`}>
      {editing ? (
        <input
          className="group-rename nodrag"
          aria-label="Group name"
          defaultValue={data.label}
          autoFocus
          onBlur={(e) => rename(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') rename(e.currentTarget.value);
            if (e.key === 'Escape') setEditing(false);
            e.stopPropagation();
          }}
        />
      ) : (
        <span className="group-label" title="Double-click to rename" onDoubleClick={() => setEditing(true)}>{data.label}</span>
      )}
    </div>
  );
}

/** A group container: a labelled box around its members; dragging it moves them; double-click its name to rename. */
export const GroupNode = memo(GroupNodeView);
