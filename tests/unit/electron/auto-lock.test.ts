// Auto-lock with a fake clock: idle time, OS idle counter, OS lock-screen/suspend, the sign-in
// screen, and the admin's setting (bounded, and never disabled by a broken file).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AutoLock,
  DEFAULT_IDLE_LOCK_MS,
  idleLockReason,
  type SystemIdleState,
} from '../../../electron/auto-lock';
import {
  loadShellSettings,
  parseShellSettings,
  saveIdleLockMinutes,
} from '../../../electron/settings';
import { createShellChannels } from '../../../electron/shell-channels';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../../src/api/contract';

const MIN = 60_000;

describe('idleLockReason', () => {
  const base = {
    nowMs: 10 * MIN,
    lastAppActivityMs: 0,
    systemIdleMs: 10 * MIN,
    timeoutMs: 5 * MIN,
  };

  test('locks once both the app and the OS have been idle for the timeout', () => {
    expect(idleLockReason({ ...base, systemState: 'idle' })).toBe('idle');
  });

  test('recent input anywhere on the machine keeps it open', () => {
    expect(idleLockReason({ ...base, systemState: 'active', systemIdleMs: 30_000 })).toBeNull();
  });

  test('recent keyboard input in Hearth keeps it open', () => {
    expect(
      idleLockReason({ ...base, systemState: 'active', lastAppActivityMs: 9 * MIN }),
    ).toBeNull();
  });

  test('where the OS cannot report idleness, our own activity decides', () => {
    expect(idleLockReason({ ...base, systemState: 'unknown', systemIdleMs: 0 })).toBe('idle');
    expect(
      idleLockReason({
        ...base,
        systemState: 'unknown',
        systemIdleMs: 0,
        lastAppActivityMs: 8 * MIN,
      }),
    ).toBeNull();
  });

  test('a locked OS session locks at once', () => {
    expect(
      idleLockReason({
        ...base,
        systemState: 'locked',
        systemIdleMs: 0,
        lastAppActivityMs: 10 * MIN,
      }),
    ).toBe('system');
  });

  test('exactly at the timeout it locks; a millisecond before it does not', () => {
    const at = { ...base, systemState: 'idle' as const, systemIdleMs: 99 * MIN };
    expect(idleLockReason({ ...at, nowMs: 5 * MIN })).toBe('idle');
    expect(idleLockReason({ ...at, nowMs: 5 * MIN - 1 })).toBeNull();
  });
});

function harness(options: { unlocked?: boolean; timeoutMs?: number; live?: () => boolean } = {}) {
  let now = 0;
  let unlocked = options.unlocked ?? true;
  let tick: (() => void) | undefined;
  let systemState: SystemIdleState = 'unknown';
  let lastSystemInput = 0;
  const locks: string[] = [];
  const notices: number[] = [];
  const autoLock = new AutoLock(
    {
      now: () => now,
      setInterval: (fn) => {
        tick = fn;
        return 1;
      },
      clearInterval: () => {
        tick = undefined;
      },
      system: () => ({ state: systemState, idleMs: now - lastSystemInput }),
      isUnlocked: () => unlocked,
      lock: (reason) => {
        locks.push(reason);
        unlocked = false;
      },
      isLiveInterview: options.live ?? (() => false),
      idleDuringInterview: () => notices.push(now),
    },
    options.timeoutMs ?? 5 * MIN,
    5_000,
  );
  return {
    autoLock,
    locks,
    notices,
    advance(ms: number) {
      // Step like the real interval does.
      for (let t = 0; t < ms; t += 5_000) {
        now += Math.min(5_000, ms - t);
        tick?.();
      }
    },
    setUnlocked(value: boolean) {
      unlocked = value;
    },
    systemInput() {
      lastSystemInput = now;
    },
    setSystemState(state: SystemIdleState) {
      systemState = state;
    },
    running: () => tick !== undefined,
  };
}

