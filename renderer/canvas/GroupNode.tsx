import type { Node, NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useApp } from '../app/AppContext';
import { renameGroup } from '../state/commands';
import { useEditor } from '../state/store';
import { InlineRename } from './InlineRename';
import type { GroupData } from './toFlow';

function GroupNodeView({ id, data }: NodeProps<Node<GroupData>>) {
  const { store } = useApp();
  const [editing, setEditing] = useState(false);
  const groupId = id.replace(/^group:/, '');
  const selected = useEditor(store, (s) => !!s.selection.groups?.includes(groupId) && data.members.every((m) => s.selection.nodes.includes(m)));
  const rename = (label: string | null) => {
    setEditing(false);
    if (label) store.commit('Rename group', (d) => renameGroup(d, groupId, label));
  };
  return (
    <div className={`group-node${selected ? ' selected' : ''}`} data-testid={`group-${groupId}`}>
      {editing ? (
        <InlineRename value={data.label} label="Group name" className="group-rename" onDone={rename} />
      ) : (
        <span className="group-label" title="Double-click to rename" onDoubleClick={() => setEditing(true)}>{data.label}</span>
      )}
    </div>
  );
}

/** A group container: a labelled box around its members; a click selects it, dragging it moves them; double-click its name to rename. */
export const GroupNode = memo(GroupNodeView);
