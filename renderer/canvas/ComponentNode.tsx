import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { memo, useState } from 'react';
import { utilizationLevel } from '../../shared/estimator/utilization';
import { findKind } from '../../shared/kinds';
import { figureLine } from '../../shared/figureLine';
import { nodeSize } from '../../shared/layout/sizes';
import { formatPercent } from '../../shared/units';
import { useApp } from '../app/AppContext';
import { InlineRename } from './InlineRename';
import { KindIcon } from './KindIcon';
import type { ComponentData } from './toFlow';

function ComponentNodeView({ data, selected }: NodeProps<Node<ComponentData>>) {
  const { node, figures, severity } = data;
  const kind = findKind(node.kind);
  const ctx = useApp();
  const [editing, setEditing] = useState(false);
  const level = utilizationLevel(figures?.utilization);
  const { width, height, lines } = nodeSize(node.label);
  const rename = (label: string | null) => {
    setEditing(false);
    if (label) ctx.store.commit('Rename', (d) => void (d.nodes.find((n) => n.id === node.id)!.label = label));
  };
  return (
    <div
      className={`component-node${selected ? ' selected' : ''}${severity ? ` has-${severity}` : ''}`}
      style={{ '--kind-colour': kind?.colour ?? '#64748b', width, height } as React.CSSProperties}
      data-testid={`node-${node.id}`}
      data-utilization={level}
    >
      <Handle type="target" position={Position.Left} />
      <div className="component-head">
        <span className="component-icon"><KindIcon name={kind?.icon ?? 'server'} size={16} colour="#fff" /></span>
        {editing ? (
          <InlineRename value={node.label} label="Label" className="component-rename" onDone={rename} />
        ) : (
          <span className="component-label" title={node.label} onDoubleClick={() => setEditing(true)}>
            {lines.map((line, i) => <span key={i} className="component-label-line">{line}</span>)}
          </span>
        )}
      </div>
      <div className="component-kind">{kind?.label}</div>
      <div className="component-figures" data-testid={`figures-${node.id}`}>
        {figures && figureLine(node, figures).map((part) => <span key={part.title} title={part.title}>{part.text}</span>)}
      </div>
      {figures?.utilization !== null && figures?.utilization !== undefined && (
        <div className={`utilization utilization-${level}`} title={`Utilization ${formatPercent(figures.utilization)}`}>
          <div style={{ width: `${Math.min(100, figures.utilization * 100)}%` }} />
        </div>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);