describe('AutoLock', () => {
  test('the default is the one Settings shows: 15 minutes', () => {
    expect(DEFAULT_IDLE_LOCK_MS).toBe(15 * MIN);
    expect(DEFAULT_IDLE_LOCK_MS).toBe(DEFAULT_IDLE_LOCK_MINUTES * MIN);
    expect(parseShellSettings(null).idleLockMs).toBe(DEFAULT_IDLE_LOCK_MS);
  });

  test('locks after the timeout without activity, not before', () => {
    const h = harness();
    h.autoLock.start();
    h.advance(4 * MIN + 55_000);
    expect(h.locks).toEqual([]);
    h.advance(5_000);
    expect(h.locks).toEqual(['idle']);
    // Once locked it stays quiet.
    h.advance(20 * MIN);
    expect(h.locks).toEqual(['idle']);
  });

  test('typing in Hearth postpones the lock', () => {
    const h = harness();
    h.autoLock.start();
    h.advance(4 * MIN);
    h.autoLock.noteActivity();
    h.advance(4 * MIN);
    expect(h.locks).toEqual([]);
    h.advance(1 * MIN);
    expect(h.locks).toEqual(['idle']);
  });

  test('mouse or keyboard anywhere (the OS idle counter) postpones it where the OS reports it', () => {
    const h = harness();
    h.setSystemState('active');
    h.autoLock.start();
    for (let i = 0; i < 10; i++) {
      h.advance(MIN);
      h.systemInput();
    }
    expect(h.locks).toEqual([]);
    h.setSystemState('idle');
    h.advance(5 * MIN);
    expect(h.locks).toEqual(['idle']);
  });

  test('a configured timeout is used', () => {
    const h = harness({ timeoutMs: 2 * MIN });
    h.autoLock.start();
    h.advance(2 * MIN);
    expect(h.locks).toEqual(['idle']);
  });

  test('the timeout can be changed while running', () => {
    const h = harness();
    h.autoLock.start();
    h.autoLock.setIdleTimeout(MIN);
    h.advance(MIN);
    expect(h.locks).toEqual(['idle']);
  });

  test('OS lock-screen and suspend lock at once', () => {
    const h = harness();
    h.autoLock.start();
    h.autoLock.systemEvent('lock-screen');
    expect(h.locks).toEqual(['system']);
    h.setUnlocked(true);
    h.autoLock.systemEvent('suspend');
    expect(h.locks).toEqual(['system', 'system']);
  });

  test('an OS reporting its session locked locks on the next check', () => {
    const h = harness();
    h.autoLock.start();
    h.setSystemState('locked');
    h.advance(5_000);
    expect(h.locks).toEqual(['system']);
  });

  test('nothing happens on the sign-in screen, and the idle clock starts at unlock', () => {
    const h = harness({ unlocked: false });
    h.autoLock.start();
    h.advance(30 * MIN);
    h.autoLock.systemEvent('suspend');
    expect(h.locks).toEqual([]);
    h.setUnlocked(true);
    h.advance(4 * MIN);
    expect(h.locks).toEqual([]);
    h.advance(MIN);
    expect(h.locks).toEqual(['idle']);
  });

  test('during a live interview idleness never locks: one quiet notice per idle stretch', () => {
    let live = true;
    const h = harness({ live: () => live });
    h.autoLock.start();
    h.advance(5 * MIN);
    expect(h.locks).toEqual([]);
    expect(h.notices).toHaveLength(1);
    h.advance(55 * MIN);
    expect(h.locks).toEqual([]);
    expect(h.notices).toHaveLength(1);
    // Activity starts a new stretch: a later idle stretch gets its own notice.
    h.autoLock.noteActivity();
    h.advance(5 * MIN);
    expect(h.notices).toHaveLength(2);
    // The interview ends and the interviewer walks away: now it locks.
    live = false;
    h.advance(5_000);
    expect(h.locks).toEqual(['idle']);
  });

  test('during a live interview the OS screen lock still locks at once', () => {
    const h = harness({ live: () => true });
    h.autoLock.start();
    h.autoLock.systemEvent('lock-screen');
    expect(h.locks).toEqual(['system']);
    h.setUnlocked(true);
    h.setSystemState('locked');
    h.advance(5_000);
    expect(h.locks).toEqual(['system', 'system']);
  });

  test('stop ends the checks', () => {
    const h = harness();
    h.autoLock.start();
    h.autoLock.stop();
    expect(h.running()).toBe(false);
    h.advance(30 * MIN);
    expect(h.locks).toEqual([]);
  });
});

