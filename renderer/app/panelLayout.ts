/**
 * The window's panel layout: how wide the palette and inspector are, how tall
 * the diagnostics panel is, which of them are collapsed, focus mode and the
 * minimap. Remembered between sessions in the renderer's local storage (the
 * same store in Electron and in a browser).
 */

export type PanelName = 'palette' | 'inspector' | 'bottom';

export interface PanelLayout {
  /** Width in CSS pixels (palette, inspector) or height (bottom). */
  sizePx: Record<PanelName, number>;
  collapsed: Record<PanelName, boolean>;
  /** Focus mode hides every panel without forgetting which were open. */
  focus: boolean;
  minimap: boolean;
}

/** Smallest and largest size of each panel, in CSS pixels. */
export const PANEL_LIMITS_PX: Record<PanelName, { min: number; max: number }> = {
  palette: { min: 150, max: 400 },
  inspector: { min: 240, max: 560 },
  bottom: { min: 80, max: 480 },
};

export const DEFAULT_PANELS: PanelLayout = {
  sizePx: { palette: 200, inspector: 300, bottom: 140 },
  collapsed: { palette: false, inspector: false, bottom: false },
  focus: false,
  minimap: true,
};

const STORAGE_KEY = 'mlsd-studio.panels';

/** A panel size kept within its limits and rounded to whole pixels. */
export function clampPanelSize(panel: PanelName, sizePx: number): number {
  const { min, max } = PANEL_LIMITS_PX[panel];
  return Math.round(Math.min(max, Math.max(min, sizePx)));
}

/** Whether a panel is shown: not collapsed, and not in focus mode. */
export function panelShown(layout: PanelLayout, panel: PanelName): boolean {
  return !layout.focus && !layout.collapsed[panel];
}

/** The remembered layout, or the default for anything missing or malformed. */
export function readPanels(storage: Pick<Storage, 'getItem'> = localStorage): PanelLayout {
  let saved: Partial<PanelLayout> = {};
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
    if (parsed && typeof parsed === 'object') saved = parsed as Partial<PanelLayout>;
  } catch {
    // A damaged entry is forgotten: the default layout is always usable.
  }
  const panels = Object.keys(PANEL_LIMITS_PX) as PanelName[];
  const size = (p: PanelName) => (typeof saved.sizePx?.[p] === 'number' ? clampPanelSize(p, saved.sizePx[p]) : DEFAULT_PANELS.sizePx[p]);
  const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);
  return {
    sizePx: Object.fromEntries(panels.map((p) => [p, size(p)])) as PanelLayout['sizePx'],
    collapsed: Object.fromEntries(panels.map((p) => [p, flag(saved.collapsed?.[p], false)])) as PanelLayout['collapsed'],
    focus: flag(saved.focus, false),
    minimap: flag(saved.minimap, true),
  };
}

/** Remembers the layout; a full or unavailable storage only means it is not remembered. */
export function writePanels(layout: PanelLayout, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // Nothing to lose: the layout in use stays as it is.
  }
}
