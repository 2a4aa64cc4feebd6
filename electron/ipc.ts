// The names and shapes that cross between the renderer, the preload and the main process.
// The sandboxed preload cannot import this file at run time (a sandboxed preload may only
// require 'electron'), so it repeats the two channel names; a unit test keeps them equal.
import type { CoreEvent } from '../src/api/contract';

/** The one `ipcMain.handle` channel: `(channel, payload) → Result`. */
export const INVOKE_CHANNEL = 'hearth:invoke';
/** Main → renderer pushes: core events, menu actions. */
export const EVENT_CHANNEL = 'hearth:event';

/** Interview-screen actions that native menus and their accelerators send to the renderer. */
export const MENU_ACTIONS = ['new-note', 'mark-break', 'privacy-curtain'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

/** A menu command for the renderer: it decides what the action means on the current screen. */
export interface MenuEvent {
  type: 'menu';
  action: MenuAction;
}

/** Everything `window.hearth.onEvent` can deliver. Never carries case data. */
export type ShellEvent = CoreEvent | MenuEvent;

/** What the preload exposes as `window.hearth` (and nothing else). */
export interface HearthBridge {
  invoke(channel: string, payload?: unknown): Promise<unknown>;
  /** Subscribes to shell events; returns a function that unsubscribes. */
  onEvent(listener: (event: ShellEvent) => void): () => void;
}
