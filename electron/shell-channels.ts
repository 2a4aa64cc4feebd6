// The shell's own channels (src/api/channels/shell.ts): the idle lock setting, kept in one
// place (settings.json, read by AutoLock), and whether a live interview is on screen. Plain
// functions over injected dependencies so that tests run exactly what main.ts wires.
import { IDLE_LOCK_CHOICES, type ShellChannel } from '../src/api/channels/shell';
import type { Result } from '../src/api/contract';
import type { RelayTarget } from './ipc-relay';

export interface ShellChannelDeps {
  /** Current idle lock in ms (AutoLock's). */
  idleLockMs: () => number;
  /** Applies a new idle lock at once (AutoLock.setIdleTimeout). */
  setIdleLockMs: (ms: number) => void;
  /** Persists it (settings.json); throws on I/O errors. */
  save: (minutes: number) => void;
  /** Whether the signed-in user is an administrator (asked of the core). */
  isAdmin: () => Promise<boolean>;
  setLiveInterview: (active: boolean) => void;
}

/** Payloads arrive validated by the relay (validateRequest) before this runs. */
export function createShellChannels(deps: ShellChannelDeps): RelayTarget {
  const handlers: Record<ShellChannel, (payload: never) => Promise<Result<unknown>>> = {
    'shell.idleLock': () =>
      Promise.resolve({
        ok: true,
        value: { minutes: deps.idleLockMs() / 60_000, choices: [...IDLE_LOCK_CHOICES] },
      }),
    'shell.setIdleLock': async ({ minutes }: { minutes: number }) => {
      if (!(await deps.isAdmin())) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: 'Only an administrator can change the idle lock of this computer.',
          },
        };
      }
      try {
        deps.save(minutes);
      } catch {
        return {
          ok: false,
          error: {
            code: 'IO_ERROR',
            message: 'The setting could not be saved. Check the disk and its permissions.',
          },
        };
      }
      deps.setIdleLockMs(minutes * 60_000);
      return { ok: true, value: { minutes } };
    },
    'shell.interviewActive': ({ active }: { active: boolean }) => {
      deps.setLiveInterview(active);
      return Promise.resolve({ ok: true, value: {} });
    },
  };
  return {
    invoke: (channel, payload) => handlers[channel as ShellChannel](payload as never),
  };
}
