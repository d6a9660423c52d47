import type { ActionId } from '../../shared/actions';

/** A toolbar button: its action, and how long it stays visible as the window narrows (higher stays longer). */
export interface ToolbarItem {
  id: ActionId;
  priority: number;
}

/** The toolbar's buttons in display order, in groups separated by a rule. */
export const TOOLBAR_GROUPS: readonly (readonly ToolbarItem[])[] = [
  [{ id: 'file.new', priority: 5 }, { id: 'file.newFromBlueprint', priority: 6 }, { id: 'file.open', priority: 8 }, { id: 'file.save', priority: 9 }, { id: 'file.export', priority: 6 }],
  [{ id: 'edit.undo', priority: 10 }, { id: 'edit.redo', priority: 10 }, { id: 'edit.delete', priority: 4 }],
  [{ id: 'view.autoLayout', priority: 7 }, { id: 'view.fit', priority: 7 }, { id: 'view.darkMode', priority: 2 }],
  [{ id: 'practice.start', priority: 3 }],
];

/** Actions only in the "More" menu: used less often, or with a shortcut most people learn. */
export const MENU_ONLY: readonly ActionId[] = [
  'file.saveAs', 'file.import', 'edit.copyAsPng', 'edit.copyAsSvg', 'view.zoomIn', 'view.zoomOut', 'view.layoutSelection',
  'view.togglePalette', 'view.toggleInspector', 'view.toggleDiagnostics', 'view.minimap', 'view.simulate', 'help.shortcuts',
];

/** Pixels between two groups (gap, rule and padding). */
export const GROUP_GAP_PX = 11;

/**
 * Which toolbar buttons fit in `availablePx`, given each button's width:
 * the highest priorities first, ties broken by display order, until one does
 * not fit. Returns the ids that stay; the rest go into the "More" menu.
 */
export function fitToolbar(groups: readonly (readonly ToolbarItem[])[], widthPx: ReadonlyMap<ActionId, number>, availablePx: number): Set<ActionId> {
  const order = groups.flatMap((group, g) => group.map((item, i) => ({ ...item, g, i })));
  const ranked = [...order].sort((a, b) => b.priority - a.priority || a.g - b.g || a.i - b.i);
  const shown = new Set<ActionId>();
  const groupsUsed = new Set<number>();
  let usedPx = 0;
  for (const item of ranked) {
    const extra = (widthPx.get(item.id) ?? 0) + (groupsUsed.has(item.g) ? 0 : GROUP_GAP_PX);
    // Strictly by priority: a narrow, rarely used button never stays while a more used one folds.
    if (usedPx + extra > availablePx) break;
    usedPx += extra;
    shown.add(item.id);
    groupsUsed.add(item.g);
  }
  return shown;
}
