import type { Node, NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { NOTE_COLOUR } from '../../shared/layout/annotationBox';
import { useApp } from '../app/AppContext';
import { setAnnotationText } from '../state/commands';
import type { AnnotationData } from './toFlow';
import './annotations.css';

/**
 * A sticky note or free text on the canvas. Double-click edits the text in
 * place: leaving the field or Mod+Enter keeps it, Escape cancels; emptied
 * text removes the annotation (one undo step either way).
 */
function AnnotationNodeView({ data, selected }: NodeProps<Node<AnnotationData>>) {
  const { annotation, lines } = data;
  const ctx = useApp();
  const [editing, setEditing] = useState(false);
  const finish = (text: string | null) => {
    setEditing(false);
    if (text !== null && text.trim() !== annotation.text) ctx.store.commit('Edit Text', (d) => setAnnotationText(d, annotation.id, text));
  };
  const note = annotation.kind === 'note';
  return (
    <div
      className={`annotation-node annotation-${annotation.kind}${selected ? ' selected' : ''}`}
      style={note ? { background: annotation.colour ?? NOTE_COLOUR } : undefined}
      data-testid={`annotation-${annotation.id}`}
      onDoubleClick={() => setEditing(true)}
    >
      {editing ? (
        <textarea
          className="annotation-edit nodrag nowheel"
          aria-label={note ? 'Sticky note text' : 'Text'}
          defaultValue={annotation.text}
          maxLength={2000}
          autoFocus
          onBlur={(e) => finish(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) finish(e.currentTarget.value);
            if (e.key === 'Escape') finish(null);
            e.stopPropagation();
          }}
        />
      ) : (
        lines.map((line, i) => <div key={i} className="annotation-line">{line || '\u00a0'}</div>)
      )}
    </div>
  );
}

export const AnnotationNode = memo(AnnotationNodeView);
