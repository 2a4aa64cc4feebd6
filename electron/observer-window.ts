// The observation room's window (issue #19): a second BrowserWindow showing the renderer's
// observer page ("#observer/<sessionId>"), opened by the live screen with window.open. Only
// that exact address gets a window (every other window.open is still denied), with the main
// window's hardened options, and its IPC may call observers.suggest and nothing else: an
// observer's screen can add to the queue but never read the record, the queue or a case.
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-protocol';
import { mainWindowOptions, type WindowOptionsInput } from './security';

/** The channels an observer window may call (the relay refuses every other one from it). */
export const OBSERVER_CHANNELS: ReadonlySet<string> = new Set(['observers.suggest']);

const OBSERVER_HASH = /^#observer\/sess_[0-9a-f]{32}$/;

/** Exactly app://hearth/index.html#observer/<session id>: no query, no other path or host. */
export function isObserverWindowUrl(url: string): boolean {
  if (!url.startsWith(`${APP_ENTRY_URL}#`)) return false;
  return OBSERVER_HASH.test(url.slice(APP_ENTRY_URL.length));
}

/** The observer window's options: the main window's webPreferences, a smaller frame. */
export function observerWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...mainWindowOptions(input),
    width: 560,
    height: 680,
    minWidth: 420,
    minHeight: 480,
    title: 'Hearth: observation room',
  };
}

/**
 * `setWindowOpenHandler`'s answer: a window for the observer page when the main window asks
 * for it, a denial for anything else (other addresses, or asked by any other webContents).
 */
export function observerWindowOpenDecision(
  url: string,
  fromMainWindow: boolean,
  input: WindowOptionsInput,
):
  | { action: 'deny' }
  | { action: 'allow'; overrideBrowserWindowOptions: BrowserWindowConstructorOptions } {
  if (!fromMainWindow || !isObserverWindowUrl(url)) return { action: 'deny' };
  return { action: 'allow', overrideBrowserWindowOptions: observerWindowOptions(input) };
}
