import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Estimate } from '../../shared/estimator/output';
import { explainContext, explainFigure, formatValue } from '../../shared/explain';
import { useApp } from '../app/AppContext';
import { effectiveMultiplier, useEditor } from '../state/store';
import { useExplain } from './ExplainContext';
import { StepLine } from './Formula';

const WIDTH_PX = 480;
const MARGIN_PX = 8;

/** Where the popover goes: under the element it explains, kept inside the window. */
function placement(anchor: DOMRect | null, heightPx: number): React.CSSProperties {
  const width = Math.min(WIDTH_PX, window.innerWidth - 2 * MARGIN_PX);
  if (!anchor) return { width, left: (window.innerWidth - width) / 2, top: 80 };
  const left = Math.max(MARGIN_PX, Math.min(anchor.left, window.innerWidth - width - MARGIN_PX));
  const below = anchor.bottom + 6;
  const top = below + heightPx > window.innerHeight - MARGIN_PX ? Math.max(MARGIN_PX, anchor.top - heightPx - 6) : below;
  return { width, left, top };
}

/**
 * The derivation of the figure a person clicked: each step with the actual
 * inputs (a tooltip names where in the file each comes from), and "why"
 * links from the figures it uses to their own derivations. Escape or a
 * click outside closes it and gives focus back to the figure.
 */
export function ExplainPopover({ estimate }: { estimate: Estimate | null }) {
  const explain = useExplain();
  const { store } = useApp();
  const doc = useEditor(store, (s) => s.doc);
  const multiplier = useEditor(store, effectiveMultiplier);
  const box = useRef<HTMLDivElement>(null);
  const [heightPx, setHeightPx] = useState(0);
  const figure = explain?.view?.trail.at(-1);
  const derivation = useMemo(
    () => (figure && estimate ? explainFigure(explainContext(doc, estimate, { trafficMultiplier: multiplier }), figure) : null),
    [figure, estimate, doc, multiplier],
  );
  const open = explain?.view !== null && explain?.view !== undefined;
  const depth = explain?.view?.trail.length ?? 0;
  useLayoutEffect(() => {
    if (box.current) setHeightPx(box.current.offsetHeight);
  }, [derivation]);
  useEffect(() => {
    if (open) box.current?.focus();
  }, [open, depth]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      explain!.close();
    };
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node) && !(e.target as Element).closest?.('.explain-button')) explain!.close();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('mousedown', onDown);
    };
  }, [open, explain]);
  if (!explain?.view || !figure) return null;
  return (
    <div
      className="explain-popover"
      role="dialog"
      aria-label="How this figure is derived"
      tabIndex={-1}
      ref={box}
      style={placement(explain.view.anchor, heightPx)}
    >
      <header>
        {depth > 1 && <button type="button" className="link" onClick={explain.back}>← Back</button>}
        <h2>{derivation?.title ?? 'Estimating…'}</h2>
        <button type="button" className="close" aria-label="Close" onClick={explain.close}>×</button>
      </header>
      {derivation && (
        <>
          <div className="explain-value">
            {derivation.value === null ? 'no figure' : formatValue(derivation.value, derivation.unit)}
            <span className="explain-kind">
              {derivation.status === 'arithmetic' ? 'arithmetic on the inputs' : derivation.status === 'composed' ? 'read off a composed distribution' : 'not derived'}
            </span>
          </div>
          {derivation.steps.length > 0 && <ol className="steps">{derivation.steps.map((s, i) => <StepLine key={i} step={s} />)}</ol>}
          {derivation.note && <p className="explain-note">{derivation.note}</p>}
        </>
      )}
    </div>
  );
}
