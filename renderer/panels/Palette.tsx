import { useMemo, useState } from 'react';
import { KINDS, type KindDefinition } from '../../shared/kinds';
import { searchKinds } from '../../shared/kinds/search';
import { useApp } from '../app/AppContext';
import { KIND_DRAG_TYPE } from '../canvas/Canvas';
import { KindIcon } from '../canvas/KindIcon';
import { placeNode } from '../canvas/placing';

const CATEGORIES: { id: KindDefinition['category']; label: string }[] = [
  { id: 'entry', label: 'Entry' },
  { id: 'serving', label: 'Serving' },
  { id: 'data', label: 'Data' },
  { id: 'ml', label: 'Models' },
  { id: 'pipeline', label: 'Pipelines' },
  { id: 'operations', label: 'Operations' },
];

/** Every component kind, searchable by the names people use ("FAISS", "Kafka"); drag one onto the canvas, or click to add it in the middle of the view. */
export function Palette() {
  const ctx = useApp();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => (query.trim() ? searchKinds(query) : KINDS), [query]);
  const add = (kind: KindDefinition) => {
    const flow = ctx.flow();
    const rect = document.querySelector('.canvas')?.getBoundingClientRect();
    const centre = flow && rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
    const offset = (ctx.store.getState().doc.nodes.length % 5) * 24;
    placeNode(ctx.store, kind.id, { x: centre.x + offset, y: centre.y + offset });
  };
  return (
    <nav className="palette" aria-label="Components">
      <input className="palette-search" type="search" placeholder="Search components" aria-label="Search components" value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      {CATEGORIES.map((category) => {
        const kinds = shown.filter((k) => k.category === category.id);
        if (kinds.length === 0) return null;
        return (
          <div key={category.id} className="palette-section">
            <h3>{category.label}</h3>
            {kinds.map((kind) => (
              <button
                key={kind.id}
                type="button"
                className="palette-item"
                title={kind.description}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData(KIND_DRAG_TYPE, kind.id);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => add(kind)}
              >
                <span className="palette-icon" style={{ background: kind.colour }}><KindIcon name={kind.icon} size={14} colour="#fff" /></span>
                {kind.label}
              </button>
            ))}
          </div>
        );
      })}
      {shown.length === 0 && <p className="muted">No component matches “{query}”.</p>}
    </nav>
  );
}
