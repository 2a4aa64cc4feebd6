// Auto-lock with a fake clock: idle time, OS idle counter, OS lock-screen/suspend, the sign-in
// screen, and the admin's setting (bounded, and never disabled by a broken file).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AutoLock,
  DEFAULT_IDLE_LOCK_MS,
  idleLockReason,
  type SystemIdleState,
} from '../../../electron/auto-lock';
import { loadShellSettings, parseShellSettings } from '../../../electron/settings';

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

function harness(options: { unlocked?: boolean; timeoutMs?: number } = {}) {
  let now = 0;
  let unlocked = options.unlocked ?? true;
  let tick: (() => void) | undefined;
  let systemState: SystemIdleState = 'unknown';
  let lastSystemInput = 0;
  const locks: string[] = [];
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
    },
    options.timeoutMs,
    5_000,
  );
  return {
    autoLock,
    locks,
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
  test('default: locks after 5 minutes without activity, not before', () => {
    const h = harness();
    h.autoLock.start();
    expect(h.autoLock.idleTimeoutMs).toBe(DEFAULT_IDLE_LOCK_MS);
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
  test('defaults to 5 minutes', () => {
    expect(parseShellSettings(null)).toEqual({ idleLockMs: 5 * MIN });
    expect(parseShellSettings('{}')).toEqual({ idleLockMs: 5 * MIN });
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
      expect(parseShellSettings(text)).toEqual({ idleLockMs: 5 * MIN });
    }
  });

  test('reads the file, or defaults when there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-settings-'));
    try {
      expect(loadShellSettings(join(dir, 'settings.json'))).toEqual({ idleLockMs: 5 * MIN });
      writeFileSync(join(dir, 'settings.json'), '{"idleLockMinutes": 10}');
      expect(loadShellSettings(join(dir, 'settings.json'))).toEqual({ idleLockMs: 10 * MIN });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
