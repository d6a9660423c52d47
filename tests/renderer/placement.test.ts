import { describe, expect, it } from 'vitest';
import { ACTIONS, type ActionId } from '../../shared/actions';
import { cornerBox, freeCorner, MINIMAP_PX } from '../../renderer/canvas/PlacedMiniMap';
import { clampPanelSize, PANEL_LIMITS_PX } from '../../renderer/app/panelLayout';
import { fitToolbar, GROUP_GAP_PX, TOOLBAR_GROUPS } from '../../renderer/app/toolbarFit';

describe('toolbar fitting', () => {
  const widths = new Map<ActionId, number>(TOOLBAR_GROUPS.flat().map((item) => [item.id, 50]));

  it('keeps every button when there is room, and none when there is none', () => {
    const all = TOOLBAR_GROUPS.flat().length * 50 + TOOLBAR_GROUPS.length * GROUP_GAP_PX;
    expect(fitToolbar(TOOLBAR_GROUPS, widths, all).size).toBe(TOOLBAR_GROUPS.flat().length);
    expect(fitToolbar(TOOLBAR_GROUPS, widths, all - 1).size).toBe(TOOLBAR_GROUPS.flat().length - 1);
    expect(fitToolbar(TOOLBAR_GROUPS, widths, 40).size).toBe(0);
  });

  it('folds the least used first: undo and redo stay longest, dark mode goes first', () => {
    expect([...fitToolbar(TOOLBAR_GROUPS, widths, 2 * 50 + GROUP_GAP_PX)]).toEqual(['edit.undo', 'edit.redo']);
    expect([...fitToolbar(TOOLBAR_GROUPS, widths, 3 * 50 + 2 * GROUP_GAP_PX)].sort()).toEqual(['edit.redo', 'edit.undo', 'file.save']);
    const all = TOOLBAR_GROUPS.flat().length * 50 + TOOLBAR_GROUPS.length * GROUP_GAP_PX;
    expect(fitToolbar(TOOLBAR_GROUPS, widths, all - 1).has('view.darkMode')).toBe(false);
  });

  it('never keeps a narrow, rarely used button while a more used one folds', () => {
    const narrowDarkMode = new Map(widths).set('view.darkMode', 10).set('view.fit', 200);
    const shown = fitToolbar(TOOLBAR_GROUPS, narrowDarkMode, 2 * 50 + 3 * 50 + 2 * GROUP_GAP_PX + 30);
    expect(shown.has('view.fit')).toBe(false);
    expect(shown.has('view.darkMode')).toBe(false);
  });
});

describe('minimap placement', () => {
  const { width, height, margin } = MINIMAP_PX;

  it('sits bottom right when nothing is there, else in the next free corner', () => {
    expect(freeCorner(800, 500, [])).toBe('bottom-right');
    expect(cornerBox('bottom-right', 800, 500)).toEqual({ x: 800 - margin - width, y: 500 - margin - height, width, height });
    const bottomRight = { x: 700, y: 420, width: 50, height: 30 };
    expect(freeCorner(800, 500, [bottomRight])).toBe('top-right');
    const topRight = { x: 760, y: 0, width: 40, height: 40 };
    expect(freeCorner(800, 500, [bottomRight, topRight])).toBe('top-left');
  });

  it('is hidden when every corner would cover a node', () => {
    const everywhere = [{ x: 0, y: 0, width: 800, height: 500 }];
    expect(freeCorner(800, 500, everywhere)).toBeNull();
  });

  it('treats boxes that only touch as apart', () => {
    const box = cornerBox('bottom-right', 800, 500);
    expect(freeCorner(800, 500, [{ x: box.x - 20, y: box.y, width: 20, height: 20 }])).toBe('bottom-right');
  });
});

describe('panel sizes', () => {
  it('stay within their limits, in whole pixels', () => {
    expect(clampPanelSize('palette', 10)).toBe(PANEL_LIMITS_PX.palette.min);
    expect(clampPanelSize('inspector', 1e6)).toBe(PANEL_LIMITS_PX.inspector.max);
    expect(clampPanelSize('bottom', 200.6)).toBe(201);
  });
});

describe('the action list', () => {
  it('gives every shortcut to one action only', () => {
    const keys = ACTIONS.flatMap((a) => ('keys' in a ? a.keys.map((k) => k.toUpperCase()) : []));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(['MOD+B', 'MOD+I', 'MOD+J', 'MOD+SHIFT+F', 'MOD+SHIFT+M']));
  });
});
