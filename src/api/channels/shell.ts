// Channels the desktop shell (Electron's main process) answers itself, not the core: the
// workstation's idle-lock setting and whether a live interview is on screen. Shared here so that
// the shell and the renderer use one set of names, bounds and defaults. Where no shell runs (the
// browser harness, tests) these channels are unknown and the renderer applies the same policy
// with `idleDecision`. Pure: zod only.
import { z } from 'zod';

/** The idle-lock choices Settings offers, in minutes. There is no "never". */
export const IDLE_LOCK_CHOICES = [5, 10, 15, 30, 60] as const;
export const DEFAULT_IDLE_LOCK_MINUTES = 15;
/** Bounds on a value an administrator writes into settings.json by hand. */
export const MIN_IDLE_LOCK_MINUTES = 1;
export const MAX_IDLE_LOCK_MINUTES = 60;

export const shellChannels = {
  /** The workstation's idle lock, in minutes, and the choices to offer. */
  'shell.idleLock': {
    request: z.strictObject({}),
    response: z.object({ minutes: z.number(), choices: z.array(z.int()) }),
  },
  /** Sets the idle lock (administrators only; the shell checks the signed-in role). */
  'shell.setIdleLock': {
    request: z.strictObject({
      minutes: z
        .int()
        .min(MIN_IDLE_LOCK_MINUTES, `Idle lock: at least ${MIN_IDLE_LOCK_MINUTES} minute`)
        .max(MAX_IDLE_LOCK_MINUTES, `Idle lock: at most ${MAX_IDLE_LOCK_MINUTES} minutes`),
    }),
    response: z.object({ minutes: z.number() }),
  },
  /**
   * The renderer says whether a live interview is on screen: then idleness never locks (the
   * interviewer may listen without touching anything for a long time); a quiet notice is shown
   * instead. An OS screen lock or suspend still locks.
   */
  'shell.interviewActive': {
    request: z.strictObject({ active: z.boolean() }),
    response: z.object({}),
  },
} as const;

export type ShellChannel = keyof typeof shellChannels;

export function isShellChannel(name: string): name is ShellChannel {
  return Object.prototype.hasOwnProperty.call(shellChannels, name);
}

/**
 * What idleness means now: 'lock' when the timeout has passed outside a live interview,
 * 'notice' when it has passed during one (never lock in front of the child), null before.
 * `idleMs` and `timeoutMs` are milliseconds.
 */
export function idleDecision(input: {
  idleMs: number;
  timeoutMs: number;
  liveInterview: boolean;
}): 'lock' | 'notice' | null {
  if (input.idleMs < input.timeoutMs) return null;
  return input.liveInterview ? 'notice' : 'lock';
}
