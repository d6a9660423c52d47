import { ACTIONS, type ActionId } from '../../shared/actions';

/** The shortcut string of a key event, in the form the action list uses ("Mod+Shift+Z"). */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, mac: boolean): string {
  const parts: string[] = [];
  if (mac ? event.metaKey : event.ctrlKey) parts.push('Mod');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey) parts.push('Shift');
  let key = event.key;
  if (key.length === 1) key = key.toUpperCase();
  if (key === '+') key = '=';
  if (key === '_') key = '-';
  if (key === '!' && event.shiftKey) key = '1';
  parts.push(key);
  return parts.join('+');
}

const byShortcut = new Map<string, ActionId>();
for (const action of ACTIONS) for (const keys of 'keys' in action ? action.keys : []) byShortcut.set(keys.toUpperCase(), action.id);

/** The action bound to a key event, if any. */
export function actionForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, mac: boolean): ActionId | undefined {
  return byShortcut.get(shortcutOf(event, mac).toUpperCase());
}

/** Whether focus is in a text field, where plain keys belong to the field. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** Shortcuts that still work while typing in a field (they are not text edits). */
export const GLOBAL_WHILE_TYPING: ReadonlySet<ActionId> = new Set(['file.new', 'file.open', 'file.import', 'file.save', 'file.saveAs', 'file.newFromBlueprint']);
