import { useEffect, useRef } from 'react';
import { actionSpec, describeKeys, type ActionId } from '../../shared/actions';
import { isEnabled } from '../actions/perform';
import { useApp } from '../app/AppContext';
import { useRun } from '../app/useActions';
import { useEditor } from '../state/store';

/** One line of a context menu: an action from the action list, a canvas command, or a separator. */
export type MenuItem = ActionId | { label: string; run: () => void } | '-';

/** Moves focus between the menu's enabled items: by one, or to the first or last. */
function focusItem(menu: HTMLElement, move: 'next' | 'previous' | 'first' | 'last'): void {
  const items = [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')];
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const index = move === 'first' ? 0 : move === 'last' ? items.length - 1 : move === 'next' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
  items[index]!.focus();
}

/**
 * A right-click menu at a point of the canvas: the same actions, labels and
 * shortcuts as the application menus. Arrow keys move, Enter runs, Escape or
 * a click elsewhere closes it.
 */
export function ContextMenu({ x, y, label, items, onClose }: { x: number; y: number; label: string; items: readonly MenuItem[]; onClose: () => void }) {
  const ctx = useApp();
  const run = useRun();
  const state = useEditor(ctx.store, (s) => s);
  const menu = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    if (menu.current) focusItem(menu.current, 'first');
    const outside = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) close.current();
    };
    const escape = (event: KeyboardEvent) => event.key === 'Escape' && close.current();
    window.addEventListener('pointerdown', outside, true);
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('keydown', escape);
    };
  }, []);
  const onKeyDown = (event: React.KeyboardEvent) => {
    const moves: Record<string, 'next' | 'previous' | 'first' | 'last'> = { ArrowDown: 'next', ArrowUp: 'previous', Home: 'first', End: 'last' };
    const move = moves[event.key];
    // Keys used here must not also reach the editor's shortcuts (arrows nudge the selection).
    event.stopPropagation();
    if (move && menu.current) {
      event.preventDefault();
      focusItem(menu.current, move);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <div ref={menu} className="context-menu" role="menu" aria-label={label} style={{ left: x, top: y }} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      {items.map((item, i) => {
        if (item === '-') return <div key={i} role="separator" className="context-menu-separator" />;
        if (typeof item === 'object') {
          return (
            <button key={i} type="button" role="menuitem" onClick={() => { onClose(); item.run(); }}>
              <span>{item.label}</span>
            </button>
          );
        }
        const spec = actionSpec(item)!;
        const keys = spec.keys?.[0];
        return (
          <button key={i} type="button" role="menuitem" disabled={!isEnabled(item, state)} onClick={() => { onClose(); run(item); }}>
            <span>{spec.label}</span>
            {keys && <kbd>{describeKeys(keys, ctx.mac)}</kbd>}
          </button>
        );
      })}
    </div>
  );
}
