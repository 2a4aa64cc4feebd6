// The native menu: the usual roles, localized labels, and accelerators for the interview
// screen's actions. The template is built by a plain function (tests read it); main.ts turns
// it into a Menu. Interview actions go to the renderer as `{ type: 'menu', action }` events,
// and the renderer decides what they mean on the current screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from './ipc';

export const MENU_LANGUAGES = ['en', 'es'] as const;
export type MenuLanguage = (typeof MENU_LANGUAGES)[number];

export const MENU_STRING_KEYS = [
  'app',
  'file',
  'lockNow',
  'quit',
  'edit',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'selectAll',
  'view',
  'resetZoom',
  'zoomIn',
  'zoomOut',
  'toggleFullScreen',
  'toggleDevTools',
  'interview',
  'newNote',
  'markBreak',
  'privacyCurtain',
  'window',
  'minimize',
  'close',
  'about',
  'hide',
  'hideOthers',
  'unhide',
] as const;
export type MenuStrings = Record<(typeof MENU_STRING_KEYS)[number], string>;

/**
 * Accelerators for the interview screen. Chosen so that none is a text-editing shortcut the
 * interviewer needs while typing a note, and the curtain is one quick chord.
 */
export const INTERVIEW_ACCELERATORS: Readonly<Record<MenuAction, string>> = {
  'new-note': 'CmdOrCtrl+N',
  'mark-break': 'CmdOrCtrl+Shift+B',
  'privacy-curtain': 'CmdOrCtrl+Shift+H',
};
export const LOCK_ACCELERATOR = 'CmdOrCtrl+L';

/** The menu language for an OS locale such as 'es-MX' (English when we have no translation). */
export function menuLanguage(locale: string): MenuLanguage {
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  return (MENU_LANGUAGES as readonly string[]).includes(primary ?? '')
    ? (primary as MenuLanguage)
    : 'en';
}

function readStrings(localesDir: string, language: MenuLanguage): Partial<MenuStrings> {
  try {
    const json: unknown = JSON.parse(readFileSync(join(localesDir, language, 'menu.json'), 'utf8'));
    if (typeof json !== 'object' || json === null) return {};
    const out: Partial<MenuStrings> = {};
    for (const key of MENU_STRING_KEYS) {
      const value = (json as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.trim() !== '') out[key] = value;
    }
    return out;
  } catch {
    return {};
  }
}

/** Menu strings for a language, each missing one taken from English (and the key as a last resort). */
export function loadMenuStrings(localesDir: string, language: MenuLanguage): MenuStrings {
  const english = readStrings(localesDir, 'en');
  const chosen = language === 'en' ? english : readStrings(localesDir, language);
  const strings = {} as MenuStrings;
  for (const key of MENU_STRING_KEYS) strings[key] = chosen[key] ?? english[key] ?? key;
  return strings;
}

export interface MenuInput {
  strings: MenuStrings;
  platform: NodeJS.Platform;
  packaged: boolean;
  onAction: (action: MenuAction) => void;
  onLock: () => void;
}

export function buildMenuTemplate({
  strings: t,
  platform,
  packaged,
  onAction,
  onLock,
}: MenuInput): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const interviewItem = (action: MenuAction, label: string): MenuItemConstructorOptions => ({
    id: action,
    label,
    accelerator: INTERVIEW_ACCELERATORS[action],
    click: () => onAction(action),
  });
  const lockItem: MenuItemConstructorOptions = {
    id: 'lock',
    label: t.lockNow,
    accelerator: LOCK_ACCELERATOR,
    click: () => onLock(),
  };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: t.app,
      submenu: [
        { role: 'about', label: t.about },
        { type: 'separator' },
        lockItem,
        { type: 'separator' },
        { role: 'hide', label: t.hide },
        { role: 'hideOthers', label: t.hideOthers },
        { role: 'unhide', label: t.unhide },
        { type: 'separator' },
        { role: 'quit', label: t.quit },
      ],
    });
  } else {
    template.push({
      label: t.file,
      submenu: [lockItem, { type: 'separator' }, { role: 'quit', label: t.quit }],
    });
  }
  template.push({
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  });
  template.push({
    label: t.view,
    submenu: [
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.toggleFullScreen },
      // Devtools could read decrypted case data in the page: developers only.
      ...(packaged
        ? []
        : [
            { type: 'separator' } as const,
            { role: 'toggleDevTools', label: t.toggleDevTools } as const,
          ]),
    ],
  });
  template.push({
    label: t.interview,
    submenu: [
      interviewItem('new-note', t.newNote),
      interviewItem('mark-break', t.markBreak),
      { type: 'separator' },
      interviewItem('privacy-curtain', t.privacyCurtain),
    ],
  });
  template.push({
    label: t.window,
    submenu: [
      { role: 'minimize', label: t.minimize },
      { role: 'close', label: t.close },
    ],
  });
  return template;
}
