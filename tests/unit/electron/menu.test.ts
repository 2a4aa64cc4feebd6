// The native menu: localized, with the usual roles, accelerators for interview actions sent
// to the renderer as menu events, a lock item, and no devtools in packaged builds.
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_ACTIONS, type MenuAction } from '../../../electron/ipc';
import {
  buildMenuTemplate,
  INTERVIEW_ACCELERATORS,
  loadMenuStrings,
  MENU_LANGUAGES,
  MENU_STRING_KEYS,
  menuLanguage,
} from '../../../electron/menu';
import { readFileSync } from 'node:fs';

const LOCALES = join(__dirname, '../../../locales');

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

function build(platform: NodeJS.Platform, packaged: boolean, language: 'en' | 'es' = 'en') {
  const actions: MenuAction[] = [];
  let locks = 0;
  const template = buildMenuTemplate({
    strings: loadMenuStrings(LOCALES, language),
    platform,
    packaged,
    onAction: (a) => actions.push(a),
    onLock: () => locks++,
  });
  return { template, items: flatten(template), actions, locks: () => locks };
}

test('every menu language has every string, and no extra ones', () => {
  for (const language of MENU_LANGUAGES) {
    const json = JSON.parse(readFileSync(join(LOCALES, language, 'menu.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(Object.keys(json).sort()).toEqual([...MENU_STRING_KEYS].sort());
    for (const value of Object.values(json)) expect(value.trim()).not.toBe('');
  }
});

test('the OS locale picks the menu language, English otherwise', () => {
  expect(menuLanguage('es-MX')).toBe('es');
  expect(menuLanguage('es')).toBe('es');
  expect(menuLanguage('en-US')).toBe('en');
  expect(menuLanguage('fr-FR')).toBe('en');
  expect(menuLanguage('')).toBe('en');
});

test('Spanish labels are used, with the same structure', () => {
  const en = build('linux', true, 'en');
  const es = build('linux', true, 'es');
  expect(es.template.map((m) => m.label)).toEqual([
    'Archivo',
    'Edición',
    'Ver',
    'Entrevista',
    'Ventana',
  ]);
  expect(es.items.map((i) => i.role ?? i.id ?? i.type)).toEqual(
    en.items.map((i) => i.role ?? i.id ?? i.type),
  );
  expect(es.items.find((i) => i.id === 'privacy-curtain')?.label).toBe('Cortina de privacidad');
});

test('interview actions have accelerators and reach the renderer as menu actions', () => {
  const { items, actions } = build('linux', true);
  for (const action of MENU_ACTIONS) {
    const item = items.find((i) => i.id === action)!;
    expect(item.accelerator).toBe(INTERVIEW_ACCELERATORS[action]);
    (item.click as () => void)();
  }
  expect(actions).toEqual(['new-note', 'mark-break', 'privacy-curtain']);
  // No two items share an accelerator.
  const accelerators = items.map((i) => i.accelerator).filter(Boolean);
  expect(new Set(accelerators).size).toBe(accelerators.length);
});

test('lock now locks', () => {
  const { items, locks } = build('win32', true);
  const lock = items.find((i) => i.id === 'lock')!;
  expect(lock.accelerator).toBe('CmdOrCtrl+L');
  (lock.click as () => void)();
  expect(locks()).toBe(1);
});

test('the usual roles are there; macOS gets the app menu', () => {
  const linux = build('linux', true)
    .items.map((i) => i.role)
    .filter(Boolean);
  expect(linux).toEqual(
    expect.arrayContaining([
      'quit',
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'minimize',
      'close',
    ]),
  );
  const mac = build('darwin', true);
  expect(mac.template[0]!.label).toBe('Hearth');
  expect(mac.items.map((i) => i.role)).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
});

test('developer tools only in development builds', () => {
  expect(build('linux', true).items.some((i) => i.role === 'toggleDevTools')).toBe(false);
  expect(build('linux', false).items.some((i) => i.role === 'toggleDevTools')).toBe(true);
});

test('a missing translation falls back to English', () => {
  const strings = loadMenuStrings('/nonexistent', 'es');
  expect(strings.newNote).toBe('newNote');
  const fromEnglish = loadMenuStrings(LOCALES, 'en');
  expect(fromEnglish.newNote).toBe('New note');
});
