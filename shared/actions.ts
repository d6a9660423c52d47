/**
 * Every user command, named once: its label, keyboard shortcuts and the menu
 * it appears in. The renderer implements each id once and runs it the same way
 * from keys, menus, toolbar buttons and tests; Electron builds its native
 * menus from this list.
 */

export type MenuName = 'file' | 'edit' | 'view' | 'help';

export interface ActionSpec {
  id: string;
  label: string;
  /** Shortcuts in the form "Mod+Shift+Z" (Mod is Cmd on macOS, Ctrl elsewhere). */
  keys?: readonly string[];
  menu?: MenuName;
  /** Draws a separator before the item in its menu. */
  separatorBefore?: boolean;
}

export const ACTIONS = [
  { id: 'file.new', label: 'New', keys: ['Mod+N'], menu: 'file' },
  { id: 'file.newFromBlueprint', label: 'New from Blueprint…', keys: ['Mod+Shift+N'], menu: 'file' },
  { id: 'file.open', label: 'Open…', keys: ['Mod+O'], menu: 'file', separatorBefore: true },
  { id: 'file.import', label: 'Import…', keys: ['Mod+Shift+O'], menu: 'file' },
  { id: 'file.save', label: 'Save', keys: ['Mod+S'], menu: 'file', separatorBefore: true },
  { id: 'file.saveAs', label: 'Save As…', keys: ['Mod+Shift+S'], menu: 'file' },
  { id: 'file.export', label: 'Export…', keys: ['Mod+E'], menu: 'file', separatorBefore: true },
  { id: 'practice.start', label: 'Practice an Interview…', keys: ['Mod+Shift+P'], menu: 'file', separatorBefore: true },
  { id: 'practice.host', label: 'Host a Mock Interview…', menu: 'file' },
  { id: 'edit.undo', label: 'Undo', keys: ['Mod+Z'], menu: 'edit' },
  { id: 'edit.redo', label: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'], menu: 'edit' },
  { id: 'edit.cut', label: 'Cut', keys: ['Mod+X'], menu: 'edit', separatorBefore: true },
  { id: 'edit.copy', label: 'Copy', keys: ['Mod+C'], menu: 'edit' },
  { id: 'edit.paste', label: 'Paste', keys: ['Mod+V'], menu: 'edit' },
  { id: 'edit.copyAsPng', label: 'Copy as PNG', keys: ['Mod+Shift+C'], menu: 'edit' },
  { id: 'edit.copyAsSvg', label: 'Copy as SVG', menu: 'edit' },
  { id: 'edit.duplicate', label: 'Duplicate', keys: ['Mod+D'], menu: 'edit' },
  { id: 'edit.delete', label: 'Delete', keys: ['Delete', 'Backspace'], menu: 'edit' },
  { id: 'edit.selectAll', label: 'Select All', keys: ['Mod+A'], menu: 'edit', separatorBefore: true },
  { id: 'edit.group', label: 'Group Selection', keys: ['Mod+G'], menu: 'edit', separatorBefore: true },
  { id: 'edit.ungroup', label: 'Ungroup', keys: ['Mod+Shift+G'], menu: 'edit' },
  { id: 'edit.addNote', label: 'Add Sticky Note', keys: ['N'], menu: 'edit', separatorBefore: true },
  { id: 'edit.addText', label: 'Add Text', keys: ['T'], menu: 'edit' },
  { id: 'edit.nudgeLeft', label: 'Nudge Left', keys: ['ArrowLeft'] },
  { id: 'edit.nudgeRight', label: 'Nudge Right', keys: ['ArrowRight'] },
  { id: 'edit.nudgeUp', label: 'Nudge Up', keys: ['ArrowUp'] },
  { id: 'edit.nudgeDown', label: 'Nudge Down', keys: ['ArrowDown'] },
  { id: 'edit.nudgeLeftFar', label: 'Nudge Left 10x', keys: ['Shift+ArrowLeft'] },
  { id: 'edit.nudgeRightFar', label: 'Nudge Right 10x', keys: ['Shift+ArrowRight'] },
  { id: 'edit.nudgeUpFar', label: 'Nudge Up 10x', keys: ['Shift+ArrowUp'] },
  { id: 'edit.nudgeDownFar', label: 'Nudge Down 10x', keys: ['Shift+ArrowDown'] },
  { id: 'view.fit', label: 'Fit to Screen', keys: ['Shift+1'], menu: 'view' },
  { id: 'view.zoomIn', label: 'Zoom In', keys: ['Mod+='], menu: 'view' },
  { id: 'view.zoomOut', label: 'Zoom Out', keys: ['Mod+-'], menu: 'view' },
  { id: 'view.autoLayout', label: 'Auto Layout', keys: ['Mod+Shift+L'], menu: 'view', separatorBefore: true },
  { id: 'view.layoutSelection', label: 'Lay Out Selection', menu: 'view' },
  { id: 'view.togglePalette', label: 'Show or Hide Palette', keys: ['Mod+B'], menu: 'view', separatorBefore: true },
  { id: 'view.toggleInspector', label: 'Show or Hide Inspector', keys: ['Mod+I'], menu: 'view' },
  { id: 'view.toggleDiagnostics', label: 'Show or Hide Diagnostics', keys: ['Mod+J'], menu: 'view' },
  { id: 'view.focusMode', label: 'Focus Mode', keys: ['Mod+Shift+F'], menu: 'view' },
  { id: 'view.minimap', label: 'Show or Hide Minimap', keys: ['Mod+Shift+M'], menu: 'view' },
  { id: 'view.simulate', label: 'Check by Simulation…', menu: 'view', separatorBefore: true },
  { id: 'view.darkMode', label: 'Dark Mode', keys: ['Mod+Shift+D'], menu: 'view', separatorBefore: true },
  { id: 'help.shortcuts', label: 'Keyboard Shortcuts', keys: ['Shift+?'], menu: 'help' },
] as const satisfies readonly ActionSpec[];

export type ActionId = (typeof ACTIONS)[number]['id'];

const byId = new Map<string, ActionSpec>(ACTIONS.map((a) => [a.id, a]));

/** The spec of an action id, or undefined. */
export function actionSpec(id: string): ActionSpec | undefined {
  return byId.get(id);
}

/** "Mod+Shift+Z" as shown to a person on this platform: "⌘⇧Z" on macOS, "Ctrl+Shift+Z" elsewhere. */
export function describeKeys(keys: string, mac: boolean): string {
  if (!mac) return keys.replace('Mod', 'Ctrl');
  return keys.replace('Mod+', '⌘').replace('Shift+', '⇧').replace('Alt+', '⌥');
}
