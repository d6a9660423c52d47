import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ActionId } from '../../shared/actions';
import { actionSpec, describeKeys } from '../../shared/actions';
import type { Estimate } from '../../shared/estimator/output';
import { isEnabled } from '../actions/perform';
import { HeadlineFigures, WhatIf } from '../panels/Budgets';
import { isDirty, useEditor } from '../state/store';
import { useApp } from './AppContext';
import { MoreMenu } from './MoreMenu';
import { fitToolbar, MENU_ONLY, TOOLBAR_GROUPS } from './toolbarFit';
import { useRun } from './useActions';

/** What a toolbar button shows; its accessible name is always the action's label. */
const FACE: Partial<Record<ActionId, string>> = {
  'file.newFromBlueprint': 'Blueprints', 'file.export': 'Export…', 'edit.undo': '↶', 'edit.redo': '↷',
  'view.autoLayout': 'Auto layout', 'view.fit': 'Fit', 'practice.start': 'Practice', 'view.focusMode': 'Focus',
};

function ActionButton({ id, pressed }: { id: ActionId; pressed?: boolean }) {
  const ctx = useApp();
  const run = useRun();
  const enabled = useEditor(ctx.store, (s) => isEnabled(id, s));
  const dark = useEditor(ctx.store, (s) => s.theme === 'dark');
  const spec = actionSpec(id)!;
  const keys = spec.keys?.[0];
  const face = id === 'view.darkMode' ? (dark ? '☀' : '☾') : (FACE[id] ?? spec.label);
  return (
    <button
      type="button"
      className="tool"
      data-action={id}
      onClick={() => run(id)}
      disabled={!enabled}
      title={keys ? `${spec.label} (${describeKeys(keys, ctx.mac)})` : spec.label}
      aria-label={spec.label}
      aria-pressed={pressed}
    >
      {face}
    </button>
  );
}

/**
 * The toolbar's buttons that fit its width; the rest fold into the "More"
 * menu. Button widths are measured as they are drawn, the room left for them
 * is watched with a ResizeObserver.
 */
function useFittedActions(): { strip: React.RefObject<HTMLDivElement | null>; shown: Set<ActionId> } {
  const strip = useRef<HTMLDivElement>(null);
  const widthPx = useRef(new Map<ActionId, number>());
  const [availablePx, setAvailablePx] = useState(Number.POSITIVE_INFINITY);
  useLayoutEffect(() => {
    for (const button of strip.current?.querySelectorAll<HTMLElement>('[data-action]') ?? []) {
      widthPx.current.set(button.dataset.action as ActionId, button.offsetWidth);
    }
  });
  useEffect(() => {
    const element = strip.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => setAvailablePx(Math.floor(entries[0]!.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { strip, shown: fitToolbar(TOOLBAR_GROUPS, widthPx.current, availablePx) };
}

/** The top bar: document name, the commands that fit, "More", focus mode, the what-if slider and the headline figures. */
export function Toolbar({ estimate, hidden = false }: { estimate: Estimate | null; hidden?: boolean }) {
  const { store } = useApp();
  const name = useEditor(store, (s) => s.file.name);
  const dirty = useEditor(store, isDirty);
  const focus = useEditor(store, (s) => s.panels.focus);
  const { strip, shown } = useFittedActions();
  const folded = TOOLBAR_GROUPS.flat().map((item) => item.id).filter((id) => !shown.has(id));
  return (
    <header className="toolbar">
      <div className="brand">MLSD Studio</div>
      <div className="doc-name" title={name}>{name}{dirty && <span className="dirty" aria-label="unsaved changes"> •</span>}</div>
      <div className="tool-strip" ref={strip}>
        {TOOLBAR_GROUPS.map((group, g) => {
          const visible = group.filter((item) => shown.has(item.id));
          return visible.length === 0 ? null : (
            <div className="tool-group" key={g}>
              {visible.map((item) => <ActionButton key={item.id} id={item.id} />)}
            </div>
          );
        })}
      </div>
      <MoreMenu folded={folded} always={MENU_ONLY} />
      <ActionButton id="view.focusMode" pressed={focus} />
      <WhatIf />
      {hidden ? <div className="budget-bar muted">Figures hidden: estimate first</div> : <HeadlineFigures estimate={estimate} />}
    </header>
  );
}
