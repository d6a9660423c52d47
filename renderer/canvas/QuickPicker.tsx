import { useMemo, useState } from 'react';
import { searchKinds } from '../../shared/kinds/search';
import { KindIcon } from './KindIcon';

/** How many matches the picker lists. */
const SHOWN = 8;

/**
 * Add a component by name where the canvas was double-clicked: type to
 * filter (by the same names the palette knows), arrows to choose, Enter adds,
 * Escape or clicking elsewhere closes.
 */
export function QuickPicker({ x, y, onPick, onClose }: { x: number; y: number; onPick: (kindId: string) => void; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => searchKinds(query).slice(0, SHOWN), [query]);
  const chosen = matches[Math.min(active, matches.length - 1)];
  const onKeyDown = (event: React.KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (Math.min(a, matches.length - 1) + step + matches.length) % Math.max(1, matches.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (chosen) onPick(chosen.id);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <div className="quick-picker nodrag nowheel" style={{ left: x, top: y }}>
      <input
        autoFocus
        role="combobox"
        aria-label="Add a component"
        aria-expanded="true"
        aria-controls="quick-picker-list"
        aria-activedescendant={chosen ? `quick-pick-${chosen.id}` : undefined}
        placeholder="Add a component: ranker, Redis, FAISS…"
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={onClose}
      />
      <ul id="quick-picker-list" role="listbox" aria-label="Components">
        {matches.map((kind) => (
          <li
            key={kind.id}
            id={`quick-pick-${kind.id}`}
            role="option"
            aria-selected={kind === chosen}
            title={kind.description}
            // Keeps focus in the field, so its blur does not close the picker before the click lands.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(kind.id)}
          >
            <span className="palette-icon" style={{ background: kind.colour }}><KindIcon name={kind.icon} size={12} colour="#fff" /></span>
            {kind.label}
          </li>
        ))}
        {matches.length === 0 && <li className="muted" role="presentation">No component matches “{query}”</li>}
      </ul>
    </div>
  );
}
