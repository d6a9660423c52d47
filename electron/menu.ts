import type { MenuItemConstructorOptions } from 'electron';
import { ACTIONS, type ActionSpec, type MenuName } from '../shared/actions';

const MENU_TITLES: Record<MenuName, string> = { file: 'File', edit: 'Edit', view: 'View', help: 'Help' };

/** Electron's accelerator for a shortcut ("Mod+Shift+Z" -> "CmdOrCtrl+Shift+Z"). */
export function accelerator(keys: string): string {
  return keys.replace('Mod', 'CmdOrCtrl').replace('Delete', 'Delete').replace('Shift+?', 'Shift+/');
}

/**
 * The native menus, built from the one action list: each item sends its
 * action id to the renderer, which runs it exactly as the keyboard would. The
 * shortcuts are shown but handled by the renderer, so they fire once.
 */
export function menuTemplate(
  run: (id: string) => void,
  recent: readonly { ref: string; name: string }[],
  openRecent: (ref: string) => void,
  mac: boolean,
): MenuItemConstructorOptions[] {
  const item = (action: ActionSpec): MenuItemConstructorOptions => ({
    label: action.label,
    click: () => run(action.id),
    ...(action.keys?.[0] ? { accelerator: accelerator(action.keys[0]), registerAccelerator: false } : {}),
  });
  const section = (menu: MenuName): MenuItemConstructorOptions[] =>
    (ACTIONS as readonly ActionSpec[]).filter((a) => a.menu === menu).flatMap((a) => (a.separatorBefore ? [{ type: 'separator' as const }, item(a)] : [item(a)]));
  const recentMenu: MenuItemConstructorOptions = {
    label: 'Open Recent',
    submenu: recent.length > 0 ? recent.map((r) => ({ label: r.name, toolTip: r.ref, click: () => openRecent(r.ref) })) : [{ label: 'No recent files', enabled: false }],
  };
  const file = section('file');
  const openIndex = file.findIndex((i) => i.label === 'Open…');
  file.splice(openIndex + 1, 0, recentMenu);
  if (!mac) file.push({ type: 'separator' }, { role: 'quit', label: 'Exit' });
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    { label: MENU_TITLES.file, submenu: file },
    { label: MENU_TITLES.edit, submenu: section('edit') },
    { label: MENU_TITLES.view, submenu: [...section('view'), { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: MENU_TITLES.help, submenu: section('help') },
  ];
}
