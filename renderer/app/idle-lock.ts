// The idle lock as the renderer sees it. The shell owns the setting (settings.json, through
// the shell.* channels) and does the locking; the renderer only tells it whether a live
// interview is on screen and shows its quiet notice. Where no shell runs (the browser harness)
// the renderer applies the same policy (idleDecision, from the shared contract) in memory.
import { useEffect, useRef } from 'react';
import { DEFAULT_IDLE_LOCK_MINUTES, IDLE_LOCK_CHOICES, idleDecision } from '../../src/api/contract';

export { DEFAULT_IDLE_LOCK_MINUTES, IDLE_LOCK_CHOICES };

export interface IdleLockSetting {
  minutes: number;
  choices: readonly number[];
  /** 'shell': the desktop app keeps and applies it; 'app': this window does, until it closes. */
  owner: 'shell' | 'app';
}

/**
 * The renderer's own idle timer, used only where no shell applies the setting: after
 * `minutes` without keyboard, pointer or wheel input, `onIdle('lock')`, or `onIdle('notice')`
 * during a live interview (once per idle stretch).
 */
export function useFallbackIdleLock(
  minutes: number,
  liveInterview: boolean,
  onIdle: (what: 'lock' | 'notice') => void,
  enabled: boolean,
): void {
  const live = useRef(liveInterview);
  live.current = liveInterview;
  useEffect(() => {
    if (!enabled) return undefined;
    const timeoutMs = minutes * 60_000;
    const fire = () => {
      const decision = idleDecision({ idleMs: timeoutMs, timeoutMs, liveInterview: live.current });
      if (decision) onIdle(decision);
    };
    let timer = window.setTimeout(fire, timeoutMs);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(fire, timeoutMs);
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    events.forEach((name) => window.addEventListener(name, reset, { passive: true }));
    return () => {
      window.clearTimeout(timer);
      events.forEach((name) => window.removeEventListener(name, reset));
    };
  }, [minutes, onIdle, enabled]);
}
