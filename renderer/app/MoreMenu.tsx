import { useEffect, useRef, useState } from 'react';
import type { ActionId } from '../../shared/actions';
import { actionSpec, describeKeys } from '../../shared/actions';
import { isEnabled } from '../actions/perform';
import { useEditor, type EditorState } from '../state/store';
import { useApp } from './AppContext';
import { panelShown } from './panelLayout';
import { useRun } from './useActions';

/** Actions that switch something on or off, with whether it is on now. */
const CHECKED: Partial<Record<ActionId, (s: EditorState) => boolean>> = {
  'view.togglePalette': (s) => panelShown(s.panels, 'palette'),
  'view.toggleInspector': (s) => panelShown(s.panels, 'inspector'),
  'view.toggleDiagnostics': (s) => panelShown(s.panels, 'bottom'),
  'view.minimap': (s) => s.panels.minimap,
  'view.darkMode': (s) => s.theme === 'dark',
};

function MenuItem({ id, onRun }: { id: ActionId; onRun: (id: ActionId) => void }) {
  const ctx = useApp();
  const enabled = useEditor(ctx.store, (s) => isEnabled(id, s));
  const checked = useEditor(ctx.store, (s) => CHECKED[id]?.(s));
  const spec = actionSpec(id)!;
  const keys = spec.keys?.[0];
  return (
    <button
      type="button"
      role={checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
      aria-checked={checked}
      className="menu-item"
      disabled={!enabled}
      tabIndex={-1}
      onClick={() => onRun(id)}
    >
      <span className="menu-check" aria-hidden="true">{checked ? '✓' : ''}</span>
      <span className="menu-label">{spec.label}</span>
      {keys && <kbd className="menu-keys">{describeKeys(keys, ctx.mac)}</kbd>}
    </button>
  );
}

/**
 * The toolbar's "More" menu: the buttons that did not fit the window's width,
 * then the actions that live only here. Arrow keys move between items, Escape
 * closes it and returns to the button.
 */
export function MoreMenu({ folded, always }: { folded: readonly ActionId[]; always: readonly ActionId[] }) {
  const run = useRun();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  const items = () => [...(root.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)') ?? [])];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!open) return;
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 };
    if (event.key in move) list.at(move[event.key]! % list.length)?.focus();
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') setOpen(false);
    else return;
    // Arrow keys would otherwise nudge the selected nodes as well.
    event.stopPropagation();
    if (event.key !== 'Tab') event.preventDefault();
  };

  const choose = (id: ActionId) => {
    close(true);
    run(id);
  };

  return (
    <div className="more" ref={root} onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={trigger}
        className="tool more-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'toolbar-more-menu' : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            event.stopPropagation();
            setOpen(true);
          }
        }}
      >
        More <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="menu" role="menu" id="toolbar-more-menu" aria-label="More actions">
          {folded.map((id) => <MenuItem key={id} id={id} onRun={choose} />)}
          {folded.length > 0 && <div role="separator" className="menu-separator" />}
          {always.map((id) => <MenuItem key={id} id={id} onRun={choose} />)}
        </div>
      )}
    </div>
  );
}
