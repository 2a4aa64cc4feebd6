// Auto-lock after a chosen number of idle minutes. The shell may also lock (and tells us with
// a 'locked' event); this covers the renderer's side so that the setting works everywhere.
import { useEffect } from 'react';

const STORAGE_KEY = 'hearth.autoLockMinutes';
export const AUTO_LOCK_CHOICES = [5, 10, 15, 30, 60] as const;
export const DEFAULT_AUTO_LOCK_MINUTES = 15;

export function loadAutoLockMinutes(): number {
  try {
    const saved = Number(window.localStorage.getItem(STORAGE_KEY));
    if ((AUTO_LOCK_CHOICES as readonly number[]).includes(saved)) return saved;
  } catch {
    // Storage unavailable: use the default.
  }
  return DEFAULT_AUTO_LOCK_MINUTES;
}

export function saveAutoLockMinutes(minutes: number): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, String(minutes));
  } catch {
    // Not saved: applies for this session only.
  }
}

export function useIdleLock(minutes: number, onIdle: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    let timer = window.setTimeout(onIdle, minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    events.forEach((name) => window.addEventListener(name, reset, { passive: true }));
    return () => {
      window.clearTimeout(timer);
      events.forEach((name) => window.removeEventListener(name, reset));
    };
  }, [minutes, onIdle, enabled]);
}
