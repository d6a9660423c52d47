import { useMemo, useState } from 'react';
import { KINDS, type KindDefinition } from '../../shared/kinds';
import { NODE_HEIGHT, NODE_WIDTH } from '../../shared/layout/elkGraph';
import { useApp } from '../app/AppContext';
import { KIND_DRAG_TYPE } from '../canvas/Canvas';
import { KindIcon } from '../canvas/KindIcon';
import { addNode } from '../state/commands';

const CATEGORIES: { id: KindDefinition['category']; label: string }[] = [
  { id: 'entry', label: 'Entry' },
  { id: 'serving', label: 'Serving' },
  { id: 'data', label: 'Data' },
  { id: 'ml', label: 'Models' },
  { id: 'pipeline', label: 'Pipelines' },
  { id: 'operations', label: 'Operations' },
];

/** Every component kind, searchable; drag one onto the canvas, or click to add it in the middle of the view. */
export function Palette() {
  const ctx = useApp();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? KINDS.filter((k) => `${k.label} ${k.id} ${k.description}`.toLowerCase().includes(q)) : KINDS;
  }, [query]);
  const add = (kind: KindDefinition) => {
    const flow = ctx.flow();
    const rect = document.querySelector('.canvas')?.getBoundingClientRect();
    const centre = flow && rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
    const offset = (ctx.store.getState().doc.nodes.length % 5) * 24;
    let id = '';
    ctx.store.commit('Add node', (d) => {
      id = addNode(d, kind.id, { x: centre.x - NODE_WIDTH / 2 + offset, y: centre.y - NODE_HEIGHT / 2 + offset });
    });
    ctx.store.set({ selection: { nodes: [id], edges: [] } });
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
