import { useRef } from 'react';
import { useEditor } from '../state/store';
import { useApp } from './AppContext';
import { clampPanelSize, PANEL_LIMITS_PX, type PanelName } from './panelLayout';

/** Pixels one arrow key press moves a splitter; with Shift, four times as far. */
const KEY_STEP_PX = 16;

const NAMES: Record<PanelName, string> = { palette: 'palette', inspector: 'inspector', bottom: 'diagnostics panel' };

/**
 * The handle between a panel and the canvas: drag it, or focus it and use the
 * arrow keys (Home and End for the limits, Enter to collapse the panel).
 * `grows` is the pointer direction that makes the panel bigger.
 */
export function Splitter({ panel, grows }: { panel: PanelName; grows: 'right' | 'left' | 'up' }) {
  const { store } = useApp();
  const sizePx = useEditor(store, (s) => s.panels.sizePx[panel]);
  const drag = useRef<{ start: number; sizePx: number } | null>(null);
  const vertical = grows !== 'up';
  const sign = grows === 'right' ? 1 : -1;
  const { min, max } = PANEL_LIMITS_PX[panel];

  const resize = (next: number) => {
    const panels = store.getState().panels;
    store.set({ panels: { ...panels, sizePx: { ...panels.sizePx, [panel]: clampPanelSize(panel, next) } } });
  };
  const at = (event: React.PointerEvent) => (vertical ? event.clientX : event.clientY);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const step = event.shiftKey ? KEY_STEP_PX * 4 : KEY_STEP_PX;
    const bigger = vertical ? (grows === 'right' ? 'ArrowRight' : 'ArrowLeft') : 'ArrowUp';
    const smaller = vertical ? (grows === 'right' ? 'ArrowLeft' : 'ArrowRight') : 'ArrowDown';
    let next: number | null = null;
    if (event.key === bigger) next = sizePx + step;
    else if (event.key === smaller) next = sizePx - step;
    else if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    else if (event.key === 'Enter') {
      const panels = store.getState().panels;
      store.set({ panels: { ...panels, collapsed: { ...panels.collapsed, [panel]: true } } });
    } else return;
    // The arrow keys also nudge selected nodes; on a splitter they only resize.
    event.preventDefault();
    event.stopPropagation();
    if (next !== null) resize(next);
  };

  return (
    <div
      className={`splitter splitter-${vertical ? 'vertical' : 'horizontal'}`}
      role="separator"
      tabIndex={0}
      aria-label={`Resize ${NAMES[panel]}`}
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-valuenow={sizePx}
      aria-valuemin={min}
      aria-valuemax={max}
      data-panel={panel}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture?.(event.pointerId);
        drag.current = { start: at(event), sizePx };
        event.preventDefault();
      }}
      onPointerMove={(event) => {
        if (drag.current) resize(drag.current.sizePx + sign * (at(event) - drag.current.start));
      }}
      onPointerUp={(event) => {
        drag.current = null;
        event.currentTarget.releasePointerCapture?.(event.pointerId);
      }}
      onPointerCancel={() => void (drag.current = null)}
    />
  );
}
