import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { FigureRef } from '../../shared/explain';

/** What the derivation popover shows: the figures opened, the last one on top, and the element it points at. */
export interface ExplainView {
  trail: FigureRef[];
  anchor: DOMRect | null;
}

interface ExplainApi {
  view: ExplainView | null;
  /** Opens a figure's derivation beside the element that showed it; focus returns there on close. */
  open: (figure: FigureRef, from?: HTMLElement | null) => void;
  /** Follows a "why" link inside the popover to another figure. */
  follow: (figure: FigureRef) => void;
  back: () => void;
  close: () => void;
}

const Context = createContext<ExplainApi | null>(null);

/** Holds which derivation is open; the popover and every clickable figure share it. */
export function ExplainProvider({ children }: { children: React.ReactNode }) {
  const [view, setView] = useState<ExplainView | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = useCallback((figure: FigureRef, from?: HTMLElement | null) => {
    opener.current = from ?? null;
    setView({ trail: [figure], anchor: from?.getBoundingClientRect() ?? null });
  }, []);
  const follow = useCallback((figure: FigureRef) => setView((v) => (v ? { ...v, trail: [...v.trail, figure] } : v)), []);
  const back = useCallback(() => setView((v) => (v && v.trail.length > 1 ? { ...v, trail: v.trail.slice(0, -1) } : v)), []);
  const close = useCallback(() => {
    setView(null);
    opener.current?.focus();
    opener.current = null;
  }, []);
  const api = useMemo(() => ({ view, open, follow, back, close }), [view, open, follow, back, close]);
  return <Context.Provider value={api}>{children}</Context.Provider>;
}

/** The derivation popover's controls; outside a provider (a test of one panel) figures are plain text. */
export function useExplain(): ExplainApi | null {
  return useContext(Context);
}

/**
 * A figure a person can click (or focus and press Enter) to see how it is
 * derived; plain text where no derivation popover is available.
 */
export function ExplainButton({ figure, name, className, children }: { figure: FigureRef; name: string; className?: string; children: React.ReactNode }) {
  const explain = useExplain();
  if (!explain) return <>{children}</>;
  return (
    <button
      type="button"
      className={`explain-button${className ? ` ${className}` : ''}`}
      aria-label={`How ${name} is derived`}
      aria-haspopup="dialog"
      title={`How ${name} is derived`}
      onClick={(e) => explain.open(figure, e.currentTarget)}
    >
      {children}
    </button>
  );
}