describe('shell settings', () => {
  test('defaults to 15 minutes', () => {
    expect(parseShellSettings(null)).toEqual({ idleLockMs: 15 * MIN });
    expect(parseShellSettings('{}')).toEqual({ idleLockMs: 15 * MIN });
  });

  test('an admin sets minutes, kept between 1 and 60', () => {
    expect(parseShellSettings('{"idleLockMinutes": 2}')).toEqual({ idleLockMs: 2 * MIN });
    expect(parseShellSettings('{"idleLockMinutes": 0}')).toEqual({ idleLockMs: MIN });
    expect(parseShellSettings('{"idleLockMinutes": -5}')).toEqual({ idleLockMs: MIN });
    expect(parseShellSettings('{"idleLockMinutes": 100000}')).toEqual({ idleLockMs: 60 * MIN });
  });

  test('a broken file never disables auto-lock', () => {
    for (const text of [
      'not json',
      '{"idleLockMinutes": "never"}',
      '[]',
      'null',
      '{"idleLockMinutes": null}',
    ]) {
      expect(parseShellSettings(text)).toEqual({ idleLockMs: 15 * MIN });
    }
  });

  test('reads the file, or defaults when there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-settings-'));
    try {
      expect(loadShellSettings(join(dir, 'settings.json'))).toEqual({ idleLockMs: 15 * MIN });
      writeFileSync(join(dir, 'settings.json'), '{"idleLockMinutes": 10}');
      expect(loadShellSettings(join(dir, 'settings.json'))).toEqual({ idleLockMs: 10 * MIN });
      // Settings writes the same file (keeping other fields); the shell reads it back.
      writeFileSync(join(dir, 'settings.json'), '{"idleLockMinutes": 10, "other": 1}');
      saveIdleLockMinutes(join(dir, 'settings.json'), 30);
      expect(loadShellSettings(join(dir, 'settings.json'))).toEqual({ idleLockMs: 30 * MIN });
      expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({
        idleLockMinutes: 30,
        other: 1,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('shell channels (the idle lock owned by the shell)', () => {
  function channels(admin: boolean) {
    let ms = 15 * MIN;
    const saved: number[] = [];
    const live: boolean[] = [];
    const target = createShellChannels({
      idleLockMs: () => ms,
      setIdleLockMs: (value) => {
        ms = value;
      },
      save: (minutes) => saved.push(minutes),
      isAdmin: () => Promise.resolve(admin),
      setLiveInterview: (active) => live.push(active),
    });
    return { target, saved, live, ms: () => ms };
  }

  test('reads the setting with the choices, and an admin changes it for the auto-lock at once', async () => {
    const c = channels(true);
    expect(await c.target.invoke('shell.idleLock', {})).toEqual({
      ok: true,
      value: { minutes: 15, choices: [5, 10, 15, 30, 60] },
    });
    expect(await c.target.invoke('shell.setIdleLock', { minutes: 30 })).toEqual({
      ok: true,
      value: { minutes: 30 },
    });
    expect(c.saved).toEqual([30]);
    expect(c.ms()).toBe(30 * MIN);
  });

  test('anyone else is refused with a reason, and nothing changes', async () => {
    const c = channels(false);
    const result = await c.target.invoke('shell.setIdleLock', { minutes: 60 });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(c.saved).toEqual([]);
    expect(c.ms()).toBe(15 * MIN);
  });

  test('the renderer reports the live interview to the shell', async () => {
    const c = channels(false);
    await c.target.invoke('shell.interviewActive', { active: true });
    await c.target.invoke('shell.interviewActive', { active: false });
    expect(c.live).toEqual([true, false]);
  });
});
